import { z } from 'zod';
import type { LocalDate } from '../shared/time';
import { addDays, daysBetween, isoWeekday, localDateOf } from '../shared/time';

/** The length of a KPI period: an ISO week (Monday to Sunday) or a calendar month, in the estate's zone. */
export const PeriodUnit = z.enum(['week', 'month']);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

/** `2026-W09` for an ISO week, `2026-03` for a month. Keys sort as text in time order. */
export const PeriodKey = z.string().regex(/^\d{4}-(W(0[1-9]|[1-4]\d|5[0-3])|0[1-9]|1[0-2])$/);
export type PeriodKey = z.infer<typeof PeriodKey>;

export type IsoWeek = { readonly weekYear: number; readonly week: number };

/**
 * The ISO-8601 week of `date`. A week belongs to the year that holds its Thursday, so 2026-12-31 (a
 * Thursday) is 2026-W53 and 2027-01-01 (a Friday) is still 2026-W53, while 2024-12-30 (a Monday) is 2025-W01.
 */
export function isoWeekOf(date: LocalDate): IsoWeek {
	const thursday = addDays(date, 4 - isoWeekday(date));
	const weekYear = Number(thursday.slice(0, 4));
	const dayOfYear = daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday);
	return { weekYear, week: Math.floor(dayOfYear / 7) + 1 };
}

export function isoWeekKey(date: LocalDate): PeriodKey {
	const { weekYear, week } = isoWeekOf(date);
	return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

export function monthKey(date: LocalDate): PeriodKey {
	return date.slice(0, 7);
}

/** The key of the week or month that holds `date`. */
export function periodKeyOfDate(date: LocalDate, unit: PeriodUnit): PeriodKey {
	switch (unit) {
		case 'week':
			return isoWeekKey(date);
		case 'month':
			return monthKey(date);
	}
}

/** The key of the week or month that holds `instant` on the wall clock of `timeZone`. */
export function periodKey(instant: Date, unit: PeriodUnit, timeZone: string): PeriodKey {
	return periodKeyOfDate(localDateOf(instant, timeZone), unit);
}
