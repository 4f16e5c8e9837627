import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export type StaticAppOptions = {
	/** Directory of a SvelteKit adapter-static build (holds index.html and _app/). */
	readonly root: string;
	/** Where the app is mounted: '' for the console at `/`, '/kiosk' for the kiosk. */
	readonly basePath: '' | `/${string}`;
	/** Paths under the mount that never fall back to the SPA (the api's own namespaces). */
	readonly reservedPrefixes?: readonly string[];
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves one built single-page app. Hashed assets under `_app/immutable` are cached for a year; every other
 * GET that is not a file gets `index.html` (the SPA's router takes it from there) with `no-cache`, so a new
 * deployment is picked up on the next load.
 */
export function staticAppRoutes(options: StaticAppOptions) {
	const { root, basePath } = options;
	const reserved = options.reservedPrefixes ?? [];
	const indexPath = join(root, 'index.html');
	const app = new Hono();

	app.use('*', async (c, next) => {
		await next();
		if (c.res.ok && !c.res.headers.has('cache-control')) {
			c.res.headers.set('cache-control', c.req.path.includes('/_app/immutable/') ? IMMUTABLE : 'no-cache');
		}
	});
	app.use('*', serveStatic({ root, rewriteRequestPath: (path) => path.slice(basePath.length) || '/' }));

	app.get('*', (c, next) => {
		const path = c.req.path;
		if (reserved.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return next();
		if (!existsSync(indexPath)) {
			return c.text(`This app has not been built yet: run \`npm run build\` (looked in ${root}).`, 503);
		}
		c.header('cache-control', 'no-cache');
		return c.html(readFileSync(indexPath, 'utf8'));
	});

	return app;
}
