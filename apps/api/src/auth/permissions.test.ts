import { DevicePrincipalKind, StaffRole } from '@estate-ops/domain/estate';
import { describe, expect, it } from 'vitest';
import {
	DEVICE_PERMISSIONS,
	PERMISSIONS,
	type Permission,
	ROLE_PERMISSIONS,
	hasPermission,
	permissionsOf,
} from './permissions';
import type { DevicePrincipal, StaffPrincipal } from './principal';

const staffWith = (...roles: StaffRole[]): StaffPrincipal => ({
	kind: 'staff',
	staffId: 's1',
	estateId: 'e1',
	displayName: 'x',
	roles,
	sessionId: 'h',
	mustChangePassword: false,
});
const device = (deviceKind: DevicePrincipalKind): DevicePrincipal => ({
	kind: 'device',
	deviceId: 'd1',
	estateId: 'e1',
	deviceKind,
	staffId: deviceKind === 'field' ? 's1' : null,
});

const holders = (permission: Permission) =>
	StaffRole.options.filter((role) => ROLE_PERMISSIONS[role].includes(permission));

describe('the permission table', () => {
	it('covers every staff role and device kind the domain knows', () => {
		expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...StaffRole.options].sort());
		expect(Object.keys(DEVICE_PERMISSIONS).sort()).toEqual([...DevicePrincipalKind.options].sort());
	});

	it('grants every permission to someone', () => {
		const granted = new Set(
			[...Object.values(ROLE_PERMISSIONS), ...Object.values(DEVICE_PERMISSIONS)].flat(),
		);
		expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
	});

	it('gives a kiosk only kiosk permissions', () => {
		expect([...permissionsOf(device('kiosk'))].every((p) => p.startsWith('kiosk.'))).toBe(true);
		expect(
			StaffRole.options.flatMap((role) => ROLE_PERMISSIONS[role]).filter((p) => p.startsWith('kiosk.')),
		).toEqual([]);
	});

	it.each<[Permission, StaffRole[]]>([
		['residents.readContact', ['customer_service']],
		['staff.manage', ['admin']],
		['devices.manage', ['admin']],
		['finance.manage', ['finance']],
		['quality.spotCheck', ['supervisor']],
		['patrols.scan', ['guard']],
		['cleaning.record', ['cleaner']],
	])('grants %s only to %j', (permission, roles) => {
		expect(holders(permission)).toEqual(roles);
	});

	it.each<StaffRole>(['technician', 'guard', 'cleaner'])(
		'lets a %s see only their own work orders',
		(role) => {
			expect(hasPermission(staffWith(role), 'workOrders.read')).toBe(false);
			expect(hasPermission(staffWith(role), 'workOrders.readAssigned')).toBe(true);
			expect(hasPermission(staffWith(role), 'workOrders.fieldUpdate')).toBe(true);
		},
	);

	it('gives a member with several roles the union', () => {
		const both = permissionsOf(staffWith('technician', 'supervisor'));
		expect(both.has('materials.request')).toBe(true);
		expect(both.has('quality.spotCheck')).toBe(true);
	});

	it('lets a field device do field work but not read the whole estate', () => {
		expect(hasPermission(device('field'), 'workOrders.fieldUpdate')).toBe(true);
		expect(hasPermission(device('field'), 'positions.report')).toBe(true);
		expect(hasPermission(device('field'), 'workOrders.read')).toBe(false);
		expect(hasPermission(device('field'), 'residents.read')).toBe(false);
	});
});
