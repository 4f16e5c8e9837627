import { z } from 'zod';
import { LocalDate, LocalTime, TimeZone, parseLocalTime } from '../shared/time';

/** One stretch of working time inside a local day, e.g. 09:00–12:00. `end` may be `24:00`. */
export const WorkingInterval = z
	.strictObject({ start: LocalTime, end: LocalTime })
	.refine(
		(i) => parseLocalTime(i.start) < parseLocalTime(i.end),
		'a working interval must end after it starts',
	);
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/**
 * The working hours of one day, in order and without overlaps (09:00–12:00 and 13:30–18:00). An empty list is
 * a day off. Shifts across midnight are written as two days' intervals (22:00–24:00, then 00:00–06:00).
 */
export const WorkingHours = z
	.array(WorkingInterval)
	.max(12)
	.refine(
		(intervals) =>
			intervals.every(
				(i, n) => n === 0 || parseLocalTime(intervals[n - 1]?.end ?? '00:00') <= parseLocalTime(i.start),
			),
		'working intervals must be in order and must not overlap',
	);
export type WorkingHours = z.infer<typeof WorkingHours>;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** The usual week. A weekday with no hours is a weekly rest day (休息日). */
export const WeeklyHours = z.strictObject({
	mon: WorkingHours,
	tue: WorkingHours,
	wed: WorkingHours,
	thu: WorkingHours,
	fri: WorkingHours,
	sat: WorkingHours,
	sun: WorkingHours,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

const DayName = z.string().trim().min(1).max(100);

/** A public holiday (法定节假日): no working time that day, whatever the weekday. */
export const CalendarHoliday = z.strictObject({ date: LocalDate, name: DayName });
export type CalendarHoliday = z.infer<typeof CalendarHoliday>;

/** An adjusted working day (调休补班): a working day although it falls on a rest day, with the hours to use. */
export const AdjustedWorkingDay = z.strictObject({
	date: LocalDate,
	name: DayName.optional(),
	hours: WorkingHours.min(1, 'an adjusted working day needs working hours'),
});
export type AdjustedWorkingDay = z.infer<typeof AdjustedWorkingDay>;

/**
 * The estate's own day: an extra day off (`hours: []`, e.g. the estate's anniversary event) or different hours
 * (a half day before the Spring Festival). It wins over the weekly hours, holidays and adjusted working days.
 */
export const EstateDay = z.strictObject({ date: LocalDate, name: DayName, hours: WorkingHours });
export type EstateDay = z.infer<typeof EstateDay>;

/**
 * Working calendar (工作日历) of one estate: when working time runs for SLA targets measured in working time.
 * Precedence for a date: the estate's own day, else an adjusted working day, else a holiday (no hours), else
 * the weekly hours of its weekday. Calendars are treated as immutable values: the working-time functions
 * memoise per calendar object.
 */
export const WorkingCalendar = z
	.strictObject({
		timeZone: TimeZone,
		week: WeeklyHours,
		holidays: z.array(CalendarHoliday).max(2000).default([]),
		adjustedWorkingDays: z.array(AdjustedWorkingDay).max(2000).default([]),
		estateDays: z.array(EstateDay).max(2000).default([]),
	})
	.superRefine((calendar, ctx) => {
		if (WEEKDAY_KEYS.every((key) => calendar.week[key].length === 0)) {
			ctx.addIssue({ code: 'custom', message: 'the week has no working hours at all', path: ['week'] });
		}
		const lists = ['holidays', 'adjustedWorkingDays', 'estateDays'] as const;
		for (const list of lists) {
			const seen = new Set<string>();
			calendar[list].forEach((day, index) => {
				if (seen.has(day.date))
					ctx.addIssue({
						code: 'custom',
						message: `${day.date} is listed twice`,
						path: [list, index, 'date'],
					});
				seen.add(day.date);
			});
		}
		const holidayDates = new Set(calendar.holidays.map((h) => h.date));
		calendar.adjustedWorkingDays.forEach((day, index) => {
			if (holidayDates.has(day.date)) {
				ctx.addIssue({
					code: 'custom',
					message: `${day.date} cannot be both a holiday and an adjusted working day`,
					path: ['adjustedWorkingDays', index, 'date'],
				});
			}
		});
	});
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;
