import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { sessions, staff } from '../../db/schema/index';
import { createPasswordHasher, type PasswordHasher } from '../../auth/password-hasher';
import { hashToken } from '../../auth/secret-token';
import { eq } from 'drizzle-orm';
import {
	KNOWN_PASSWORD,
	createAuthTestApp,
	createEstate,
	createStaffMember,
	sessionCookieOf,
	sessionTokenOf,
	openTestDatabase,
} from './auth.fixtures';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

let database: DatabaseHandle;
let estateId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	estateId = await createEstate(database.db);
});

afterAll(async () => {
	await database.close();
});

const problemOf = async (res: Response) => {
	expect(res.headers.get('content-type')).toContain('application/problem+json');
	return (await res.json()) as {
		status: number;
		code?: string;
		errors?: { path: string; message: string }[];
		detail?: string;
	};
};

describe('POST /api/v1/auth/login', () => {
	it('signs in with the right password: 200, the staff member, and an HttpOnly SameSite=Lax session cookie', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId, { roles: ['customer_service'] });
		const { res, token } = await kit.login(member.username, member.password);
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			staff: { id: string; roles: string[]; estate: { id: string }; mustChangePassword: boolean };
		};
		expect(body.staff).toMatchObject({
			kind: 'staff',
			id: member.id,
			roles: ['customer_service'],
			mustChangePassword: false,
		});
		expect(body.staff.estate.id).toBe(estateId);
		const cookie = sessionCookieOf(res) ?? '';
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/);
		expect(token).toMatch(/^[a-z2-7]{32,}$/);
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('accepts the username in any letter case', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { res } = await kit.login(member.username.toUpperCase(), member.password);
		expect(res.status).toBe(200);
	});

	it('marks the cookie Secure when secureCookies is set or the request is https', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const res = await kit.app.request('https://estate.example/api/v1/auth/login', {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'https://estate.example' },
			body: JSON.stringify({ username: member.username, password: member.password }),
		});
		expect(res.status).toBe(200);
		expect(sessionCookieOf(res)).toMatch(/Secure/);
	});

	it('answers a wrong password and an unknown username with the same generic 401', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const wrong = await kit.login(member.username, 'Wrong-Password-1');
		const unknown = await kit.login('nobody.here', 'Wrong-Password-1');
		expect(wrong.res.status).toBe(401);
		expect(unknown.res.status).toBe(401);
		const [a, b] = [await problemOf(wrong.res), await problemOf(unknown.res)];
		expect(a.code).toBe('AUTH.INVALID_CREDENTIALS');
		expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
		expect(wrong.token).toBeUndefined();
	});

	it('runs one argon2 verification for an unknown username, as for a wrong password (no timing shortcut)', async () => {
		// The real hasher, counted: what matters is that both paths do the same argon2 work, not a stopwatch.
		const real = createPasswordHasher();
		const work: string[] = [];
		const counted: PasswordHasher = {
			hash: (password) => real.hash(password),
			verify: async (hash, password) => {
				work.push('verify');
				return real.verify(hash, password);
			},
			burn: async (password) => {
				work.push('burn');
				await real.burn(password);
			},
		};
		const kit = createAuthTestApp(database.db, { hasher: counted });
		const member = await createStaffMember(database.db, estateId);
		const known = await kit.login(member.username, 'Wrong-Password-1');
		expect(known.res.status).toBe(401);
		expect(work).toEqual(['verify']);
		work.length = 0;
		const unknown = await kit.login('nobody.at.all', 'Wrong-Password-1');
		expect(unknown.res.status).toBe(401);
		expect(work).toEqual(['burn']);
	});

	it('refuses a deactivated account with the generic 401', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		await database.db.update(staff).set({ active: false }).where(eq(staff.id, member.id));
		const { res } = await kit.login(member.username, member.password);
		expect(res.status).toBe(401);
		expect((await problemOf(res)).code).toBe('AUTH.INVALID_CREDENTIALS');
	});

	it('answers a body without a password with a 400 naming the field', async () => {
		const kit = createAuthTestApp(database.db);
		const res = await kit.request('/api/v1/auth/login', { method: 'POST', json: { username: 'someone' } });
		expect(res.status).toBe(400);
		const body = await problemOf(res);
		expect(body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
	});

	it('answers a body that is not JSON with 400', async () => {
		const kit = createAuthTestApp(database.db);
		const res = await kit.request('/api/v1/auth/login', {
			method: 'POST',
			body: 'username=a',
			headers: { 'content-type': 'text/plain' },
		});
		expect(res.status).toBe(400);
		expect((await problemOf(res)).code).toBe('REQUEST.INVALID_JSON');
	});
});

