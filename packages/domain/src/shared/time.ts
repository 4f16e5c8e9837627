import { z } from 'zod';

/**
 * Wall-clock arithmetic in an estate's time zone. Nothing here reads the clock: every function takes the
 * instant it works on. Instants are `Date`s (UTC); local dates and times are plain strings so that they
 * survive JSON and compare as text.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * An instant in a schema: a `Date` in memory, an ISO 8601 string with an offset on the wire. Parsing JSON
 * (an HTTP body, a socket event, a jsonb column) with a schema built from `Instant` gives `Date`s back, so
 * the same schemas and reducers serve the server and the browser.
 */
export const Instant = z
	.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))])
	.refine((date) => !Number.isNaN(date.getTime()), 'invalid date');
export type Instant = z.infer<typeof Instant>;

/** A calendar date in some time zone, `YYYY-MM-DD`. */
export const LocalDate = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
export type LocalDate = z.infer<typeof LocalDate>;

/** A wall-clock time, `HH:MM` (24 h; `24:00` allowed as the end of a day). */
export const LocalTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM');
export type LocalTime = z.infer<typeof LocalTime>;

/** An IANA time-zone name that this runtime knows. */
export const TimeZone = z.string().refine(isKnownTimeZone, 'unknown IANA time zone');
export type TimeZone = z.infer<typeof TimeZone>;

/** ISO weekday: Monday 1 … Sunday 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type ZonedParts = {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(instant)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts['year'] ?? 0,
		month: parts['month'] ?? 0,
		day: parts['day'] ?? 0,
		hour: parts['hour'] ?? 0,
		minute: parts['minute'] ?? 0,
		second: parts['second'] ?? 0,
	};
}

/** Minutes the zone's clock is ahead of UTC at `instant` (Asia/Shanghai: 480). */
export function offsetMinutes(instant: Date, timeZone: string): number {
	const p = zonedParts(instant, timeZone);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	const whole = Math.floor(instant.getTime() / 1000) * 1000;
	return Math.round((asUtc - whole) / MINUTE_MS);
}

/** The local calendar date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
	const p = zonedParts(instant, timeZone);
	return formatLocalDate(p.year, p.month, p.day);
}

/** Minutes since local midnight of `instant` in `timeZone`. */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
	const p = zonedParts(instant, timeZone);
	return p.hour * 60 + p.minute;
}

/**
 * The instant at which the wall clock of `timeZone` reads `date` `time`. A time that occurs twice (the
 * hour repeated when DST ends) resolves to the first; a time that never occurs (the hour skipped when DST
 * starts) resolves to the same distance past the gap, as `Temporal`'s "compatible" disambiguation does.
 */
export function zonedInstant(date: LocalDate, time: LocalTime | number, timeZone: string): Date {
	const [y, m, d] = splitLocalDate(date);
	const minuteOfDay = typeof time === 'number' ? time : parseLocalTime(time);
	const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
	const before = offsetMinutes(new Date(wall - DAY_MS / 2), timeZone);
	const after = offsetMinutes(new Date(wall + DAY_MS / 2), timeZone);
	const candidates = [...new Set([before, after])]
		.map((offset) => wall - offset * MINUTE_MS)
		.filter((t) => offsetMinutes(new Date(t), timeZone) * MINUTE_MS === wall - t)
		.sort((a, b) => a - b);
	const first = candidates[0];
	if (first !== undefined) return new Date(first);
	// In a gap: read the wall time with the offset from before the transition.
	return new Date(wall - before * MINUTE_MS);
}

/** Local midnight that starts `date`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
	return zonedInstant(date, 0, timeZone);
}

export function parseLocalTime(time: LocalTime): number {
	const [h, m] = time.split(':').map(Number);
	return (h ?? 0) * 60 + (m ?? 0);
}

export function formatLocalTime(minuteOfDay: number): LocalTime {
	const h = Math.floor(minuteOfDay / 60);
	const m = minuteOfDay % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function splitLocalDate(date: LocalDate): [number, number, number] {
	const [y, m, d] = date.split('-').map(Number);
	return [y ?? 1970, m ?? 1, d ?? 1];
}

function formatLocalDate(year: number, month: number, day: number): LocalDate {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
	const [y, m, d] = splitLocalDate(date);
	const moved = new Date(Date.UTC(y, m - 1, d + days));
	return formatLocalDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	const [y1, m1, d1] = splitLocalDate(from);
	const [y2, m2, d2] = splitLocalDate(to);
	return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
	const [y, m, d] = splitLocalDate(date);
	const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
	return (day === 0 ? 7 : day) as IsoWeekday;
}

/** The Monday that starts the ISO week containing `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
	return addDays(date, 1 - isoWeekday(date));
}

/** The first day of the month containing `date`. */
export function startOfMonth(date: LocalDate): LocalDate {
	return `${date.slice(0, 7)}-01`;
}

export const addMinutes = (instant: Date, minutes: number): Date =>
	new Date(instant.getTime() + minutes * MINUTE_MS);

export const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / MINUTE_MS;
