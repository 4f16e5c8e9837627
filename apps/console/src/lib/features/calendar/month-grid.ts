import type { WeeklyHours } from '@estate-ops/domain/sla';
import type { CalendarDay } from '$lib/api/calendar';

/** One cell of a month grid, Monday first. */
export type DayCell = {
	readonly date: string;
	readonly day: number;
	readonly inMonth: boolean;
	/** What the day is: a holiday, a 调休 working day, an ordinary working day or an ordinary rest day. */
	readonly kind: 'holiday' | 'workday' | 'working' | 'rest';
	readonly special: CalendarDay | null;
};

const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (utc: Date) => `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** The first and last date of a month (`month` 1–12), for the calendar query. */
export function monthRange(year: number, month: number): { from: string; to: string } {
	return { from: iso(new Date(Date.UTC(year, month - 1, 1))), to: iso(new Date(Date.UTC(year, month, 0))) };
}

/** The month moved by `delta` months. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
	const moved = new Date(Date.UTC(year, month - 1 + delta, 1));
	return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1 };
}

/**
 * The weeks of a month as the admin page draws them, Monday first, with the days of the neighbouring months that
 * fill the first and last week. A dated day (holiday or 调休) wins over the working week, as in the SLA engine.
 */
export function monthGrid(
	year: number,
	month: number,
	week: WeeklyHours,
	days: readonly CalendarDay[],
): DayCell[][] {
	const byDate = new Map(days.map((day) => [day.date, day]));
	const first = new Date(Date.UTC(year, month - 1, 1));
	const offset = (first.getUTCDay() + 6) % 7;
	const start = Date.UTC(year, month - 1, 1 - offset);
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const weeks = Math.ceil((offset + last) / 7);
	return Array.from({ length: weeks }, (_, w) =>
		Array.from({ length: 7 }, (_, d): DayCell => {
			const date = new Date(start + (w * 7 + d) * 86_400_000);
			const key = iso(date);
			const special = byDate.get(key) ?? null;
			const weekday = KEYS[d] ?? 'mon';
			return {
				date: key,
				day: date.getUTCDate(),
				inMonth: date.getUTCMonth() === month - 1,
				kind: special ? special.kind : week[weekday].length > 0 ? 'working' : 'rest',
				special,
			};
		}),
	);
}
