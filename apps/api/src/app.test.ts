import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { makeBuiltSpa } from '#test/static-fixture';
import { createApp } from './app';

let databaseUp = true;
let api: TestApi;
let bare: TestApi['app'];

beforeAll(async () => {
	api = await createTestApi();
	const base = {
		logger: pino({ level: 'silent' }),
		version: '9.9.9',
		uptimeSeconds: () => 42.4,
		db: api.db,
		now: api.now,
		services: api.services,
		secureCookies: false,
		allowedOrigins: [],
	};
	app = createApp({
		...base,
		checkDatabase: () => (databaseUp ? Promise.resolve() : Promise.reject(new Error('connection refused'))),
		consoleDir: makeBuiltSpa('console'),
		kioskDir: makeBuiltSpa('kiosk'),
	});
	bare = createApp({
		...base,
		checkDatabase: () => Promise.resolve(),
		consoleDir: join(tmpdir(), 'estate-ops-missing-console'),
		kioskDir: join(tmpdir(), 'estate-ops-missing-kiosk'),
	});
});
afterAll(() => api.close());

let app: TestApi['app'];

describe('GET /healthz', () => {
	it('answers ok with the version and uptime', async () => {
		const res = await app.request('/healthz');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', version: '9.9.9', uptimeSeconds: 42 });
	});

	it('tags every response with a request id', async () => {
		const res = await app.request('/healthz');
		expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
	});
});

describe('GET /readyz', () => {
	it('is ready while the database answers', async () => {
		databaseUp = true;
		const res = await app.request('/readyz');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ready', database: 'ok' });
	});

	it('is 503 with the reason when the database does not answer', async () => {
		databaseUp = false;
		const res = await app.request('/readyz');
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({
			status: 'not_ready',
			database: 'unavailable',
			reason: 'connection refused',
		});
		databaseUp = true;
	});
});

describe('serving the built apps', () => {
	it.each([
		['/', 'console'],
		['/work-orders/123', 'console'],
		['/kiosk', 'kiosk'],
		['/kiosk/', 'kiosk'],
		['/kiosk/follow/R7K2QX', 'kiosk'],
	])('GET %s returns the %s index.html without caching', async (path, marker) => {
		const res = await app.request(path);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/html');
		expect(res.headers.get('cache-control')).toBe('no-cache');
		expect(await res.text()).toContain(`data-app="${marker}"`);
	});

	it.each([
		['/_app/immutable/entry.abc123.js', 'console'],
		['/kiosk/_app/immutable/entry.abc123.js', 'kiosk'],
	])('GET %s serves the hashed asset of the %s for a year', async (path, marker) => {
		const res = await app.request(path);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(await res.text()).toContain(marker);
	});

	it('does not let a path climb out of the build directory', async () => {
		const res = await app.request('/kiosk/..%2f..%2f..%2fetc%2fpasswd');
		expect(await res.text()).not.toContain('root:');
	});

	it('says how to build when an app has not been built', async () => {
		const res = await bare.request('/');
		expect(res.status).toBe(503);
		expect(await res.text()).toContain('npm run build');
	});
});

describe('unknown api routes', () => {
	it('answer 404 with an RFC 9457 problem body, not the SPA', async () => {
		const res = await app.request('/api/v1/nothing-here', { method: 'POST' });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(await res.json()).toMatchObject({
			type: 'about:blank',
			title: 'Not Found',
			status: 404,
			detail: 'No api route POST /api/v1/nothing-here.',
		});
	});
});
