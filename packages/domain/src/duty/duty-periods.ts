import type { LocalDate } from '../shared/time';
import { addDays, isoWeekday, localDateOf, parseLocalTime, zonedInstant } from '../shared/time';
import type { WorkingCalendar } from '../sla/working-calendar';
import { WEEKDAY_KEYS } from '../sla/working-calendar';
import { workingHoursOn } from '../sla/working-time';
import type { DutyShift } from './duty-shift';

/** How far ahead the next shift of a person is looked for: a rota that leaves someone off longer has no next shift. */
export const DUTY_SEARCH_DAYS = 62;

/** One turn of a shift as instants: `start` inclusive, `end` exclusive. */
export type DutyPeriod = { readonly shift: DutyShift; readonly start: Date; readonly end: Date };

function occursOn(shift: DutyShift, date: LocalDate, calendar: WorkingCalendar): boolean {
	if (shift.validFrom !== null && date < shift.validFrom) return false;
	if (shift.validUntil !== null && date > shift.validUntil) return false;
	switch (shift.repeat.kind) {
		case 'weekly':
			return shift.repeat.weekdays.includes(WEEKDAY_KEYS[isoWeekday(date) - 1] ?? 'mon');
		case 'working_days':
			return workingHoursOn(calendar, date).length > 0;
		case 'dated':
			return shift.repeat.date === date;
	}
}

/** The turn of `shift` that starts on `date` (in the calendar's zone), if it runs that day. */
function periodOn(shift: DutyShift, date: LocalDate, calendar: WorkingCalendar): DutyPeriod | null {
	if (!occursOn(shift, date, calendar)) return null;
	const overnight = parseLocalTime(shift.end) <= parseLocalTime(shift.start);
	return {
		shift,
		start: zonedInstant(date, shift.start, calendar.timeZone),
		end: zonedInstant(overnight ? addDays(date, 1) : date, shift.end, calendar.timeZone),
	};
}

/** The turns of the shifts that started on `date`, in start order. */
function periodsStartingOn(
	shifts: readonly DutyShift[],
	date: LocalDate,
	calendar: WorkingCalendar,
): DutyPeriod[] {
	return shifts
		.map((shift) => periodOn(shift, date, calendar))
		.filter((period): period is DutyPeriod => period !== null)
		.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Every turn of the shifts that overlaps [from, to), in start order (a night shift begun the evening before included). */
export function dutyPeriodsBetween(
	shifts: readonly DutyShift[],
	calendar: WorkingCalendar,
	from: Date,
	to: Date,
): DutyPeriod[] {
	const periods: DutyPeriod[] = [];
	const last = localDateOf(to, calendar.timeZone);
	for (let date = addDays(localDateOf(from, calendar.timeZone), -1); date <= last; date = addDays(date, 1)) {
		for (const period of periodsStartingOn(shifts, date, calendar)) {
			if (period.start < to && period.end > from) periods.push(period);
		}
	}
	return periods.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The shifts on duty at `at`. */
export function shiftsOnDutyAt(
	shifts: readonly DutyShift[],
	calendar: WorkingCalendar,
	at: Date,
): DutyShift[] {
	return dutyPeriodsBetween(shifts, calendar, at, new Date(at.getTime() + 1)).map((period) => period.shift);
}

/**
 * When the shifts next have someone on duty: `at` itself while one runs, else the start of the next turn within
 * {@link DUTY_SEARCH_DAYS}; null when there is none that soon.
 */
export function nextDutyStart(
	shifts: readonly DutyShift[],
	calendar: WorkingCalendar,
	at: Date,
): Date | null {
	const t = at.getTime();
	const first = addDays(localDateOf(at, calendar.timeZone), -1);
	for (let offset = 0; offset <= DUTY_SEARCH_DAYS + 1; offset++) {
		const periods = periodsStartingOn(shifts, addDays(first, offset), calendar);
		if (periods.some((period) => period.start.getTime() <= t && t < period.end.getTime())) return at;
		// Turns are visited in date order, so the first one starting after `at` is the next.
		const next = periods.find((period) => period.start.getTime() > t);
		if (next) return next.start;
	}
	return null;
}
