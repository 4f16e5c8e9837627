/** Estates default to China Standard Time; an estate's own zone replaces it once the api provides it. */
export const defaultTimeZone = 'Asia/Shanghai';

export type ClockFace = {
	/** Hours and minutes, 24-hour ("09:05"). */
	readonly time: string;
	/** The day as the reader says it ("2026年3月2日星期一", "Monday, March 2, 2026"). */
	readonly date: string;
	/** The instant as an ISO 8601 string, for `<time datetime>`. */
	readonly iso: string;
};

/** `instant` may be a Date or milliseconds since the epoch. */
export function formatClock(
	instant: Date | number,
	locale: string,
	timeZone: string = defaultTimeZone,
): ClockFace {
	const time = new Intl.DateTimeFormat(locale, {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(instant);
	const date = new Intl.DateTimeFormat(locale, {
		timeZone,
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		weekday: 'long',
	}).format(instant);
	return { time, date, iso: new Date(instant).toISOString() };
}
