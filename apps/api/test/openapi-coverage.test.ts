import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './api-harness';

type Operation = { responses?: Record<string, { headers?: Record<string, unknown> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** `/work-orders/:id/commands` → `/work-orders/{id}/commands`. */
const openApiPath = (path: string) => path.replace(/:([^/]+)/g, '{$1}');

let api: TestApi;
let document: Document;

beforeAll(async () => {
	api = await createTestApi();
	const res = await api.request('/api/openapi.json');
	expect(res.status).toBe(200);
	document = (await res.json()) as Document;
}, 60_000);
afterAll(() => api.close());

const served = () =>
	[
		...new Set(
			api.app.routes
				.filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL')
				.map((route) => `${route.method.toLowerCase()} ${openApiPath(route.path)}`),
		),
	].sort();

const documented = () =>
	Object.entries(document.paths)
		.flatMap(([path, item]) =>
			Object.keys(item)
				.filter((method) => HTTP_METHODS.has(method))
				.map((method) => `${method} ${path}`),
		)
		.sort();

describe('/api/openapi.json', () => {
	it('is an OpenAPI 3.1 document', () => {
		expect(document.openapi).toBe('3.1.0');
	});

	it('documents every route the app serves under /api/v1, with the same method and path', () => {
		const listed = new Set(documented());
		expect(served().length).toBeGreaterThan(30);
		expect(served().filter((route) => !listed.has(route))).toEqual([]);
	});

	it('documents no /api/v1 operation the app does not serve', () => {
		const routes = new Set(served());
		expect(
			documented().filter((route) => route.split(' ')[1]?.startsWith('/api/v1/') && !routes.has(route)),
		).toEqual([]);
	});

	it('declares at least one 4xx response on every documented operation', () => {
		const operations = Object.entries(document.paths).flatMap(([path, item]) =>
			Object.entries(item)
				.filter(([method]) => HTTP_METHODS.has(method))
				.map(([method, operation]) => ({
					route: `${method} ${path}`,
					statuses: Object.keys(operation.responses ?? {}),
				})),
		);
		expect(operations.length).toBeGreaterThan(0);
		expect(
			operations
				.filter(({ statuses }) => !statuses.some((status) => /^4\d\d$/.test(status)))
				.map(({ route }) => route),
		).toEqual([]);
	});

	it('documents the session cookie the sign-in sets', () => {
		const signedIn = document.paths['/api/v1/auth/login']?.['post']?.responses?.['200'];
		expect(signedIn?.headers).toHaveProperty('Set-Cookie');
	});
});
