import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Components render through `svelte/server` in the node environment: tests assert on the markup's roles,
// ARIA attributes and data-state without a browser.
export default defineConfig({
	plugins: [svelte()],
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts'],
		expect: { requireAssertions: true },
		// tokens.test.ts reads tokens.css as text; vitest empties CSS it is not told to process.
		css: { include: [/tokens\.css/] },
	},
});
