/** A day and time in the estate's zone, as the reader says it ("3月2日 09:05", "2 Mar, 09:05"). */
export function formatDateTime(instant: Date, locale: string, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, {
		timeZone,
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
}

/** A day in the estate's zone ("2026年3月2日", "2 March 2026"). */
export function formatDate(instant: Date, locale: string, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(
		instant,
	);
}
