import type { Actor } from '@estate-ops/domain/estate';
import type { ResidentId, StaffId } from '@estate-ops/domain/shared';
import type { Principal } from '../auth/principal';

/** The domain's actor for what a principal does; a kiosk acts for the resident it verified, if any. */
export function actorOf(principal: Principal, residentId?: string): Actor {
	if (principal.kind === 'staff') return { kind: 'staff', staffId: principal.staffId as StaffId };
	if (principal.deviceKind === 'field') {
		if (!principal.staffId) throw new Error(`field device ${principal.deviceId} has no staff member`);
		return { kind: 'field', deviceId: principal.deviceId, staffId: principal.staffId as StaffId };
	}
	if (residentId) return { kind: 'resident', residentId: residentId as ResidentId };
	return { kind: 'kiosk', deviceId: principal.deviceId };
}
