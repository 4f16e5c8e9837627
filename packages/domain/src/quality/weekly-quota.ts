import { isoWeekKey } from '../kpi/period-key';
import type { SpotCheckId } from '../shared/ids';
import type { IsoWeekday, LocalDate } from '../shared/time';
import { addDays, isoWeekday, localDateOf, startOfIsoWeek } from '../shared/time';
import type { SpotCheck } from './spot-check';

export type WeeklyQuotaProgress = {
	/** `2026-W10`. */
	readonly week: string;
	/** Monday and Sunday of that week, in the estate's zone. */
	readonly weekStart: LocalDate;
	readonly weekEnd: LocalDate;
	readonly weekday: IsoWeekday;
	readonly quota: number;
	readonly done: number;
	readonly remaining: number;
	/** Checks the quota asks for by the end of `localDate`, at an even pace over the seven days. */
	readonly expectedByToday: number;
	readonly onTrack: boolean;
	/** The submitted checks counted, for the drill-down. */
	readonly spotCheckIds: readonly SpotCheckId[];
};

/**
 * Progress of an estate's weekly spot-check quota (每周抽查次数) in the ISO week (Monday start) that holds
 * `localDate`. Pass the estate's checks; a check counts when it was submitted within that week on the
 * estate's wall clock, drafts never count.
 *
 * Pace: by the end of weekday d (Monday 1 … Sunday 7) the quota expects ⌊quota × d / 7⌋ checks; the week
 * is on track while done ≥ that. Rounding down keeps a Monday morning with nothing done on track.
 */
export function weeklyQuotaProgress(
	checks: readonly SpotCheck[],
	quotaPerWeek: number,
	localDate: LocalDate,
	timeZone: string,
): WeeklyQuotaProgress {
	if (!Number.isInteger(quotaPerWeek) || quotaPerWeek < 0) {
		throw new Error(`quotaPerWeek must be a whole number ≥ 0, got ${quotaPerWeek}`);
	}
	const weekStart = startOfIsoWeek(localDate);
	const weekEnd = addDays(weekStart, 6);
	const spotCheckIds: SpotCheckId[] = [];
	for (const check of checks) {
		switch (check.status) {
			case 'draft':
				break;
			case 'submitted': {
				const day = localDateOf(check.submittedAt, timeZone);
				if (day >= weekStart && day <= weekEnd) spotCheckIds.push(check.id);
				break;
			}
		}
	}
	const weekday = isoWeekday(localDate);
	const done = spotCheckIds.length;
	const expectedByToday = Math.floor((quotaPerWeek * weekday) / 7);
	return {
		week: isoWeekKey(localDate),
		weekStart,
		weekEnd,
		weekday,
		quota: quotaPerWeek,
		done,
		remaining: Math.max(0, quotaPerWeek - done),
		expectedByToday,
		onTrack: done >= expectedByToday,
		spotCheckIds,
	};
}
