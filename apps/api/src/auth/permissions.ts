import type { DevicePrincipalKind, StaffRole } from '@estate-ops/domain/estate';
import type { Principal } from './principal';

/**
 * What a principal may do. Every route names one of these with `requirePermission(...)`; roles and device
 * kinds map to them below with least privilege (SPEC.md, "Data, privacy and accounts"). Scope (own estate,
 * own tasks) is still checked by the service: a permission says "may do this kind of thing", not "to this
 * record".
 */
export const PERMISSIONS = [
	// Work orders (工单)
	'workOrders.read', // every work order of the estate
	'workOrders.readAssigned', // only those assigned to the caller (technicians see their own tasks)
	'workOrders.create',
	'workOrders.accept',
	'workOrders.assign',
	'workOrders.reclassify', // override the suggested urgency, with a reason
	'workOrders.pause',
	'workOrders.fieldUpdate', // contact / arrive / resolve, for the assignee
	'workOrders.feedback', // 回访 and the satisfaction survey
	'workOrders.close',
	// Notices (公告)
	'notices.read',
	'notices.manage',
	// Residents: names and masked contacts; unmasked phone and ID numbers are audited reads
	'residents.read',
	'residents.readContact',
	'residents.manage',
	// Staff, devices, audit
	'staff.read', // the directory dispatch picks assignees from
	'staff.manage',
	'devices.manage',
	'audit.read',
	// Estate configuration and the live picture
	'estate.read', // site plan and map
	'estate.manage',
	'sla.manage', // SLA rules and working calendars
	'duty.manage', // the duty roster (值班表) that SLA escalations follow
	'events.read', // the estate's event stream and its resync
	'alerts.read',
	'alerts.acknowledge',
	// Security (安保)
	'patrols.read',
	'patrols.manage',
	'patrols.scan',
	'positions.read',
	'positions.report',
	'incidents.read', // every incident of the estate (field staff read those they filed or responded to)
	'incidents.report',
	'incidents.manage',
	// Cleaning (保洁)
	'cleaning.read',
	'cleaning.record',
	'cleaning.conditions', // switch extra rounds on and off (holiday, event, bad weather)
	'cleaning.manage',
	// Quality (品质) and KPIs
	'quality.read',
	'quality.spotCheck',
	'quality.manage',
	'kpi.read',
	// Finance (财务) and materials (维修材料)
	'finance.read',
	'finance.manage',
	'materials.read',
	'materials.request',
	'materials.approve',
	'materials.manage',
	// The lobby kiosk: notices, and requests of the household identified at it
	'kiosk.notices',
	'kiosk.requests',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ESTATE_READS: readonly Permission[] = [
	'workOrders.read',
	'notices.read',
	'residents.read',
	'staff.read',
	'estate.read',
	'events.read',
	'alerts.read',
	'patrols.read',
	'positions.read',
	'incidents.read',
	'cleaning.read',
	'quality.read',
	'kpi.read',
];

// What everyone working in the field does from the field view, whatever the trade.
const FIELD_WORK: readonly Permission[] = [
	'workOrders.readAssigned',
	'workOrders.create',
	'workOrders.fieldUpdate',
	'workOrders.pause',
	'notices.read',
	'estate.read',
	'incidents.report',
	'positions.report',
];

/** Permissions by staff role. A member with several roles has the union. */
export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
	admin: [
		...ESTATE_READS,
		'notices.manage',
		'residents.manage',
		'staff.manage',
		'devices.manage',
		'audit.read',
		'estate.manage',
		'sla.manage',
		'duty.manage',
		'patrols.manage',
		'cleaning.conditions',
		'cleaning.manage',
		'quality.manage',
	],
	manager: [
		...ESTATE_READS,
		'duty.manage',
		'workOrders.assign',
		'workOrders.reclassify',
		'workOrders.close',
		'notices.manage',
		'audit.read',
		'alerts.acknowledge',
		'incidents.manage',
		// Managers stand in for the security lead: they edit patrol routes and print plates.
		'patrols.manage',
		'cleaning.conditions',
		'finance.read',
		'materials.read',
		'materials.approve',
	],
	control_room: [
		...ESTATE_READS,
		'workOrders.create',
		'workOrders.accept',
		'workOrders.assign',
		'alerts.acknowledge',
		'incidents.manage',
	],
	customer_service: [
		'workOrders.read',
		'workOrders.create',
		'workOrders.accept',
		'workOrders.assign',
		'workOrders.reclassify',
		'workOrders.pause',
		'workOrders.feedback',
		'workOrders.close',
		'notices.read',
		'notices.manage',
		'residents.read',
		'residents.readContact',
		'staff.read',
		'estate.read',
		'events.read',
		'alerts.read',
		'alerts.acknowledge',
	],
	dispatcher: [
		'workOrders.read',
		'workOrders.assign',
		'workOrders.reclassify',
		'workOrders.pause',
		'notices.read',
		'residents.read',
		'staff.read',
		'estate.read',
		'events.read',
		'alerts.read',
		'alerts.acknowledge',
		'positions.read',
		'patrols.read',
		'cleaning.read',
	],
	technician: [...FIELD_WORK, 'materials.read', 'materials.request'],
	guard: [...FIELD_WORK, 'patrols.read', 'patrols.scan'],
	cleaner: [...FIELD_WORK, 'cleaning.read', 'cleaning.record'],
	supervisor: [
		'workOrders.read',
		'workOrders.create',
		'notices.read',
		'estate.read',
		'staff.read',
		'patrols.read',
		'cleaning.read',
		'cleaning.conditions',
		'quality.read',
		'quality.spotCheck',
		'kpi.read',
	],
	finance: [
		'notices.read',
		'residents.read',
		'estate.read',
		'finance.read',
		'finance.manage',
		'materials.read',
		'kpi.read',
	],
	storekeeper: ['notices.read', 'estate.read', 'materials.read', 'materials.manage'],
};

/**
 * Permissions by device kind. A kiosk has only kiosk permissions, within its own estate; a field phone does
 * field work for the staff member it was issued to (the services check that they are the assignee).
 */
export const DEVICE_PERMISSIONS: Readonly<Record<DevicePrincipalKind, readonly Permission[]>> = {
	kiosk: ['kiosk.notices', 'kiosk.requests'],
	field: [
		...FIELD_WORK,
		'patrols.read',
		'patrols.scan',
		'cleaning.read',
		'cleaning.record',
		'materials.request',
	],
};

export function permissionsOf(principal: Principal): ReadonlySet<Permission> {
	if (principal.kind === 'device') return new Set(DEVICE_PERMISSIONS[principal.deviceKind]);
	return new Set(principal.roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
	return permissionsOf(principal).has(permission);
}

export const isPermission = (value: string): value is Permission =>
	(PERMISSIONS as readonly string[]).includes(value);
