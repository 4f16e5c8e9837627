import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { zones } from './site-plan';
import { staff } from './staff';
import { attachments } from './work-orders';

/*
 * Cleaning (保洁): the plans that say which tasks each zone has and how often, the rounds cleaners marked
 * done, the conditions (holiday, event, bad weather) a supervisor switched on, and each zone's last status.
 * The rounds themselves are not stored: the domain derives them from the plans for any date.
 */

/** Cleaning plans (保洁作业标准): `plan` is the domain's `CleaningPlan` for a zone kind (or for named zones). */
export const cleaningPlans = pgTable(
	'cleaning_plans',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		zoneKind: text().notNull(),
		plan: jsonb().$type<unknown>().notNull(),
		createdAt: createdAt(),
		updatedAt: instant().notNull(),
	},
	(t) => [index('cleaning_plans_estate_idx').on(t.estateId)],
);

/**
 * A round marked done (保洁完成). `task_instance_id` is the domain's `zoneId:taskId:dueISO`, so a retry of the
 * same round finds the first completion (the unique key) instead of adding a second.
 */
export const cleaningCompletions = pgTable(
	'cleaning_completions',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		taskInstanceId: text().notNull(),
		zoneId: uuid()
			.notNull()
			.references(() => zones.id),
		taskId: text().notNull(),
		localDate: text().notNull(),
		dueAt: instant().notNull(),
		cleanerId: uuid()
			.notNull()
			.references(() => staff.id),
		deviceId: uuid(),
		/** When the cleaner finished (the device's clock for a completion queued offline). */
		doneAt: instant().notNull(),
		receivedAt: instant().notNull(),
		photoAttachmentId: uuid().references(() => attachments.id),
		note: text(),
		requestId: text(),
	},
	(t) => [
		uniqueIndex('cleaning_completions_once_key').on(t.estateId, t.taskInstanceId),
		index('cleaning_completions_estate_date_idx').on(t.estateId, t.localDate),
	],
);

/**
 * Conditions that add rounds (节假日, 活动, 恶劣天气) for a range of local dates, the whole estate or some zones.
 * Switching one off sets `ended_at`; the row stays, so who switched what and when is never lost.
 */
export const cleaningConditions = pgTable(
	'cleaning_conditions',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		condition: text().notNull(),
		fromDate: text().notNull(),
		toDate: text().notNull(),
		/** Null for the whole estate. */
		zoneIds: uuid().array(),
		note: text(),
		setBy: uuid()
			.notNull()
			.references(() => staff.id),
		setAt: instant().notNull(),
		endedBy: uuid().references(() => staff.id),
		endedAt: instant(),
	},
	(t) => [
		index('cleaning_conditions_active_idx')
			.on(t.estateId, t.fromDate, t.toDate)
			.where(sql`ended_at is null`),
	],
);

/** The status each zone was last announced with, so that a change (due → overdue) is announced once. */
export const cleaningZoneStates = pgTable('cleaning_zone_states', {
	zoneId: uuid()
		.primaryKey()
		.references(() => zones.id),
	estateId: uuid()
		.notNull()
		.references(() => estates.id),
	localDate: text().notNull(),
	status: text().notNull(),
	changedAt: instant().notNull(),
});
