import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { bearerToken } from './auth.middleware';
import { createAuthTestApp, createEstate, createStaffMember, openTestDatabase } from './auth.fixtures';

let database: DatabaseHandle;
let estateId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	estateId = await createEstate(database.db);
});

afterAll(async () => {
	await database.close();
});

async function signedInKit(options: { allowedOrigins?: string[] } = {}) {
	const kit = createAuthTestApp(database.db, options);
	const member = await createStaffMember(database.db, estateId, { roles: ['customer_service'] });
	const { token } = await kit.login(member.username, member.password);
	if (!token) throw new Error('login failed');
	return { kit, token };
}

describe('originCheck', () => {
	it('refuses a state-changing request with the session cookie from a foreign Origin (403 AUTH.BAD_ORIGIN)', async () => {
		const { kit, token } = await signedInKit();
		const res = await kit.request('/api/v1/work-orders', {
			method: 'POST',
			cookie: token,
			headers: { origin: 'https://evil.example' },
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ code: 'AUTH.BAD_ORIGIN' });
	});

	it('accepts the same request from our own origin', async () => {
		const { kit, token } = await signedInKit();
		const res = await kit.request('/api/v1/work-orders', {
			method: 'POST',
			cookie: token,
			headers: { origin: 'http://localhost' },
		});
		expect(res.status).toBe(201);
	});

	it('judges by the Host header, so a proxied https origin of the same host passes', async () => {
		const { kit, token } = await signedInKit();
		const res = await kit.request('/api/v1/work-orders', {
			method: 'POST',
			cookie: token,
			headers: { origin: 'https://ops.example.cn', host: 'ops.example.cn' },
		});
		expect(res.status).toBe(201);
	});

	it('falls back to Referer when there is no Origin', async () => {
		const { kit, token } = await signedInKit();
		const same = await kit.app.request('/api/v1/work-orders', {
			method: 'POST',
			headers: { cookie: `estate_ops_session=${token}`, referer: 'http://localhost/work-orders/new' },
		});
		expect(same.status).toBe(201);
		const foreign = await kit.app.request('/api/v1/work-orders', {
			method: 'POST',
			headers: { cookie: `estate_ops_session=${token}`, referer: 'https://evil.example/page' },
		});
		expect(foreign.status).toBe(403);
	});

	it('refuses a cookie-carrying POST that names no origin at all, and Origin: null', async () => {
		const { kit, token } = await signedInKit();
		const none = await kit.app.request('/api/v1/work-orders', {
			method: 'POST',
			headers: { cookie: `estate_ops_session=${token}` },
		});
		expect(none.status).toBe(403);
		const opaque = await kit.app.request('/api/v1/work-orders', {
			method: 'POST',
			headers: { cookie: `estate_ops_session=${token}`, origin: 'null' },
		});
		expect(opaque.status).toBe(403);
	});

	it('accepts an origin from the allowed list (e.g. the Vite dev server)', async () => {
		const { kit, token } = await signedInKit({ allowedOrigins: ['http://localhost:5173'] });
		const res = await kit.request('/api/v1/work-orders', {
			method: 'POST',
			cookie: token,
			headers: { origin: 'http://localhost:5173' },
		});
		expect(res.status).toBe(201);
	});

	it('refuses a cross-site sign-in even without a cookie (login CSRF)', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const res = await kit.app.request('/api/v1/auth/login', {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
			body: JSON.stringify({ username: member.username, password: member.password }),
		});
		expect(res.status).toBe(403);
	});

	it('exempts bearer-token requests, whatever their Origin', async () => {
		const { kit } = await signedInKit();
		const res = await kit.app.request('/api/v1/work-orders', {
			method: 'POST',
			headers: { authorization: 'Bearer unknowntoken', origin: 'https://evil.example' },
		});
		// Past the origin check, refused only because the token is unknown.
		expect(res.status).toBe(401);
	});

	it('lets safe methods through from anywhere', async () => {
		const { kit, token } = await signedInKit();
		const res = await kit.request('/api/v1/work-orders', {
			cookie: token,
			headers: { origin: 'https://evil.example' },
		});
		expect(res.status).toBe(200);
	});
});

describe('authenticate and requirePermission', () => {
	it('leaves a request without credentials unauthenticated (401 on a guarded route), never failing it itself', async () => {
		const kit = createAuthTestApp(database.db);
		const res = await kit.request('/api/v1/work-orders');
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
	});

	it('treats a garbage cookie as no session and clears it', async () => {
		const kit = createAuthTestApp(database.db);
		const res = await kit.request('/api/v1/work-orders', { cookie: 'not a token' });
		expect(res.status).toBe(401);
		expect(res.headers.getSetCookie().join()).toMatch(/estate_ops_session=;/);
	});

	it('answers 403 AUTH.FORBIDDEN to a role without the permission', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId, { roles: ['technician'] });
		const { token } = await kit.login(member.username, member.password);
		const res = await kit.request('/api/v1/work-orders', { cookie: token ?? '' });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', status: 403 });
	});
});

describe('bearerToken', () => {
	it.each([
		[undefined, undefined],
		['Bearer abc', 'abc'],
		['bearer   abc  ', 'abc'],
		['Basic abc', ''],
		['Bearer', ''],
	])('reads %j as %j', (header, token) => {
		expect(bearerToken(header)).toBe(token);
	});
});
