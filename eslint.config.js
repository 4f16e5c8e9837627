// One lint configuration for the whole workspace. ESLint finds it from any package directory.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
	{
		ignores: [
			'**/node_modules/**',
			'**/dist/**',
			'**/build/**',
			'**/.svelte-kit/**',
			'**/coverage/**',
			'**/.turbo/**',
			'**/.data/**',
			'**/src/lib/paraglide/**',
			'apps/api/drizzle/**',
			'bench/results/**',
		],
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['../../../*'], message: 'Use a package name or $lib.' }] },
			],
			// Only env.ts reads the environment (STYLE.md, convention 6).
			'no-restricted-properties': [
				'error',
				{ object: 'process', property: 'env', message: 'Read configuration through env.ts.' },
			],
		},
	},
	{
		files: ['**/*.ts'],
		ignores: ['**/*.config.ts', 'bench/**'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': [
				'error',
				{ considerDefaultExhaustiveForUnions: true },
			],
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				extraFileExtensions: ['.svelte'],
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': [
				'error',
				{ considerDefaultExhaustiveForUnions: true },
			],
		},
	},
	{
		// The domain is pure: no I/O, no frameworks, no clock, no randomness (STYLE.md, convention 1 and 2).
		files: ['packages/domain/src/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*', 'fs', 'path', 'crypto', 'http', 'os'], message: 'The domain does no I/O.' },
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
							message: 'The domain knows no database.',
						},
						{
							group: ['hono', 'hono/*', '@hono/*', 'socket.io', 'socket.io-client'],
							message: 'The domain knows no transport.',
						},
						{ group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'], message: 'The domain knows no UI.' },
					],
				},
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Take `now` as an argument.',
				},
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Take `now` as an argument.',
				},
				{
					selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
					message: 'Take randomness as an argument.',
				},
			],
		},
	},
	{
		files: [
			'**/env.ts',
			'**/*.config.ts',
			'**/*.config.js',
			'bench/**',
			'**/scripts/**',
			'**/e2e/**',
			'**/test/**',
			'.ci/**',
		],
		rules: { 'no-restricted-properties': 'off' },
	},
);
