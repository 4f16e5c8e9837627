import type { LocalDate } from '../shared/time';
import { MINUTE_MS, addDays, isoWeekday, localDateOf, parseLocalTime, zonedInstant } from '../shared/time';
import type { WorkingCalendar, WorkingHours } from './working-calendar';
import { WEEKDAY_KEYS } from './working-calendar';

/** A stretch of working time as instants: `start` inclusive, `end` exclusive. */
export type WorkingPeriod = { readonly start: Date; readonly end: Date };

/**
 * How far the search for working time looks before giving up. A parsed calendar always has weekly hours, so
 * only a calendar whose holidays or estate days blank out three whole years can get here: that is corrupt data,
 * not an expected outcome, hence an exception rather than a `Result`.
 */
export const WORKING_TIME_SEARCH_DAYS = 3 * 366;

/** Thrown when a calendar has no working time within {@link WORKING_TIME_SEARCH_DAYS} days. */
export class NoWorkingTimeError extends Error {
	readonly code = 'SLA.NO_WORKING_TIME';
	constructor(timeZone: string, from: LocalDate) {
		super(
			`the ${timeZone} working calendar has no working time within ${WORKING_TIME_SEARCH_DAYS} days of ${from}`,
		);
		this.name = 'NoWorkingTimeError';
	}
}

type Span = readonly [start: number, end: number];

type CalendarIndex = {
	readonly hoursByDate: ReadonlyMap<LocalDate, WorkingHours>;
	readonly spansByDate: Map<LocalDate, readonly Span[]>;
};

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(calendar: WorkingCalendar): CalendarIndex {
	let index = indexes.get(calendar);
	if (!index) {
		// Later entries win: holidays, then adjusted working days, then the estate's own days.
		const hoursByDate = new Map<LocalDate, WorkingHours>();
		for (const holiday of calendar.holidays) hoursByDate.set(holiday.date, []);
		for (const day of calendar.adjustedWorkingDays) hoursByDate.set(day.date, day.hours);
		for (const day of calendar.estateDays) hoursByDate.set(day.date, day.hours);
		index = { hoursByDate, spansByDate: new Map() };
		indexes.set(calendar, index);
	}
	return index;
}

export function workingHoursOn(calendar: WorkingCalendar, date: LocalDate): WorkingHours {
	const special = indexOf(calendar).hoursByDate.get(date);
	if (special) return special;
	const key = WEEKDAY_KEYS[isoWeekday(date) - 1] ?? 'mon';
	return calendar.week[key];
}

/**
 * Each interval is placed with `zonedInstant`, so a 00:00–24:00 day lasts 23 h or 25 h on DST change days, and
 * an interval that falls wholly in the skipped hour is empty and dropped.
 */
function spansOn(calendar: WorkingCalendar, date: LocalDate): readonly Span[] {
	const index = indexOf(calendar);
	let spans = index.spansByDate.get(date);
	if (!spans) {
		spans = workingHoursOn(calendar, date)
			.map((i): Span => [
				zonedInstant(date, parseLocalTime(i.start), calendar.timeZone).getTime(),
				zonedInstant(date, parseLocalTime(i.end), calendar.timeZone).getTime(),
			])
			.filter(([start, end]) => end > start);
		index.spansByDate.set(date, spans);
	}
	return spans;
}

/** The working periods of a local date in the calendar's zone, in order; empty on a day off. */
export function workingIntervalsOn(calendar: WorkingCalendar, date: LocalDate): WorkingPeriod[] {
	return spansOn(calendar, date).map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
	const t = instant.getTime();
	return spansOn(calendar, localDateOf(instant, calendar.timeZone)).some(
		([start, end]) => start <= t && t < end,
	);
}

/**
 * Walks the working spans that end after `from`, day by day (a day off costs one map look-up), until `visit`
 * returns an instant. Throws {@link NoWorkingTimeError} after that many days in a row without working time.
 */
