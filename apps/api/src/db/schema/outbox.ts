import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns';

/**
 * The outbox: every domain event, written in the transaction that made it, numbered by a global `seq`.
 * The relay pushes rows to Socket.IO; clients catch up with `GET /api/v1/events?after=seq`.
 */
export const events = pgTable(
	'events',
	{
		seq: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid().notNull(),
		type: text().notNull(),
		aggregateType: text().notNull(),
		aggregateId: text().notNull(),
		/** The event (dates tagged), as the browsers' reducers receive it. */
		payload: jsonb().$type<unknown>().notNull(),
		at: instant().notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('events_estate_seq_idx').on(t.estateId, t.seq)],
);

/** Responses to POSTs made with an `Idempotency-Key`, replayed for a retry with the same key and body. */
export const idempotencyKeys = pgTable(
	'idempotency_keys',
	{
		principal: text().notNull(),
		key: text().notNull(),
		requestHash: text().notNull(),
		responseStatus: integer().notNull(),
		responseBody: jsonb().$type<unknown>().notNull(),
		createdAt: createdAt(),
		expiresAt: instant().notNull(),
	},
	(t) => [primaryKey({ columns: [t.principal, t.key] })],
);

/** Who read which sensitive field, who changed what: append-only. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid(),
		actorType: text().notNull(),
		actorId: text().notNull(),
		action: text().notNull(),
		subjectType: text().notNull(),
		subjectId: text().notNull(),
		details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		ip: text(),
		requestId: text(),
		at: instant().notNull().defaultNow(),
	},
	(t) => [
		index('audit_log_estate_at_idx').on(t.estateId, t.at),
		index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
	],
);
