import { type StaffRole, checkPasswordPolicy } from '@estate-ops/domain/estate';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/secret-token';
import type { DatabaseHandle } from '../../db/database';
import { auditLog, buildings, devices, staff } from '../../db/schema/index';
import { createAuthTestApp, createEstate, createStaffMember, openTestDatabase } from './auth.fixtures';

let database: DatabaseHandle;
let estateId: string;
let otherEstateId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	estateId = await createEstate(database.db);
	otherEstateId = await createEstate(database.db);
});

afterAll(async () => {
	await database.close();
});

async function signedIn(kit: ReturnType<typeof createAuthTestApp>, roles: StaffRole[], estate = estateId) {
	const member = await createStaffMember(database.db, estate, { roles });
	const { token } = await kit.login(member.username, member.password);
	if (!token) throw new Error('login failed');
	return { ...member, token };
}

const NEW_STAFF = {
	displayName: '李师傅',
	department: 'engineering',
	roles: ['technician'],
	skills: ['plumbing', 'electrical'],
	buildingIds: [] as string[],
};

describe('POST /api/v1/staff', () => {
	it('lets an admin create an account with a generated initial password, returned once, that must be changed at first sign-in', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const res = await kit.request('/api/v1/staff', {
			method: 'POST',
			cookie: admin.token,
			json: { ...NEW_STAFF, username: 'Li.Plumber' },
		});
		expect(res.status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const body = (await res.json()) as {
			staff: { id: string; username: string; estateId: string; mustChangePassword: boolean; roles: string[] };
			initialPassword: string;
		};
		expect(body.staff).toMatchObject({
			username: 'li.plumber',
			estateId,
			mustChangePassword: true,
			roles: ['technician'],
		});
		expect(checkPasswordPolicy(body.initialPassword).ok).toBe(true);
		expect(body.initialPassword.length).toBeGreaterThanOrEqual(12);

		const row = (await database.db.select().from(staff).where(eq(staff.id, body.staff.id)))[0];
		expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row?.passwordHash).not.toContain(body.initialPassword);

		const first = await kit.login('li.plumber', body.initialPassword);
		expect(first.res.status).toBe(200);
		expect((await kit.request('/api/v1/auth/me', { cookie: first.token ?? '' })).status).toBe(200);
		expect((await kit.request('/api/v1/work-orders', { cookie: first.token ?? '' })).status).toBe(403);

		const audit = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'staff.created'), eq(auditLog.subjectId, body.staff.id)));
		expect(audit).toHaveLength(1);
		expect(audit[0]?.actorId).toBe(admin.id);
	});

	it('generates a different initial password for every account', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const passwords = new Set<string>();
		for (const username of ['gen.one', 'gen.two', 'gen.three']) {
			const res = await kit.request('/api/v1/staff', {
				method: 'POST',
				cookie: admin.token,
				json: { ...NEW_STAFF, username },
			});
			passwords.add(((await res.json()) as { initialPassword: string }).initialPassword);
		}
		expect(passwords.size).toBe(3);
	});

	it('refuses a taken username with 409 naming the field', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const existing = await createStaffMember(database.db, estateId);
		const res = await kit.request('/api/v1/staff', {
			method: 'POST',
			cookie: admin.token,
			json: { ...NEW_STAFF, username: existing.username },
		});
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ code: 'STAFF.USERNAME_TAKEN', errors: [{ path: 'username' }] });
	});

	it('answers bad input with 400 and one error per field', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const res = await kit.request('/api/v1/staff', {
			method: 'POST',
			cookie: admin.token,
			json: {
				username: 'x',
				displayName: '',
				department: 'space',
				roles: ['wizard'],
				buildingIds: ['not-a-uuid'],
			},
		});
		expect(res.status).toBe(400);
		const body = (await res.json()) as { errors: { path: string }[] };
		expect(body.errors.map((e) => e.path).sort()).toEqual([
			'buildingIds.0',
			'department',
			'displayName',
			'roles.0',
			'username',
		]);
	});

	it('refuses buildings of another estate with 422', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const [foreign] = await database.db
			.insert(buildings)
			.values({ estateId: otherEstateId, number: '1', name: '1栋', kind: 'residential', floors: 30 })
			.returning({ id: buildings.id });
		const res = await kit.request('/api/v1/staff', {
			method: 'POST',
			cookie: admin.token,
			json: { ...NEW_STAFF, username: 'cross.estate', buildingIds: [foreign?.id] },
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ code: 'STAFF.UNKNOWN_BUILDING' });
	});

	it.each([['customer_service'], ['manager'], ['technician']] as const)(
		'is forbidden to %s (403 AUTH.FORBIDDEN)',
		async (role) => {
			const kit = createAuthTestApp(database.db);
			const member = await signedIn(kit, [role]);
			const res = await kit.request('/api/v1/staff', {
				method: 'POST',
				cookie: member.token,
				json: { ...NEW_STAFF, username: `by.${role}` },
			});
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
		},
	);
});

