import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { LocalDate } from '../shared/time';
import type { CalendarHoliday, EstateDay, WorkingHours } from './working-calendar';
import { WorkingCalendar } from './working-calendar';

export const DEFAULT_ESTATE_TIME_ZONE = 'Asia/Shanghai';
export const STANDARD_WORKING_HOURS: WorkingHours = [{ start: '09:00', end: '18:00' }];

export type MainlandChinaCalendarOptions = {
	/** Defaults to Asia/Shanghai. */
	readonly timeZone?: string;
	/** The hours of every working day, Monday to Friday and on adjusted working days; defaults to 09:00–18:00. */
	readonly hours?: WorkingHours;
	/** Public holidays, as published each year by the State Council (the api seeds them from `chinese-days`). */
	readonly holidays: readonly CalendarHoliday[];
	/** 调休 weekend days that are worked; they take `hours`. */
	readonly adjustedWorkingDays: readonly { readonly date: LocalDate; readonly name?: string }[];
	readonly estateDays?: readonly EstateDay[];
};

/**
 * A calendar for an estate in mainland China: Monday–Friday working, Saturday and Sunday rest, with the given
 * holidays and adjusted working days. The holiday data comes in as arguments so that the domain ships no
 * yearly tables. Fails with `SLA.INVALID_CALENDAR` when the data does not hold together.
 */
export function mainlandChinaCalendar(
	options: MainlandChinaCalendarOptions,
): Result<WorkingCalendar, DomainError<'SLA.INVALID_CALENDAR'>> {
	const hours = options.hours ?? STANDARD_WORKING_HOURS;
	const parsed = WorkingCalendar.safeParse({
		timeZone: options.timeZone ?? DEFAULT_ESTATE_TIME_ZONE,
		week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
		holidays: options.holidays,
		adjustedWorkingDays: options.adjustedWorkingDays.map((day) => ({ ...day, hours })),
		estateDays: options.estateDays ?? [],
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return err('SLA.INVALID_CALENDAR', issue?.message ?? 'invalid working calendar', {
			path: (issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol'),
		});
	}
	return ok(parsed.data);
}
