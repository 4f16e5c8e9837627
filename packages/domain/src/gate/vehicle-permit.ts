import { z } from 'zod';
import { EstateId, HouseholdId, VehiclePermitId } from '../shared/ids';
import { daysBetween, LocalDate } from '../shared/time';

/** A resident's vehicle permit (车辆通行证): a plate, optionally a parking space, valid between two days. */
export const VehiclePermit = z.object({
	id: VehiclePermitId,
	estateId: EstateId,
	householdId: HouseholdId,
	plate: z.string().min(7).max(8),
	spaceCode: z.string().trim().max(20).nullable(),
	validFrom: LocalDate,
	validUntil: LocalDate,
	revoked: z.boolean(),
});
export type VehiclePermit = z.infer<typeof VehiclePermit>;

export type PermitState = 'not_yet_valid' | 'valid' | 'expiring' | 'expired' | 'revoked';

/** A permit this close to its end is shown as expiring so that the household can renew in time. */
export const PERMIT_EXPIRING_DAYS = 30;

/** The permit's state on `today` (both ends of the validity are whole days included). */
export function permitState(permit: VehiclePermit, today: LocalDate): PermitState {
	if (permit.revoked) return 'revoked';
	if (today < permit.validFrom) return 'not_yet_valid';
	if (today > permit.validUntil) return 'expired';
	return daysBetween(today, permit.validUntil) < PERMIT_EXPIRING_DAYS ? 'expiring' : 'valid';
}

/** The permit that lets `plate` in on `today`, if any: the barrier opens for valid and expiring permits. */
export function permitLettingIn(
	permits: readonly VehiclePermit[],
	plate: string,
	today: LocalDate,
): VehiclePermit | null {
	return (
		permits.find((permit) => {
			const state = permitState(permit, today);
			return permit.plate === plate && (state === 'valid' || state === 'expiring');
		}) ?? null
	);
}
