import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { LocalDate } from '../shared/time';
import { addDays, daysBetween } from '../shared/time';

/**
 * Reading holiday calendars from .ics files (RFC 5545), so that an estate can load a schedule the `chinese-days`
 * preset does not have yet (next year's, or a Hong Kong one). Only what a day calendar needs is read: all-day
 * VEVENTs with their SUMMARY and CATEGORIES. Written by hand because the need is this small, and a general
 * iCalendar library would bring time zones and recurrence we deliberately do not import.
 */

/** A day the file names: a holiday (no working time), or a working day (调休 上班) on what would be a rest day. */
export type IcsCalendarDay = {
	readonly date: LocalDate;
	readonly kind: 'holiday' | 'workday';
	readonly name: string;
};

/** Why an event gave no days: the admin sees these in the import preview. */
export type IcsSkipReason =
	| 'not_all_day' // a timed event (a meeting, not a day)
	| 'recurring' // RRULE/RDATE: holiday schedules are listed day by day, so a repeating event is not guessed at
	| 'invalid_dates' // no or unreadable DTSTART, or an end not after the start
	| 'too_long' // longer than MAX_EVENT_DAYS
	| 'duplicate_date'; // a date an earlier event of the file already gave

export type IcsSkippedEvent = {
	/** Line of the event's BEGIN:VEVENT in the file, 1-based, for the preview. */
	readonly line: number;
	readonly summary: string | null;
	readonly reason: IcsSkipReason;
	/** For `duplicate_date`: which date. */
	readonly date?: LocalDate;
};

export type IcsCalendarImport = {
	readonly days: readonly IcsCalendarDay[];
	readonly skipped: readonly IcsSkippedEvent[];
};

export type IcsError = DomainError<'CALENDAR.ICS_INVALID'>;

/** A holiday lasts days, not months: a longer all-day event is a term or a season, not a day off. */
export const MAX_EVENT_DAYS = 31;
/** As many dated days as a working calendar holds. */
export const MAX_IMPORTED_DAYS = 2000;

const WORKDAY_MARKERS = /班|workday|working day|work day/i;
const NAME_MAX = 100;

type ContentLine = {
	readonly name: string;
	readonly params: ReadonlyMap<string, string>;
	readonly value: string;
	readonly line: number;
};

/** RFC 5545 §3.1: a line that starts with a space or a tab continues the previous one (the one character dropped). */
function unfold(text: string): { text: string; line: number }[] {
	const lines: { text: string; line: number }[] = [];
	text.split(/\r\n|\n|\r/).forEach((raw, index) => {
		const previous = lines.at(-1);
		if ((raw.startsWith(' ') || raw.startsWith('\t')) && previous) previous.text += raw.slice(1);
		else if (raw !== '') lines.push({ text: raw, line: index + 1 });
	});
	return lines;
}

/** `NAME;PARAM=value;PARAM="quoted:value":value`: the value starts at the first colon outside quotes. */
function parseContentLine(text: string, line: number): ContentLine | null {
	let quoted = false;
	let colon = -1;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '"') quoted = !quoted;
		else if (char === ':' && !quoted) {
			colon = i;
			break;
		}
	}
	if (colon <= 0) return null;
	const [name = '', ...rawParams] = text.slice(0, colon).split(';');
	const params = new Map<string, string>();
	for (const param of rawParams) {
		const eq = param.indexOf('=');
		if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
	}
	return { name: name.toUpperCase(), params, value: text.slice(colon + 1), line };
}

/** RFC 5545 §3.3.11 TEXT: `\\`, `\;`, `\,` and `\n` escapes. */
function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** `20261001` → `2026-10-01`, or null when it is not a real date (a timed `20261001T090000Z` included). */
function dateValue(value: string): LocalDate | null {
	const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
	if (!match) return null;
	const [, y = '', m = '', d = ''] = match;
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	const real =
		date.getUTCFullYear() === Number(y) &&
		date.getUTCMonth() + 1 === Number(m) &&
		date.getUTCDate() === Number(d);
	return real ? `${y}-${m}-${d}` : null;
}

/** Whole days of a DURATION such as `P1D`, `P2W`, `P3DT0H`; null when it is not whole days. */
function durationDays(value: string): number | null {
	const match = /^\+?P(?:(\d+)W|(\d+)D(?:T(?:0+H)?(?:0+M)?(?:0+S)?)?)$/.exec(value.trim());
	if (!match) return null;
	return match[1] !== undefined ? Number(match[1]) * 7 : Number(match[2]);
}

type EventDraft = { line: number; props: ContentLine[] };

type EventOutcome =
	| {
			readonly ok: true;
			readonly dates: LocalDate[];
			readonly kind: IcsCalendarDay['kind'];
			readonly name: string;
	  }
	| { readonly ok: false; readonly reason: Exclude<IcsSkipReason, 'duplicate_date'> };

