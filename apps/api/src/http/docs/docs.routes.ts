import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);

/** swagger-ui's files, served from our own origin: no CDN (DESIGN.md). */
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Readonly<Record<string, string>> = {
	'swagger-ui.css': 'text/css; charset=utf-8',
	'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Estate Ops API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

// A separate file rather than an inline script, so the page works under a strict Content-Security-Policy.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** The API reference UI at `/api/docs`, reading `/api/openapi.json`. */
export function docsRoutes() {
	const cache = new Map<string, string>();
	return new Hono()
		.get('/', (c) => c.html(page))
		.get('/assets/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
		.get('/assets/:file', (c) => {
			const file = c.req.param('file');
			const type = ASSETS[file];
			if (!type) return c.notFound();
			let body = cache.get(file);
			if (body === undefined) {
				body = readFileSync(join(swaggerDir, file), 'utf8');
				cache.set(file, body);
			}
			return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
		});
}
