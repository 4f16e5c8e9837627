import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		// A single-page app: the api serves build/ at / and answers every unknown path with index.html.
		adapter: adapter({ fallback: 'index.html' }),
		// The fallback page is served at any depth, so asset URLs must be absolute.
		paths: { relative: false },
	},
};

export default config;