describe('account lockout', () => {
	it('locks after 5 consecutive failures: 429 with Retry-After even for the right password, open again after 15 minutes', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		for (let i = 0; i < 4; i++) {
			expect((await kit.login(member.username, `Wrong-Password-${i}`)).res.status).toBe(401);
		}
		const fifth = await kit.login(member.username, 'Wrong-Password-5');
		expect(fifth.res.status).toBe(429);
		expect((await problemOf(fifth.res)).code).toBe('AUTH.ACCOUNT_LOCKED');
		expect(fifth.res.headers.get('retry-after')).toBe('900');

		kit.advance(5 * MINUTE);
		const locked = await kit.login(member.username, member.password);
		expect(locked.res.status).toBe(429);
		expect(locked.res.headers.get('retry-after')).toBe('600');
		expect(locked.token).toBeUndefined();

		kit.advance(10 * MINUTE);
		const open = await kit.login(member.username, member.password);
		expect(open.res.status).toBe(200);
		const row = (await database.db.select().from(staff).where(eq(staff.id, member.id)))[0];
		expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
	});

	it('counts only consecutive failures: a success in between starts the count again', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		for (let i = 0; i < 4; i++) await kit.login(member.username, 'Wrong-Password-1');
		expect((await kit.login(member.username, member.password)).res.status).toBe(200);
		for (let i = 0; i < 4; i++) {
			expect((await kit.login(member.username, 'Wrong-Password-1')).res.status).toBe(401);
		}
	});
});

describe('per-address limit', () => {
	it('refuses an address after 20 failures in 10 minutes with 429 and Retry-After, other addresses unaffected', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const attacker = { 'x-test-client': '198.51.100.9' };
		for (let i = 0; i < 20; i++) {
			const { res } = await kit.login(`guess.${i}`, 'Wrong-Password-1', attacker);
			expect(res.status).toBe(401);
		}
		const blocked = await kit.login(member.username, member.password, attacker);
		expect(blocked.res.status).toBe(429);
		expect((await problemOf(blocked.res)).code).toBe('AUTH.TOO_MANY_ATTEMPTS');
		expect(Number(blocked.res.headers.get('retry-after'))).toBe(600);

		const elsewhere = await kit.login(member.username, member.password, { 'x-test-client': '198.51.100.10' });
		expect(elsewhere.res.status).toBe(200);

		kit.advance(10 * MINUTE + 1_000);
		expect((await kit.login(member.username, member.password, attacker)).res.status).toBe(200);
	});
});

