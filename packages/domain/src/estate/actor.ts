import { z } from 'zod';
import { ResidentId, StaffId } from '../shared/ids';

const DeviceId = z.string().min(1).max(64);

/**
 * Who did something: recorded on every event so that history answers "who, what, when". The device
 * principals (`DevicePrincipalKind`) are actors of their own: a `field` device always acts for the staff
 * member signed in on it; a `kiosk` acts for whichever resident stands at it, identified by room and code.
 */
export const Actor = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('staff'), staffId: StaffId }),
	z.object({ kind: z.literal('resident'), residentId: ResidentId }),
	z.object({ kind: z.literal('kiosk'), deviceId: DeviceId }),
	z.object({ kind: z.literal('field'), deviceId: DeviceId, staffId: StaffId }),
	z.object({ kind: z.literal('system') }),
]);
export type Actor = z.infer<typeof Actor>;
export type ActorKind = Actor['kind'];

/** The staff member behind an actor, if there is one. */
export function staffIdOf(actor: Actor): StaffId | null {
	switch (actor.kind) {
		case 'staff':
		case 'field':
			return actor.staffId;
		case 'resident':
		case 'kiosk':
		case 'system':
			return null;
	}
}