describe('DELETE /api/v1/staff/:id/sessions', () => {
	it('lets an admin sign a staff member of their estate out everywhere', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const member = await createStaffMember(database.db, estateId);
		const a = await kit.login(member.username, member.password);
		const b = await kit.login(member.username, member.password);
		const res = await kit.request(`/api/v1/staff/${member.id}/sessions`, {
			method: 'DELETE',
			cookie: admin.token,
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ended: 2 });
		expect((await kit.request('/api/v1/auth/me', { cookie: a.token ?? '' })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { cookie: b.token ?? '' })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { cookie: admin.token })).status).toBe(200);
	});

	it('does not reach staff of another estate (404), nor is it open to non-admins (403)', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const foreign = await createStaffMember(database.db, otherEstateId);
		const theirs = await kit.login(foreign.username, foreign.password);
		expect(
			(await kit.request(`/api/v1/staff/${foreign.id}/sessions`, { method: 'DELETE', cookie: admin.token }))
				.status,
		).toBe(404);
		expect((await kit.request('/api/v1/auth/me', { cookie: theirs.token ?? '' })).status).toBe(200);

		const dispatcher = await signedIn(kit, ['dispatcher']);
		expect(
			(
				await kit.request(`/api/v1/staff/${foreign.id}/sessions`, {
					method: 'DELETE',
					cookie: dispatcher.token,
				})
			).status,
		).toBe(403);
	});
});

