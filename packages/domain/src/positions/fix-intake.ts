/**
 * Which fixes of one report a person's position takes in (DESIGN.md: "duplicate or out-of-order fixes are
 * dropped by device time"). Only fixes newer than the latest one kept move the person: an older one arrived
 * late and would move them back on the map, a resent one is a duplicate, and one from the future (a phone
 * whose clock runs ahead) is refused, so that it cannot hide every honest fix after it.
 */

/** How far ahead of the server's clock a device's clock may run before its fixes are refused. */
export const MAX_FUTURE_SKEW_MS = 30_000;

export type RefusedFix = {
	/** Position of the fix in the report. */
	readonly index: number;
	readonly code: 'POSITION.FROM_THE_FUTURE';
	readonly message: string;
};

export type FixIntake<F> = {
	/** Oldest first: the order in which they are stored and the last one is the new latest. */
	readonly accepted: readonly F[];
	readonly duplicates: number;
	readonly outOfOrder: number;
	readonly refused: readonly RefusedFix[];
	/** The latest device time after the report: unchanged when nothing was accepted. */
	readonly latestAt: Date | null;
};

export type FixIntakeOptions = {
	readonly maxFutureSkewMs?: number;
	/**
	 * Device times (epoch ms) among the report's older fixes that this person's track already holds: a resent
	 * fix older than the latest is a duplicate, not out of order.
	 */
	readonly alreadyKept?: ReadonlySet<number>;
};

/**
 * Sorts one report of one person: refuses fixes from the future, then takes the rest in device-time order
 * (a report is a set; a phone may send its queue in any order), keeping each fix newer than the latest so far.
 */
export function takeInFixes<F extends { readonly at: Date }>(
	latestAt: Date | null,
	fixes: readonly F[],
	now: Date,
	options: FixIntakeOptions = {},
): FixIntake<F> {
	const limit = now.getTime() + (options.maxFutureSkewMs ?? MAX_FUTURE_SKEW_MS);
	const refused: RefusedFix[] = [];
	const candidates: F[] = [];
	fixes.forEach((fix, index) => {
		if (fix.at.getTime() > limit) {
			refused.push({
				index,
				code: 'POSITION.FROM_THE_FUTURE',
				message: `deviceTime is ahead of the server's clock by more than ${Math.round((limit - now.getTime()) / 1000)} s`,
			});
		} else {
			candidates.push(fix);
		}
	});
	candidates.sort((a, b) => a.at.getTime() - b.at.getTime());

	const accepted: F[] = [];
	let duplicates = 0;
	let outOfOrder = 0;
	let latest = latestAt?.getTime() ?? null;
	for (const fix of candidates) {
		const at = fix.at.getTime();
		if (latest !== null && at <= latest) {
			if (at === latest || options.alreadyKept?.has(at)) duplicates += 1;
			else outOfOrder += 1;
			continue;
		}
		accepted.push(fix);
		latest = at;
	}
	return {
		accepted,
		duplicates,
		outOfOrder,
		refused,
		latestAt: latest === null ? null : new Date(latest),
	};
}
