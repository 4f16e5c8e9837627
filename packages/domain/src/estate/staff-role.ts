import { z } from 'zod';

/**
 * What a staff account may do (岗位角色). Roles give least privilege: each route states the permission it
 * needs and the api maps roles to permissions.
 */
export const StaffRole = z.enum([
	'admin',
	'manager',
	'control_room',
	'customer_service',
	'dispatcher',
	'technician',
	'guard',
	'cleaner',
	'supervisor',
	'finance',
	'storekeeper',
]);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Devices that act without a person logged in on them: `kiosk` is one lobby terminal (大堂自助终端),
 * `field` is a staff member's phone. They are principals, not roles, so no staff account can be given them.
 */
export const DevicePrincipalKind = z.enum(['kiosk', 'field']);
export type DevicePrincipalKind = z.infer<typeof DevicePrincipalKind>;

/** Roles whose members receive tasks in the field (work orders, patrols, cleaning rounds). */
export const FIELD_ROLES: readonly StaffRole[] = ['technician', 'guard', 'cleaner'];