describe('device principals', () => {
	it('issues a kiosk token once, which then authenticates as a kiosk of that estate', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const res = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'kiosk', name: '3栋大堂' },
		});
		expect(res.status).toBe(201);
		const { device, token } = (await res.json()) as {
			device: { id: string; kind: string; estateId: string };
			token: string;
		};
		expect(device).toMatchObject({ kind: 'kiosk', estateId });
		expect(token).toMatch(/^[a-z2-7]{50,}$/);

		const stored = (await database.db.select().from(devices).where(eq(devices.id, device.id)))[0];
		expect(stored?.tokenHash).toBe(hashToken(token));
		expect(Object.values(stored ?? {})).not.toContain(token);

		const me = await kit.request('/api/v1/auth/me', { bearer: token });
		expect(me.status).toBe(200);
		expect(await me.json()).toMatchObject({
			kind: 'device',
			id: device.id,
			deviceKind: 'kiosk',
			name: '3栋大堂',
			estate: { id: estateId },
		});
		expect((await kit.request('/api/v1/kiosk/notices', { bearer: token })).status).toBe(200);

		const listed = await kit.request('/api/v1/devices', { cookie: admin.token });
		const { devices: all } = (await listed.json()) as {
			devices: { id: string; lastSeenAt: string | null }[];
		};
		expect(all.find((d) => d.id === device.id)?.lastSeenAt).toBe(kit.now().toISOString());
		expect(JSON.stringify(all)).not.toContain(token);
	});

	it('refuses a kiosk token on staff routes (403), and a kiosk cannot manage devices', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const issued = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'kiosk', name: 'Lobby' },
		});
		const { token } = (await issued.json()) as { token: string };
		for (const [path, method] of [
			['/api/v1/work-orders', 'GET'],
			['/api/v1/work-orders', 'POST'],
			['/api/v1/devices', 'GET'],
			['/api/v1/auth/sessions', 'GET'],
		] as const) {
			const res = await kit.request(path, { method, bearer: token });
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
		}
	});

	it('refuses an unknown bearer token with 401 and never falls back to the cookie', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const res = await kit.request('/api/v1/devices', { cookie: admin.token, bearer: 'a'.repeat(52) });
		expect(res.status).toBe(401);
	});

	it('issues a field device only to an active staff member of the estate', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const guard = await createStaffMember(database.db, estateId, {
			roles: ['guard'],
			department: 'security',
		});
		const foreign = await createStaffMember(database.db, otherEstateId, { roles: ['guard'] });

		const missing = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'field', name: 'Phone' },
		});
		expect(missing.status).toBe(422);
		expect(await missing.json()).toMatchObject({
			code: 'DEVICE.STAFF_REQUIRED',
			errors: [{ path: 'staffId' }],
		});
		const elsewhere = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'field', name: 'Phone', staffId: foreign.id },
		});
		expect(elsewhere.status).toBe(422);
		const kioskWithOwner = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'kiosk', name: 'Lobby', staffId: guard.id },
		});
		expect(kioskWithOwner.status).toBe(422);

		const ok = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'field', name: '保安 手机', staffId: guard.id },
		});
		expect(ok.status).toBe(201);
		const { token } = (await ok.json()) as { token: string };
		expect(await (await kit.request('/api/v1/auth/me', { bearer: token })).json()).toMatchObject({
			deviceKind: 'field',
			staffId: guard.id,
		});

		// When the staff member leaves, their phone stops working.
		await database.db.update(staff).set({ active: false }).where(eq(staff.id, guard.id));
		expect((await kit.request('/api/v1/auth/me', { bearer: token })).status).toBe(401);
	});

	it('revokes a device: its token is refused with 401 afterwards; another estate’s admin cannot revoke it', async () => {
		const kit = createAuthTestApp(database.db);
		const admin = await signedIn(kit, ['admin']);
		const foreignAdmin = await signedIn(kit, ['admin'], otherEstateId);
		const issued = await kit.request('/api/v1/devices', {
			method: 'POST',
			cookie: admin.token,
			json: { kind: 'kiosk', name: 'Gate 2' },
		});
		const { device, token } = (await issued.json()) as { device: { id: string }; token: string };

		expect(
			(await kit.request(`/api/v1/devices/${device.id}`, { method: 'DELETE', cookie: foreignAdmin.token }))
				.status,
		).toBe(404);
		expect((await kit.request('/api/v1/kiosk/notices', { bearer: token })).status).toBe(200);

		kit.advance(60_000);
		expect(
			(await kit.request(`/api/v1/devices/${device.id}`, { method: 'DELETE', cookie: admin.token })).status,
		).toBe(204);
		expect((await kit.request('/api/v1/kiosk/notices', { bearer: token })).status).toBe(401);
		expect((await kit.request('/api/v1/auth/me', { bearer: token })).status).toBe(401);

		const listed = (await (await kit.request('/api/v1/devices', { cookie: admin.token })).json()) as {
			devices: { id: string; revokedAt: string | null }[];
		};
		expect(listed.devices.find((d) => d.id === device.id)?.revokedAt).toBe(kit.now().toISOString());
		const foreignList = (await (
			await kit.request('/api/v1/devices', { cookie: foreignAdmin.token })
		).json()) as { devices: { id: string }[] };
		expect(foreignList.devices.map((d) => d.id)).not.toContain(device.id);
	});
});
