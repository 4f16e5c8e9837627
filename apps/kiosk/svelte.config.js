import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		// A single-page app: the api serves build/ at /kiosk and answers every unknown path below it with
		// index.html.
		adapter: adapter({ fallback: 'index.html' }),
		// The fallback page is served at any depth, so asset URLs must be absolute (/kiosk/_app/…).
		paths: { base: '/kiosk', relative: false },
	},
};

export default config;
