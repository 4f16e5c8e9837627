import { StaffRole } from '@estate-ops/domain/estate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission } from '../src/auth/permissions';
import type { Principal } from '../src/auth/principal';
import { createTestApi, type TestApi } from './api-harness';
import { concretePath, ROUTES, type Need } from './route-table';

type Caller = {
	name: string;
	principal: Pick<Principal, 'kind'> & Principal;
	credentials: { session?: string; bearer?: string };
};

let api: TestApi;
const callers: Caller[] = [];

function allowed(principal: Principal, need: Need): boolean {
	if (need === 'public') return true;
	if (need === 'self') return true;
	if (need === 'kioskOrEvents') {
		return (
			(principal.kind === 'device' && principal.deviceKind === 'kiosk') ||
			hasPermission(principal, 'events.read')
		);
	}
	return need.any.some((permission) => hasPermission(principal, permission));
}

beforeAll(async () => {
	api = await createTestApi();
	const estateId = await api.createEstate('MATRIX');
	let admin: string | undefined;
	for (const role of StaffRole.options) {
		const member = await api.staffSession(estateId, [role]);
		if (role === 'admin') admin = member.session;
		callers.push({
			name: role,
			principal: {
				kind: 'staff',
				staffId: member.id,
				estateId,
				displayName: role,
				roles: [role],
				sessionId: '',
				mustChangePassword: false,
			},
			credentials: { session: member.session },
		});
	}
	const fieldOwner = callers.find((c) => c.name === 'technician');
	for (const kind of ['kiosk', 'field'] as const) {
		const staffId =
			kind === 'field' && fieldOwner?.principal.kind === 'staff' ? fieldOwner.principal.staffId : null;
		const issued = await api.request('/api/v1/devices', {
			method: 'POST',
			...(admin ? { session: admin } : {}),
			json: { kind, name: `${kind} device`, staffId },
		});
		const { token, device } = (await issued.json()) as { token: string; device: { id: string } };
		callers.push({
			name: `${kind} device`,
			principal: { kind: 'device', deviceKind: kind, deviceId: device.id, estateId, staffId },
			credentials: { bearer: token },
		});
	}
}, 120_000);
afterAll(() => api.close());

describe('the role × route matrix', () => {
	it('has a row for every api route the app serves', () => {
		const served = new Set(
			api.app.routes
				.filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
				.map((route) => `${route.method} ${route.path}`),
		);
		const listed = new Set(ROUTES.map(([method, path]) => `${method} ${path}`));
		expect([...served].filter((route) => !listed.has(route))).toEqual([]);
		expect([...listed].filter((route) => !served.has(route))).toEqual([]);
	});

	it('refuses anonymous callers on every route that needs a principal', async () => {
		for (const [method, path, need] of ROUTES) {
			if (need === 'public' || (need === 'self' && path.endsWith('/logout'))) continue;
			const res = await api.request(concretePath(path), {
				method,
				...(method === 'GET' ? {} : { json: {} }),
			});
			expect(res.status, `${method} ${path}`).toBe(401);
		}
	});

	it('refuses every role and device kind that lacks the permission, and lets the others past the guard', async () => {
		const failures: string[] = [];
		for (const [method, path, need] of ROUTES) {
			if (need === 'public' || need === 'self') continue;
			for (const caller of callers) {
				const res = await api.request(concretePath(path), {
					method,
					...caller.credentials,
					...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }),
				});
				const refused = res.status === 401 || res.status === 403;
				const expectedRefusal = !allowed(caller.principal, need);
				if (refused !== expectedRefusal) failures.push(`${caller.name} ${method} ${path} → ${res.status}`);
			}
		}
		expect(failures).toEqual([]);
	}, 120_000);
});
