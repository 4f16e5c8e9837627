import { configDefaults, defineConfig } from 'vitest/config';

// `*.pg.test.ts` need a PostgreSQL server (several api instances sharing one database); they run in the
// database suite of .ci/run, where DATABASE_URL is set.
const needsServer = process.env['DATABASE_URL'] ? [] : ['**/*.pg.test.ts'];

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
		exclude: [...configDefaults.exclude, ...needsServer],
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});
