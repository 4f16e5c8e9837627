import {
	DEFAULT_SLA_RULES,
	type SlaRules,
	SlaRules as SlaRulesSchema,
	type WorkingCalendar,
	WorkingCalendar as WorkingCalendarSchema,
	WeeklyHours,
} from '@estate-ops/domain/sla';
import { eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { calendarDays, estates, slaSettings } from '../schema/index';

export type SlaContext = {
	readonly rules: SlaRules;
	readonly calendar: WorkingCalendar;
	readonly timeZone: string;
};

const STANDARD_WEEK = {
	mon: [{ start: '09:00', end: '18:00' }],
	tue: [{ start: '09:00', end: '18:00' }],
	wed: [{ start: '09:00', end: '18:00' }],
	thu: [{ start: '09:00', end: '18:00' }],
	fri: [{ start: '09:00', end: '18:00' }],
	sat: [],
	sun: [],
};

/**
 * The estate's SLA rules and working calendar as the domain takes them: the working week from
 * `sla_settings`, holidays and 调休 working days from `calendar_days`. An estate without settings gets the
 * defaults of SPEC.md.
 */
export async function loadSlaContext(db: Executor, estateId: string): Promise<SlaContext | null> {
	const [estate] = await db
		.select({ timeZone: estates.timeZone })
		.from(estates)
		.where(eq(estates.id, estateId));
	if (!estate) return null;
	const [settings] = await db.select().from(slaSettings).where(eq(slaSettings.estateId, estateId));
	const days = await db.select().from(calendarDays).where(eq(calendarDays.estateId, estateId));
	const week = WeeklyHours.parse(settings?.workingWeek ?? STANDARD_WEEK);
	const calendar = WorkingCalendarSchema.parse({
		timeZone: estate.timeZone,
		week,
		holidays: days.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name })),
		adjustedWorkingDays: days
			.filter((d) => d.kind === 'working')
			.map((d) => ({
				date: d.date,
				name: d.name,
				hours: week.mon.length > 0 ? week.mon : STANDARD_WEEK.mon,
			})),
	});
	const rules = settings ? SlaRulesSchema.parse(settings.rules) : DEFAULT_SLA_RULES;
	return { rules, calendar, timeZone: estate.timeZone };
}