describe('concurrent guessing', () => {
	it('lets no more than 20 of a burst of concurrent guesses from one address reach the password check', async () => {
		const kit = createAuthTestApp(database.db);
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				kit.login(`burst.${i}`, 'Wrong-Password-1', { 'x-test-client': '192.0.2.50' }),
			),
		);
		const statuses = results.map((r) => r.res.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(20);
		expect(statuses.filter((s) => s === 429)).toHaveLength(10);
	});

	it('locks an account after a burst of concurrent wrong guesses from many addresses (atomic counting)', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const wrong = Array.from({ length: 8 }, (_, i) =>
			kit.login(member.username, `Wrong-Password-${i}`, { 'x-test-client': `192.0.2.${i}` }),
		);
		await Promise.all(wrong);
		const { res } = await kit.login(member.username, member.password, { 'x-test-client': '192.0.2.99' });
		expect(res.status).toBe(429);
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token: no row of the sessions table equals the cookie token', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		const rows = await database.db.select().from(sessions);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(Object.values(row)).not.toContain(token);
			expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		}
		expect(rows.map((row) => row.id)).toContain(hashToken(token ?? ''));
	});

	it('expires after 30 days without use', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		kit.advance(30 * DAY);
		const res = await kit.request('/api/v1/auth/me', { cookie: token ?? '' });
		expect(res.status).toBe(401);
		// The dead cookie is cleared and the row is gone.
		expect(sessionTokenOf(res)).toBe('');
		expect(
			await database.db
				.select()
				.from(sessions)
				.where(eq(sessions.id, hashToken(token ?? ''))),
		).toEqual([]);
	});

	it('slides: used with fewer than 15 days left, it is renewed to 30 days and the cookie is sent again', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);

		kit.advance(10 * DAY);
		const early = await kit.request('/api/v1/auth/me', { cookie: token ?? '' });
		expect(early.status).toBe(200);
		expect(sessionCookieOf(early)).toBeUndefined();

		kit.advance(10 * DAY); // 20 days in: 10 left
		const renewed = await kit.request('/api/v1/auth/me', { cookie: token ?? '' });
		expect(renewed.status).toBe(200);
		expect(sessionTokenOf(renewed)).toBe(token);
		const expires = /Expires=([^;]+)/.exec(sessionCookieOf(renewed) ?? '')?.[1];
		expect(new Date(expires ?? '').getTime()).toBe(kit.now().getTime() + 30 * DAY);

		kit.advance(25 * DAY); // 45 days after login, 25 after the renewal
		expect((await kit.request('/api/v1/auth/me', { cookie: token ?? '' })).status).toBe(200);
	});

	it('ends at logout: 204, the cookie cleared, and the token refused afterwards', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		const out = await kit.request('/api/v1/auth/logout', { method: 'POST', cookie: token ?? '' });
		expect(out.status).toBe(204);
		expect(sessionTokenOf(out)).toBe('');
		expect((await kit.request('/api/v1/auth/me', { cookie: token ?? '' })).status).toBe(401);
	});

	it('lists only the caller’s own sessions, the current one flagged, with user agents', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const other = await createStaffMember(database.db, estateId);
		const phone = await kit.login(member.username, member.password, { 'user-agent': 'Phone/1.0' });
		kit.advance(MINUTE);
		const desk = await kit.login(member.username, member.password, { 'user-agent': 'Desk/2.0' });
		await kit.login(other.username, other.password);

		const res = await kit.request('/api/v1/auth/sessions', { cookie: desk.token ?? '' });
		expect(res.status).toBe(200);
		const { sessions: listed } = (await res.json()) as {
			sessions: { id: string; userAgent: string; current: boolean; createdAt: string; lastSeenAt: string }[];
		};
		expect(listed.map((s) => [s.userAgent, s.current])).toEqual([
			['Desk/2.0', true],
			['Phone/1.0', false],
		]);
		expect(listed[1]?.id).toBe(hashToken(phone.token ?? ''));
		expect(listed[0]?.createdAt).toBe(kit.now().toISOString());
	});

	it('revokes one of the caller’s own sessions, but not someone else’s (404)', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const other = await createStaffMember(database.db, estateId);
		const phone = await kit.login(member.username, member.password);
		const desk = await kit.login(member.username, member.password);
		const theirs = await kit.login(other.username, other.password);

		const foreign = await kit.request(`/api/v1/auth/sessions/${hashToken(theirs.token ?? '')}`, {
			method: 'DELETE',
			cookie: desk.token ?? '',
		});
		expect(foreign.status).toBe(404);
		expect((await kit.request('/api/v1/auth/me', { cookie: theirs.token ?? '' })).status).toBe(200);

		const own = await kit.request(`/api/v1/auth/sessions/${hashToken(phone.token ?? '')}`, {
			method: 'DELETE',
			cookie: desk.token ?? '',
		});
		expect(own.status).toBe(204);
		expect((await kit.request('/api/v1/auth/me', { cookie: phone.token ?? '' })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { cookie: desk.token ?? '' })).status).toBe(200);
	});

	it('answers a request without any credential with 401 on a guarded route', async () => {
		const kit = createAuthTestApp(database.db);
		const res = await kit.request('/api/v1/auth/me');
		expect(res.status).toBe(401);
		expect((await problemOf(res)).code).toBe('AUTH.UNAUTHENTICATED');
	});
});

