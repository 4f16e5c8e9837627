import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts'],
		expect: { requireAssertions: true },
		// Property tests run hundreds of cases; a loaded 2-core CI machine needs the headroom.
		testTimeout: 30_000,
		coverage: {
			provider: 'v8',
			include: ['src/**/*.ts'],
			exclude: ['src/**/*.test.ts', 'src/**/index.ts'],
			reporter: ['text-summary', 'json-summary'],
			thresholds: { lines: 90 },
		},
	},
});
