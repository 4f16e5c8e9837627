import { defineConfig } from 'vitest/config';

// One real api for the whole run (started by global setup); the flows drive it from headless Chromium.
export default defineConfig({
	test: {
		include: ['src/**/*.e2e.ts'],
		globalSetup: ['src/global-setup.ts'],
		expect: { requireAssertions: true },
		testTimeout: 90_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		pool: 'forks',
	},
});
