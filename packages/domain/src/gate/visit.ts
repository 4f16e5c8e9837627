import { z } from 'zod';
import { EstateId, RoomId, StaffId, VisitId } from '../shared/ids';
import { err, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { HOUR_MS, Instant } from '../shared/time';

/**
 * A visit (访客登记). Walk-ins are registered by the guard and wait for the resident's confirmation;
 * visitors pre-registered by a resident at the kiosk are expected with a pass code and need none.
 */
export const VisitStatus = z.enum([
	'awaiting_confirmation',
	'expected',
	'inside',
	'left',
	'refused',
	'cancelled',
]);
export type VisitStatus = z.infer<typeof VisitStatus>;

/** How the resident said yes or no: on the kiosk, at a console, or on a call the guard made and recorded. */
export const ConfirmationMethod = z.enum(['kiosk', 'console', 'call']);
export type ConfirmationMethod = z.infer<typeof ConfirmationMethod>;

export const VisitPurpose = z.enum(['guest', 'delivery', 'service', 'decoration', 'other']);
export type VisitPurpose = z.infer<typeof VisitPurpose>;

/** How long a walk-in is expected to stay unless the guard records otherwise. */
export const DEFAULT_VISIT_HOURS = 4;

export const Visit = z.object({
	id: VisitId,
	estateId: EstateId,
	roomId: RoomId,
	visitorName: z.string().trim().min(1).max(60),
	purpose: VisitPurpose,
	status: VisitStatus,
	/** When the visitor is expected to have left: the end of a pre-registered window, or arrival + stay. */
	expectedUntil: Instant,
	arrivedAt: Instant.nullable(),
	leftAt: Instant.nullable(),
	confirmation: z
		.object({
			method: ConfirmationMethod,
			confirmed: z.boolean(),
			at: Instant,
			recordedBy: StaffId.nullable(),
		})
		.nullable(),
});
export type Visit = z.infer<typeof Visit>;

export type VisitCommand =
	| { readonly kind: 'confirm'; readonly method: ConfirmationMethod; readonly recordedBy: StaffId | null }
	| { readonly kind: 'refuse'; readonly method: ConfirmationMethod; readonly recordedBy: StaffId | null }
	| { readonly kind: 'admit' }
	| { readonly kind: 'leave' }
	| { readonly kind: 'cancel' };

export type VisitError = {
	readonly code: 'GATE.VISIT_TRANSITION' | 'GATE.VISIT_EXPIRED';
	readonly message: string;
	readonly details: { readonly from: VisitStatus; readonly command: VisitCommand['kind'] };
};

/** Which commands each state accepts; everything else is refused with the state it was in. */
const ALLOWED: Record<VisitStatus, readonly VisitCommand['kind'][]> = {
	awaiting_confirmation: ['confirm', 'refuse', 'cancel'],
	expected: ['admit', 'cancel'],
	inside: ['leave'],
	left: [],
	refused: [],
	cancelled: [],
};

/**
 * The visit after `command` at `now`. A walk-in's confirmation lets them in at once (the guard is holding
 * the barrier); a pre-registered visitor is admitted with their pass code only inside their window.
 */
export function applyVisitCommand(visit: Visit, command: VisitCommand, now: Date): Result<Visit, VisitError> {
	const refuse = (code: VisitError['code'], message: string) =>
		err(code, message, { details: { from: visit.status, command: command.kind } }) as {
			ok: false;
			error: VisitError;
		};
	if (!ALLOWED[visit.status].includes(command.kind)) {
		return refuse('GATE.VISIT_TRANSITION', `a visit that is ${visit.status} cannot be ${command.kind}ed`);
	}
	const at = now;
	switch (command.kind) {
		case 'confirm':
			return ok({
				...visit,
				status: 'inside',
				arrivedAt: at,
				expectedUntil: new Date(now.getTime() + DEFAULT_VISIT_HOURS * HOUR_MS),
				confirmation: { method: command.method, confirmed: true, at, recordedBy: command.recordedBy },
			});
		case 'refuse':
			return ok({
				...visit,
				status: 'refused',
				confirmation: { method: command.method, confirmed: false, at, recordedBy: command.recordedBy },
			});
		case 'admit':
			if (now.getTime() > visit.expectedUntil.getTime()) {
				return refuse('GATE.VISIT_EXPIRED', 'this pass has expired: register the visitor again');
			}
			return ok({ ...visit, status: 'inside', arrivedAt: at });
		case 'leave':
			return ok({ ...visit, status: 'left', leftAt: at });
		case 'cancel':
			return ok({ ...visit, status: 'cancelled' });
	}
}
