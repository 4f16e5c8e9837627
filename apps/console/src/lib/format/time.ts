/** Estates default to China Standard Time; an estate's own zone replaces it once the api provides it. */
export const defaultTimeZone = 'Asia/Shanghai';

/** A wall-clock time in the estate's zone, to the second ("09:05:07"). */
export function formatTimeOfDay(instant: Date, locale: string, timeZone: string = defaultTimeZone): string {
	return new Intl.DateTimeFormat(locale, {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
}

/** A date and time in the estate's zone ("3月2日 09:05", "Mar 2, 09:05"). */
export function formatDateTime(instant: Date, locale: string, timeZone: string = defaultTimeZone): string {
	return new Intl.DateTimeFormat(locale, {
		timeZone,
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
}

/** A wall-clock time to the minute ("09:05"). */
export function formatHourMinute(instant: Date, locale: string, timeZone: string = defaultTimeZone): string {
	return new Intl.DateTimeFormat(locale, {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
}

/**
 * The value a `datetime-local` input shows for an instant in the estate's zone ("2026-03-02T09:05"), and
 * back: the browser's own zone may not be the estate's.
 */
export function toZonedInputValue(instant: Date, timeZone: string = defaultTimeZone): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		})
			.formatToParts(instant)
			.map((part) => [part.type, part.value]),
	);
	return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

export function fromZonedInputValue(value: string, timeZone: string = defaultTimeZone): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number);
	const guess = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
	// The zone's offset at the guessed instant; twice, so a guess across a DST change settles.
	let instant = guess;
	for (let i = 0; i < 2; i++) {
		const shown = toZonedInputValue(new Date(instant), timeZone);
		const [sy, smo, sd, sh, smi] = (shown.match(/\d+/g) ?? []).map(Number);
		const shownUtc = Date.UTC(sy ?? 0, (smo ?? 1) - 1, sd ?? 1, sh ?? 0, smi ?? 0);
		instant += guess - shownUtc;
	}
	return new Date(instant);
}
