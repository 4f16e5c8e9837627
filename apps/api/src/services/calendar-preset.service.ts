import { createRequire } from 'node:module';
import { z } from 'zod';

/** A dated exception to the working week, as `calendar_days` keeps it: a holiday or a 调休 working day. */
export type CalendarDay = {
	readonly date: string;
	readonly kind: 'holiday' | 'working';
	readonly name: string;
};

// `{ "2026-10-01": "National Day,国庆节,3" }`: English name, Chinese name, length of the holiday.
const DayTable = z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string());
const ChineseDaysData = z.object({ holidays: DayTable, workdays: DayTable });

// The package's functions read dates with the process's local time and shift them by a day west of UTC, so
// we read the data file it publishes (dist/chinese-days.json, documented in its README) instead.
let data: z.infer<typeof ChineseDaysData> | undefined;
function chineseDaysData(): z.infer<typeof ChineseDaysData> {
	data ??= ChineseDaysData.parse(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'));
	return data;
}

const FULL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(entry: string): string {
	const name = entry.split(',')[1]?.trim() || entry;
	return FULL_NAMES[name] ?? name;
}

/**
 * Mainland China's public holidays and 调休 working days (weekend days that are worked) of `years`, from the
 * State Council's schedules as the `chinese-days` package publishes them. Years the package does not know yet
 * give no days: an administrator adds them (one by one, or from an .ics file).
 */
export function mainlandCalendarDays(years: readonly number[]): CalendarDay[] {
	const { holidays, workdays } = chineseDaysData();
	const wanted = new Set(years.map(String));
	const inYears = (table: Record<string, string>) =>
		Object.entries(table)
			.filter(([date]) => wanted.has(date.slice(0, 4)))
			.sort(([a], [b]) => a.localeCompare(b));
	return [
		...inYears(holidays).map(([date, entry]): CalendarDay => ({
			date,
			kind: 'holiday',
			name: chineseName(entry),
		})),
		...inYears(workdays)
			.filter(([date]) => holidays[date] === undefined)
			.map(([date, entry]): CalendarDay => ({
				date,
				kind: 'working',
				name: `${chineseName(entry)}调休上班`,
			})),
	].sort((a, b) => a.date.localeCompare(b.date));
}

/** ISO 3166-1 alpha-2 of mainland China; Hong Kong (HK), Macao (MO) and Taiwan (TW) keep other schedules. */
export const MAINLAND_CHINA = 'CN';

/**
 * The calendar preset of a new estate (SPEC.md, "Calendar that knows 调休"): for mainland China the national
 * schedule of `fromYear` and the year after; elsewhere none (the administrator adds their own days or imports an
 * .ics file).
 */
export function calendarPresetFor(country: string, fromYear: number): CalendarDay[] {
	return country.toUpperCase() === MAINLAND_CHINA ? mainlandCalendarDays([fromYear, fromYear + 1]) : [];
}
