import type { DevicePrincipalKind, StaffRole } from '@estate-ops/domain/estate';

/**
 * Who is making a request: a signed-in staff member (session cookie) or a device (bearer token). Every
 * route reads it from the context; the permission table decides what each may do.
 */
export type StaffPrincipal = {
	readonly kind: 'staff';
	readonly staffId: string;
	readonly estateId: string;
	readonly displayName: string;
	readonly roles: readonly StaffRole[];
	readonly sessionId: string;
	readonly mustChangePassword: boolean;
};

export type DevicePrincipal = {
	readonly kind: 'device';
	readonly deviceId: string;
	readonly estateId: string;
	readonly deviceKind: DevicePrincipalKind;
	/** The staff member a field device belongs to; null for kiosks. */
	readonly staffId: string | null;
};

export type Principal = StaffPrincipal | DevicePrincipal;
