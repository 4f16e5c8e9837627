import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { paraglideOptions } from './i18n.config.js';

const api = 'http://127.0.0.1:3000';

/**
 * The paraglide plugin recompiles the catalogues as they are edited in dev. `build` compiles them with
 * the `i18n` script first instead: inside vite the inlang SDK leaves 30-second timers behind that keep
 * `vite build` from exiting for that long.
 */
const paraglideInDev = [paraglideVitePlugin(paraglideOptions)]
	.flat()
	.map((plugin): Plugin => ({ ...plugin, apply: 'serve' }));

export default defineConfig({
	plugins: [...paraglideInDev, sveltekit()],
	server: {
		proxy: {
			'/api': api,
			'/healthz': api,
			'/socket.io': { target: api, ws: true },
		},
	},
});
