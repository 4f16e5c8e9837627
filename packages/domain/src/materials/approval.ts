import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import type { StaffId } from '../shared/ids';

/** A decision on a purchase plan or a requisition: who, when, and why (a rejection must say why). */
export type Decision = {
	readonly by: StaffId;
	readonly at: Date;
	readonly approved: boolean;
	readonly note: string;
};

export type DecisionError = DomainError<'MATERIALS.SELF_APPROVAL' | 'MATERIALS.REASON_REQUIRED'>;

/** Nobody approves their own request (separation of duties), and a rejection carries its reason. */
export function decide(
	requestedBy: StaffId,
	decision: { by: StaffId; approved: boolean; note: string },
	now: Date,
): Result<Decision, DecisionError> {
	if (decision.by === requestedBy) {
		return err('MATERIALS.SELF_APPROVAL', 'a request is decided by someone other than who made it', {
			path: ['by'],
		});
	}
	const note = decision.note.trim();
	if (!decision.approved && note === '') {
		return err('MATERIALS.REASON_REQUIRED', 'say why the request is rejected', { path: ['note'] });
	}
	return ok({ by: decision.by, at: now, approved: decision.approved, note });
}
