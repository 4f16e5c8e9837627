import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { buildings, rooms } from './site-plan';
import { residents } from './residents';
import { staff } from './staff';

/**
 * Work orders (工单). `state` is the domain's `WorkOrder` (dates tagged, see shared/json-dates in the
 * domain); the other columns are copies of it kept for filtering, sorting and indexes, written in the same
 * statement. `version` is the optimistic-concurrency guard: an update must name the version it read.
 */
export const workOrders = pgTable(
	'work_orders',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		code: text().notNull(),
		/** SHA-256 of the unguessable token in the public status link (QR hand-off). */
		publicTokenHash: text().notNull(),
		kind: text().notNull(),
		category: text().notNull(),
		urgency: text().notNull(),
		status: text().notNull(),
		channel: text().notNull(),
		buildingId: uuid().references(() => buildings.id),
		roomId: uuid().references(() => rooms.id),
		residentId: uuid().references(() => residents.id),
		responsibleStaffId: uuid().references(() => staff.id),
		assigneeId: uuid().references(() => staff.id),
		description: text().notNull(),
		/** The contact's clear phone number, AES-256-GCM sealed; `state` carries it masked. */
		contactPhoneEncrypted: text(),
		state: jsonb().$type<unknown>().notNull(),
		version: integer().notNull(),
		submittedAt: instant().notNull(),
		updatedAt: instant().notNull(),
		closedAt: instant(),
		/** The soonest running SLA deadline, for "sorted by next deadline" and the SLA watch job. */
		nextDueAt: instant(),
		slaState: text(),
	},
	(t) => [
		uniqueIndex('work_orders_estate_code_key').on(t.estateId, t.code),
		uniqueIndex('work_orders_public_token_key').on(t.publicTokenHash),
		index('work_orders_estate_status_idx').on(t.estateId, t.status, t.submittedAt),
		index('work_orders_estate_next_due_idx').on(t.estateId, t.nextDueAt),
		index('work_orders_assignee_idx').on(t.assigneeId, t.status),
		index('work_orders_room_idx').on(t.roomId),
	],
);

/** Every change to a work order: who, what, when (one row per domain event, numbered by the order's version). */
export const workOrderHistory = pgTable(
	'work_order_history',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		workOrderId: uuid()
			.notNull()
			.references(() => workOrders.id),
		version: integer().notNull(),
		type: text().notNull(),
		actor: jsonb().$type<unknown>().notNull(),
		at: instant().notNull(),
		event: jsonb().$type<unknown>().notNull(),
		requestId: text(),
	},
	(t) => [uniqueIndex('work_order_history_order_version_key').on(t.workOrderId, t.version)],
);

/** Uploaded files (photos). Bytes live in the database so that every api instance can serve them. */
export const attachments = pgTable(
	'attachments',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		workOrderId: uuid().references(() => workOrders.id),
		contentType: text().notNull(),
		sizeBytes: integer().notNull(),
		sha256: text().notNull(),
		content: bytea().notNull(),
		uploadedBy: jsonb().$type<unknown>().notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('attachments_work_order_idx').on(t.workOrderId)],
);
