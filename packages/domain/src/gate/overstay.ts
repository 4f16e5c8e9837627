import { MINUTE_MS } from '../shared/time';

/** Anything at the gate that is let in until a time: a visitor, a visitor's car. */
export type TimedStay = {
	readonly inside: boolean;
	readonly expectedUntil: Date;
};

/** Grace before a stay is flagged, so that a visitor walking back to the gate is not an alert. */
export const OVERSTAY_GRACE_MINUTES = 15;

/**
 * Whole minutes by which a stay has run past its expected end (grace included in the count once flagged),
 * or null while it has not (or is no longer inside).
 */
export function overstayMinutes(
	stay: TimedStay,
	now: Date,
	graceMinutes = OVERSTAY_GRACE_MINUTES,
): number | null {
	if (!stay.inside) return null;
	const over = (now.getTime() - stay.expectedUntil.getTime()) / MINUTE_MS;
	return over > graceMinutes ? Math.floor(over) : null;
}
