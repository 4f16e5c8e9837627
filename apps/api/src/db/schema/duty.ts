import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { staff } from './staff';

/**
 * The duty roster (值班表): one row per shift, the domain's `DutyShift`. Times are local to the estate's zone;
 * `repeat` is the domain's `DutyRepeat` (weekly weekdays, every working day, or one date) as JSON.
 */
export const dutyShifts = pgTable(
	'duty_shifts',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		staffId: uuid()
			.notNull()
			.references(() => staff.id),
		department: text().notNull(),
		role: text().notNull(),
		startTime: text().notNull(),
		endTime: text().notNull(),
		repeat: jsonb().$type<unknown>().notNull(),
		validFrom: text(),
		validUntil: text(),
		createdAt: createdAt(),
		updatedAt: instant().notNull().defaultNow(),
	},
	(t) => [
		index('duty_shifts_estate_idx').on(t.estateId, t.department),
		index('duty_shifts_staff_idx').on(t.staffId),
	],
);

/**
 * A person's notification of an SLA alert: created by the SLA watch with the time it may reach them (now, or the
 * start of their next shift), delivered to their realtime room once that time comes, read from the bell. One per
 * person per alert (the alert being one level of one run of one clock).
 */
export const notifications = pgTable(
	'notifications',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		recipientId: uuid()
			.notNull()
			.references(() => staff.id),
		workOrderId: uuid().notNull(),
		/** `sla.atRisk`, `sla.breached` or `sla.escalated`. */
		alert: text().notNull(),
		/** The clock run the alert belongs to, as `sla_alerts.clock` (`resolve#0`). */
		clock: text().notNull(),
		level: integer().notNull(),
		reasons: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** What the bell shows without loading the order: code, urgency, the clock's deadline. */
		details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		deliverAt: instant().notNull(),
		deliveredAt: instant(),
		readAt: instant(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('notifications_once_key').on(t.workOrderId, t.clock, t.level, t.recipientId),
		index('notifications_recipient_idx').on(t.recipientId, t.deliverAt),
		index('notifications_undelivered_idx')
			.on(t.deliverAt)
			.where(sql`delivered_at is null`),
	],
);