function readEvent(event: EventDraft): { summary: string | null; outcome: EventOutcome } {
	const prop = (name: string) => event.props.find((p) => p.name === name);
	const summary = prop('SUMMARY') ? unescapeText(prop('SUMMARY')?.value ?? '').trim() || null : null;
	const categories = event.props
		.filter((p) => p.name === 'CATEGORIES')
		.flatMap((p) => p.value.split(/(?<!\\),/).map((c) => unescapeText(c).trim()))
		.filter(Boolean);
	const fail = (reason: Exclude<IcsSkipReason, 'duplicate_date'>) => ({
		summary,
		outcome: { ok: false, reason } as const,
	});

	if (prop('RRULE') || prop('RDATE')) return fail('recurring');
	const startProp = prop('DTSTART');
	if (!startProp) return fail('invalid_dates');
	// An all-day event's DTSTART is a DATE (`;VALUE=DATE:20261001`, or the bare 8 digits); a DATE-TIME has a `T`.
	if (/T/i.test(startProp.value) || startProp.params.get('VALUE')?.toUpperCase() === 'DATE-TIME')
		return fail('not_all_day');
	const start = dateValue(startProp.value);
	if (start === null) return fail('invalid_dates');

	// DTEND is exclusive (§3.6.1): an event on 1–7 October ends on the 8th. Neither DTEND nor DURATION: one day.
	const endProp = prop('DTEND');
	const durationProp = prop('DURATION');
	let days = 1;
	if (endProp) {
		const end = dateValue(endProp.value);
		if (end === null) return fail(/T/i.test(endProp.value) ? 'not_all_day' : 'invalid_dates');
		days = daysBetween(start, end);
	} else if (durationProp) {
		days = durationDays(durationProp.value) ?? 0;
	}
	if (days < 1) return fail('invalid_dates');
	if (days > MAX_EVENT_DAYS) return fail('too_long');

	// Apple's and chinese-days' feeds also say it in X-APPLE-SPECIAL-DAY (WORK-HOLIDAY / ALTERNATE-WORKDAY).
	const marked =
		[summary ?? '', ...categories].some((text) => WORKDAY_MARKERS.test(text)) ||
		prop('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase() === 'ALTERNATE-WORKDAY';
	const name = (summary ?? categories[0] ?? (marked ? '调休上班' : '假日'))
		.replace(/\s+/g, ' ')
		.slice(0, NAME_MAX);
	return {
		summary,
		outcome: {
			ok: true,
			dates: Array.from({ length: days }, (_, i) => addDays(start, i)),
			kind: marked ? 'workday' : 'holiday',
			name,
		},
	};
}

/**
 * The days an .ics file gives: every all-day VEVENT becomes a holiday on each of its dates, unless its SUMMARY
 * or CATEGORIES mark a working day (班 / 上班 / 补班 / workday, or Apple's X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY). Timed and recurring events, and events with
 * unreadable dates, are skipped and listed. A date given twice keeps the first event's day. Fails only when the
 * text is not an iCalendar object or holds more than {@link MAX_IMPORTED_DAYS} days.
 */
export function parseIcsCalendar(text: string): Result<IcsCalendarImport, IcsError> {
	const lines = unfold(text.replace(/^\uFEFF/, ''));
	const first = lines[0] ? parseContentLine(lines[0].text, lines[0].line) : null;
	if (first?.name !== 'BEGIN' || first.value.trim().toUpperCase() !== 'VCALENDAR') {
		return err(
			'CALENDAR.ICS_INVALID',
			'The file is not an iCalendar (.ics) file: it must start with BEGIN:VCALENDAR.',
			{
				path: ['body'],
			},
		);
	}

	const events: EventDraft[] = [];
	let current: EventDraft | null = null;
	// Components nested in an event (VALARM) have properties of their own, which are not the event's.
	let nested = 0;
	for (const { text: lineText, line } of lines) {
		const content = parseContentLine(lineText, line);
		if (!content) continue;
		const component = content.value.trim().toUpperCase();
		if (content.name === 'BEGIN' && component === 'VEVENT' && current === null) {
			current = { line, props: [] };
		} else if (content.name === 'END' && component === 'VEVENT' && current !== null && nested === 0) {
			events.push(current);
			current = null;
		} else if (current !== null && content.name === 'BEGIN') {
			nested++;
		} else if (current !== null && content.name === 'END') {
			nested = Math.max(0, nested - 1);
		} else if (current !== null && nested === 0) {
			current.props.push(content);
		}
	}

	const days: IcsCalendarDay[] = [];
	const seen = new Set<LocalDate>();
	const skipped: IcsSkippedEvent[] = [];
	for (const event of events) {
		const { summary, outcome } = readEvent(event);
		if (!outcome.ok) {
			skipped.push({ line: event.line, summary, reason: outcome.reason });
			continue;
		}
		for (const date of outcome.dates) {
			if (seen.has(date)) {
				skipped.push({ line: event.line, summary, reason: 'duplicate_date', date });
				continue;
			}
			seen.add(date);
			days.push({ date, kind: outcome.kind, name: outcome.name });
		}
	}
	if (days.length > MAX_IMPORTED_DAYS) {
		return err(
			'CALENDAR.ICS_INVALID',
			`The file gives ${days.length} days; at most ${MAX_IMPORTED_DAYS} are taken.`,
			{
				path: ['body'],
			},
		);
	}
	days.sort((a, b) => a.date.localeCompare(b.date));
	return ok({ days, skipped });
}
