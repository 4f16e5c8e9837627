import { z } from 'zod';
import { EstateId, ParcelId, RoomId } from '../shared/ids';
import { err, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { Instant } from '../shared/time';

/** A courier's delivery (快递) logged to the parcel point, until a resident picks it up. */
export const ParcelStatus = z.enum(['at_parcel_point', 'picked_up', 'returned']);
export type ParcelStatus = z.infer<typeof ParcelStatus>;

export const Parcel = z.object({
	id: ParcelId,
	estateId: EstateId,
	roomId: RoomId,
	carrier: z.string().trim().min(1).max(40),
	trackingNumber: z.string().trim().max(40),
	status: ParcelStatus,
	loggedAt: Instant,
	closedAt: Instant.nullable(),
	/** Who took it: the name given at the parcel point, or the carrier for a return. */
	closedBy: z.string().trim().max(60).nullable(),
});
export type Parcel = z.infer<typeof Parcel>;

export type ParcelError = { readonly code: 'GATE.PARCEL_CLOSED'; readonly message: string };

/** The parcel picked up (by a household member) or returned (to the carrier) at `now`, once only. */
export function closeParcel(
	parcel: Parcel,
	outcome: 'picked_up' | 'returned',
	by: string,
	now: Date,
): Result<Parcel, ParcelError> {
	if (parcel.status !== 'at_parcel_point') {
		return err('GATE.PARCEL_CLOSED', `this parcel was already ${parcel.status.replace('_', ' ')}`);
	}
	return ok({ ...parcel, status: outcome, closedAt: now, closedBy: by.trim() });
}