function walkSpans(
	calendar: WorkingCalendar,
	from: number,
	visit: (start: number, end: number) => number | undefined,
): number {
	const firstDate = localDateOf(new Date(from), calendar.timeZone);
	let date = firstDate;
	let idleDays = 0;
	while (idleDays <= WORKING_TIME_SEARCH_DAYS) {
		let worked = false;
		for (const [start, end] of spansOn(calendar, date)) {
			if (end <= from) continue;
			worked = true;
			const found = visit(Math.max(start, from), end);
			if (found !== undefined) return found;
		}
		idleDays = worked ? 0 : idleDays + 1;
		date = addDays(date, 1);
	}
	throw new NoWorkingTimeError(calendar.timeZone, firstDate);
}

/** Milliseconds form of {@link addWorkingMinutes}, for callers that keep sub-minute precision. */
export function addWorkingMs(calendar: WorkingCalendar, start: Date, ms: number): Date {
	if (!(ms >= 0) || !Number.isFinite(ms))
		throw new RangeError(`working time to add must be a finite non-negative amount, got ${ms} ms`);
	let remaining = ms;
	return new Date(
		walkSpans(calendar, start.getTime(), (from, end) => {
			if (remaining <= end - from) return from + remaining;
			remaining -= end - from;
			return undefined;
		}),
	);
}

/**
 * The instant at which `minutes` of working time have passed since `start`. A start outside working hours
 * begins at the next working moment; a deadline that uses up a period exactly is that period's end (17:00 + 60
 * is 18:00 the same day, not 09:00 the next).
 */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
	return addWorkingMs(calendar, start, minutes * MINUTE_MS);
}

/** The first working moment at or after `instant` (the instant itself during working hours). */
export function nextWorkingStart(calendar: WorkingCalendar, instant: Date): Date {
	return addWorkingMs(calendar, instant, 0);
}

/** Milliseconds form of {@link workingMinutesBetween}. */
export function workingMsBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
	const a = from.getTime();
	const b = to.getTime();
	if (b <= a) return 0;
	let total = 0;
	const last = localDateOf(to, calendar.timeZone);
	for (let date = localDateOf(from, calendar.timeZone); date <= last; date = addDays(date, 1)) {
		for (const [start, end] of spansOn(calendar, date)) {
			total += Math.max(0, Math.min(end, b) - Math.max(start, a));
		}
	}
	return total;
}

/** Working minutes from `from` to `to`; 0 when `to` is not after `from`. Fractional when the instants have seconds. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
	return workingMsBetween(calendar, from, to) / MINUTE_MS;
}

/**
 * The end of the working day for a "same day" target: the end of the last working period of the instant's local
 * date while that is still ahead; filed after hours or on a day off, the end of the next working day.
 */
export function endOfWorkingDay(calendar: WorkingCalendar, instant: Date): Date {
	const t = instant.getTime();
	const today = spansOn(calendar, localDateOf(instant, calendar.timeZone)).at(-1);
	if (today && t < today[1]) return new Date(today[1]);
	const nextStart = nextWorkingStart(calendar, instant);
	// nextStart lies inside a span of its own date, so that date has a last span.
	const lastOfThatDay = spansOn(calendar, localDateOf(nextStart, calendar.timeZone)).at(-1);
	return new Date(lastOfThatDay?.[1] ?? nextStart.getTime());
}

/**
 * The working minutes of a typical working day: the most common non-zero weekday total (Mon–Fri 09:00–18:00
 * gives 540; 09:00–12:00 and 13:30–18:00 gives 450). "3 working days" is three of these.
 */
export function typicalWorkingDayMinutes(calendar: WorkingCalendar): number {
	const counts = new Map<number, number>();
	for (const key of WEEKDAY_KEYS) {
		const minutes = calendar.week[key].reduce(
			(sum, i) => sum + parseLocalTime(i.end) - parseLocalTime(i.start),
			0,
		);
		if (minutes > 0) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
	}
	let best = 0;
	let bestCount = 0;
	for (const [minutes, count] of counts) {
		if (count > bestCount || (count === bestCount && minutes > best)) {
			best = minutes;
			bestCount = count;
		}
	}
	return best;
}
