import type { WeeklyHours, WorkingCalendar } from '@estate-ops/domain/sla';
import {
	DEFAULT_SLA_RULES,
	mainlandChinaCalendar,
	STANDARD_WORKING_HOURS,
	WeeklyHours as WeeklyHoursSchema,
} from '@estate-ops/domain/sla';
import type { Executor } from '../db/database';
import { calendarDays, slaSettings } from '../db/schema/index';
import { insertInBatches } from './batch';
import type { CalendarDay } from '../services/calendar-preset.service';

// The national schedule is the calendar preset of every new mainland estate; the demo estate gets it the same way.
export { mainlandCalendarDays, type CalendarDay } from '../services/calendar-preset.service';

/** Monday to Friday, 09:00–18:00: the office week that general orders' working-time targets run on. */
export const DEMO_WORKING_WEEK: WeeklyHours = WeeklyHoursSchema.parse({
	mon: STANDARD_WORKING_HOURS,
	tue: STANDARD_WORKING_HOURS,
	wed: STANDARD_WORKING_HOURS,
	thu: STANDARD_WORKING_HOURS,
	fri: STANDARD_WORKING_HOURS,
	sat: [],
	sun: [],
});

/** The working calendar the SLA engine reads, made from the same rows the database gets. */
export function demoWorkingCalendar(days: readonly CalendarDay[], timeZone: string): WorkingCalendar {
	const calendar = mainlandChinaCalendar({
		timeZone,
		hours: DEMO_WORKING_WEEK.mon,
		holidays: days.filter((day) => day.kind === 'holiday').map(({ date, name }) => ({ date, name })),
		adjustedWorkingDays: days
			.filter((day) => day.kind === 'working')
			.map(({ date, name }) => ({ date, name })),
	});
	if (!calendar.ok) throw new Error(calendar.error.message);
	return calendar.value;
}

/** `sla_settings` (the domain's default rules and the working week) and the preset `calendar_days`. */
export async function seedSlaSettings(
	db: Executor,
	input: { readonly estateId: string; readonly days: readonly CalendarDay[]; readonly now: Date },
): Promise<void> {
	await db.insert(slaSettings).values({
		estateId: input.estateId,
		rules: DEFAULT_SLA_RULES,
		workingWeek: DEMO_WORKING_WEEK,
		updatedAt: input.now,
	});
	await insertInBatches(
		db,
		calendarDays,
		input.days.map((day) => ({ estateId: input.estateId, ...day, source: 'preset', createdAt: input.now })),
	);
}