describe('POST /api/v1/auth/password', () => {
	const NEW_PASSWORD = 'Quiet-Garden-77';

	it('needs the current password (422 naming currentPassword)', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		const res = await kit.request('/api/v1/auth/password', {
			method: 'POST',
			cookie: token ?? '',
			json: { currentPassword: 'Not-The-One-1', newPassword: NEW_PASSWORD },
		});
		expect(res.status).toBe(422);
		const body = await problemOf(res);
		expect(body.code).toBe('AUTH.WRONG_PASSWORD');
		expect(body.errors?.[0]?.path).toBe('currentPassword');
	});

	it.each([
		['short1A!', 'needs at least 8 characters', 'Ab1!'],
		['no digit', 'needs a digit', 'Abcdefgh!'],
		['no symbol', 'needs a symbol', 'Abcdefgh1'],
		['no upper case', 'needs an upper-case letter', 'abcdefgh1!'],
		['no lower case', 'needs a lower-case letter', 'ABCDEFGH1!'],
	])('enforces the policy (%s → 422 "%s")', async (_case, message, weak) => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		const res = await kit.request('/api/v1/auth/password', {
			method: 'POST',
			cookie: token ?? '',
			json: { currentPassword: member.password, newPassword: weak },
		});
		expect(res.status).toBe(422);
		const body = await problemOf(res);
		expect(body.code).toBe('PASSWORD.TOO_WEAK');
		expect(body.errors).toContainEqual({ path: 'newPassword', message });
	});

	it('rejects reusing the current password', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const { token } = await kit.login(member.username, member.password);
		const res = await kit.request('/api/v1/auth/password', {
			method: 'POST',
			cookie: token ?? '',
			json: { currentPassword: member.password, newPassword: member.password },
		});
		expect(res.status).toBe(422);
		expect((await problemOf(res)).code).toBe('PASSWORD.REUSED');
	});

	it('ends every session of the account, keeps the caller signed in with a new one, and only the new password works', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId);
		const phone = await kit.login(member.username, member.password);
		const desk = await kit.login(member.username, member.password);

		const res = await kit.request('/api/v1/auth/password', {
			method: 'POST',
			cookie: desk.token ?? '',
			json: { currentPassword: member.password, newPassword: NEW_PASSWORD },
		});
		expect(res.status).toBe(200);
		const fresh = sessionTokenOf(res);
		expect(fresh).toMatch(/^[a-z2-7]{32,}$/);
		expect(fresh).not.toBe(desk.token);

		expect((await kit.request('/api/v1/auth/me', { cookie: phone.token ?? '' })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { cookie: desk.token ?? '' })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { cookie: fresh ?? '' })).status).toBe(200);
		expect((await kit.login(member.username, member.password)).res.status).toBe(401);
		expect((await kit.login(member.username, NEW_PASSWORD)).res.status).toBe(200);
	});
});

describe('must change password', () => {
	it('holds a staff member with an initial password to /me, /password and /logout (403 AUTH.PASSWORD_CHANGE_REQUIRED elsewhere) until they change it', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId, {
			roles: ['customer_service'],
			mustChangePassword: true,
		});
		const { res: loginRes, token } = await kit.login(member.username, member.password);
		expect(loginRes.status).toBe(200);
		expect(
			((await loginRes.json()) as { staff: { mustChangePassword: boolean } }).staff.mustChangePassword,
		).toBe(true);

		const me = await kit.request('/api/v1/auth/me', { cookie: token ?? '' });
		expect(me.status).toBe(200);
		for (const [path, method] of [
			['/api/v1/work-orders', 'GET'],
			['/api/v1/work-orders', 'POST'],
			['/api/v1/auth/sessions', 'GET'],
			['/api/v1/events', 'GET'],
		] as const) {
			const blocked = await kit.request(path, { method, cookie: token ?? '' });
			expect(blocked.status).toBe(403);
			expect((await problemOf(blocked)).code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
		}

		const changed = await kit.request('/api/v1/auth/password', {
			method: 'POST',
			cookie: token ?? '',
			json: { currentPassword: member.password, newPassword: 'Fresh-Start-2026' },
		});
		expect(changed.status).toBe(200);
		expect(
			((await changed.json()) as { staff: { mustChangePassword: boolean } }).staff.mustChangePassword,
		).toBe(false);
		const fresh = sessionTokenOf(changed) ?? '';
		expect((await kit.request('/api/v1/work-orders', { cookie: fresh })).status).toBe(200);

		const out = await kit.request('/api/v1/auth/logout', { method: 'POST', cookie: fresh });
		expect(out.status).toBe(204);
	});

	it('holds routes that read the principal without requirePermission too (the global gate)', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId, { mustChangePassword: true });
		const { token } = await kit.login(member.username, member.password);
		const res = await kit.request('/api/v1/events', { cookie: token ?? '' });
		expect(res.status).toBe(403);
		expect((await problemOf(res)).code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
	});

	it('lets a held account sign out', async () => {
		const kit = createAuthTestApp(database.db);
		const member = await createStaffMember(database.db, estateId, {
			mustChangePassword: true,
			password: KNOWN_PASSWORD,
		});
		const { token } = await kit.login(member.username, member.password);
		const out = await kit.request('/api/v1/auth/logout', { method: 'POST', cookie: token ?? '' });
		expect(out.status).toBe(204);
		expect((await kit.request('/api/v1/auth/me', { cookie: token ?? '' })).status).toBe(401);
	});
});
