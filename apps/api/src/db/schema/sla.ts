import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';

/** The estate's SLA rules (the domain's `SlaRules`, as data) and working calendar settings. */
export const slaSettings = pgTable('sla_settings', {
	estateId: uuid()
		.primaryKey()
		.references(() => estates.id),
	rules: jsonb().$type<unknown>().notNull(),
	/** Working hours per weekday and rest days; dated exceptions are rows of `calendar_days`. */
	workingWeek: jsonb().$type<unknown>().notNull(),
	updatedAt: instant().notNull().defaultNow(),
});

/** Dated exceptions to the working week: holidays and 调休 working days, preset or added by an admin. */
export const calendarDays = pgTable(
	'calendar_days',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		date: text().notNull(),
		kind: text().notNull(),
		name: text().notNull(),
		source: text().notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('calendar_days_estate_date_key').on(t.estateId, t.date),
		index('calendar_days_estate_idx').on(t.estateId),
	],
);

/** SLA alerts already raised, so that the watch job raises each at-risk / breach / escalation once. */
export const slaAlerts = pgTable(
	'sla_alerts',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		workOrderId: uuid().notNull(),
		clock: text().notNull(),
		level: text().notNull(),
		raisedAt: createdAt(),
	},
	(t) => [uniqueIndex('sla_alerts_once_key').on(t.workOrderId, t.clock, t.level)],
);
