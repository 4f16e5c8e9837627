import { PGlite } from '@electric-sql/pglite';
import { and, asc, eq, gt, like, lte, max, or, sql, type SQL } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Database, Executor } from '../database';
import { events } from '../schema/outbox';

/**
 * The outbox (DESIGN.md, "The way data flows"). Services append events inside the transaction that changes
 * state; the realtime relay reads them back in `seq` order and clients catch up by `seq`.
 */

/** A domain event as the outbox stores it, numbered by the global `seq`. */
export type OutboxEvent = {
	readonly seq: number;
	readonly estateId: string;
	/** `domain.event` in the past tense, e.g. `workOrder.assigned`. */
	readonly type: string;
	readonly aggregateType: string;
	readonly aggregateId: string;
	readonly at: Date;
	readonly payload: unknown;
};

export type NewOutboxEvent = Omit<OutboxEvent, 'seq'>;

/** The PostgreSQL channel that tells relays "events up to this seq were committed". */
export const EVENTS_CHANNEL = 'estate_ops_events';

type EventRow = typeof events.$inferSelect;

const toOutboxEvent = (row: EventRow): OutboxEvent => ({
	seq: row.seq,
	estateId: row.estateId,
	type: row.type,
	aggregateType: row.aggregateType,
	aggregateId: row.aggregateId,
	at: row.at,
	payload: row.payload,
});

/**
 * Appends events in the caller's transaction and returns them with their `seq`. It also queues a NOTIFY on
 * {@link EVENTS_CHANNEL}: PostgreSQL delivers it only if the transaction commits, so relays hear of committed
 * events at once and never of rolled-back ones (the relay also polls, so a lost notification costs a second).
 * Call it as the last write of the transaction, so the `seq` is taken as late as possible before the commit.
 */
export async function appendEvents(
	tx: Executor,
	toAppend: readonly NewOutboxEvent[],
): Promise<OutboxEvent[]> {
	if (toAppend.length === 0) return [];
	const rows = await tx
		.insert(events)
		.values(
			toAppend.map((event) => ({
				estateId: event.estateId,
				type: event.type,
				aggregateType: event.aggregateType,
				aggregateId: event.aggregateId,
				at: event.at,
				payload: event.payload,
			})),
		)
		.returning();
	const appended = rows.map(toOutboxEvent).sort((a, b) => a.seq - b.seq);
	const highest = appended.at(-1)?.seq ?? 0;
	await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(highest)})`);
	return appended;
}

/** One estate's events after `after`, in `seq` order; `atMost` caps the seq (the relay's horizon). */
export async function eventsAfter(
	db: Executor,
	query: {
		readonly estateId: string;
		readonly after: number;
		readonly limit: number;
		readonly atMost?: number;
		/** Only events whose type starts with one of these (a kiosk's notices). */
		readonly typePrefixes?: readonly string[];
	},
): Promise<OutboxEvent[]> {
	const rows = await db
		.select()
		.from(events)
		.where(
			and(
				eq(events.estateId, query.estateId),
				gt(events.seq, query.after),
				query.atMost === undefined ? undefined : lte(events.seq, query.atMost),
				typeFilter(query.typePrefixes),
			),
		)
		.orderBy(asc(events.seq))
		.limit(query.limit);
	return rows.map(toOutboxEvent);
}

/** Every estate's events after `after`, in `seq` order: what the relay reads. */
export async function allEventsAfter(
	db: Executor,
	query: { readonly after: number; readonly limit: number },
): Promise<OutboxEvent[]> {
	const rows = await db
		.select()
		.from(events)
		.where(gt(events.seq, query.after))
		.orderBy(asc(events.seq))
		.limit(query.limit);
	return rows.map(toOutboxEvent);
}

/** The highest committed `seq` of an estate (0 when it has none), optionally capped by `atMost`. */
export async function latestSeq(
	db: Executor,
	estateId: string,
	options: { readonly atMost?: number } = {},
): Promise<number> {
	const [row] = await db
		.select({ seq: max(events.seq) })
		.from(events)
		.where(
			and(
				eq(events.estateId, estateId),
				options.atMost === undefined ? undefined : lte(events.seq, options.atMost),
			),
		);
	return row?.seq ?? 0;
}

/** The highest committed `seq` of any estate (0 for an empty outbox). */
export async function latestSeqOfAll(db: Executor): Promise<number> {
	const [row] = await db.select({ seq: max(events.seq) }).from(events);
	return row?.seq ?? 0;
}

/**
 * How many of an estate's events lie in `(after, atMost]`, counting no further than `cap` (so that a client
 * far behind costs an index range of `cap` rows, not the whole history).
 */
export async function countEventsAfter(
	db: Executor,
	query: {
		readonly estateId: string;
		readonly after: number;
		readonly atMost?: number;
		readonly cap: number;
		readonly typePrefixes?: readonly string[];
	},
): Promise<number> {
	const limited = db
		.select({ seq: events.seq })
		.from(events)
		.where(
			and(
				eq(events.estateId, query.estateId),
				gt(events.seq, query.after),
				query.atMost === undefined ? undefined : lte(events.seq, query.atMost),
				typeFilter(query.typePrefixes),
			),
		)
		.limit(query.cap)
		.as('limited');
	const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(limited);
	return row?.count ?? 0;
}

/**
 * Whether another session of this database is inside a transaction right now (or hides its state from us:
 * another role's sessions count as busy). The relay asks this at a `seq` gap: a seq is taken before any
 * later one, so once no transaction that could hold it is running, a seq still missing was rolled back.
 */
export async function otherTransactionsInFlight(db: Executor): Promise<boolean> {
	const result: unknown = await db.execute<{ busy: boolean }>(sql`
		select exists (
			select 1 from pg_stat_activity
			where datname = current_database()
				and pid <> pg_backend_pid()
				and backend_type = 'client backend'
				and (xact_start is not null or query = '<insufficient privilege>')
		) as busy`);
	// PGlite answers `{ rows }`, postgres-js an array of rows.
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { busy: boolean }[];
	return rows[0]?.busy ?? true;
}

/** Tells a subscriber that events were committed (`seq` is the highest in the transaction, or null). */
export type EventBusListener = (seq: number | null) => void;

/** The port through which the relay learns of committed events. */
export type EventBus = {
	/** Resolves once listening; the returned function stops it. */
	subscribe(listener: EventBusListener): Promise<() => Promise<void>>;
};

const parseSeq = (payload: string): number | null => {
	const seq = Number(payload);
	return Number.isSafeInteger(seq) ? seq : null;
};

/**
 * LISTEN on {@link EVENTS_CHANNEL} with whichever driver is behind `db`: PGlite delivers notifications inside
 * its one instance; postgres-js keeps a dedicated connection and re-listens after a reconnect (and then calls
 * the listener with null, since notifications sent while it was away are lost).
 */
export function createEventBus(db: Database): EventBus {
	const client = (db as unknown as { $client: unknown }).$client;
	return {
		async subscribe(listener) {
			if (client instanceof PGlite) {
				const unlisten = await client.listen(EVENTS_CHANNEL, (payload) => listener(parseSeq(payload)));
				return () => unlisten();
			}
			const postgresClient = client as Sql;
			let listening = false;
			const { unlisten } = await postgresClient.listen(
				EVENTS_CHANNEL,
				(payload) => listener(parseSeq(payload)),
				() => {
					if (listening) listener(null);
					listening = true;
				},
			);
			return () => unlisten();
		},
	};
}

function typeFilter(prefixes: readonly string[] | undefined): SQL | undefined {
	if (!prefixes) return undefined;
	return (
		or(...prefixes.map((prefix) => like(events.type, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))) ??
		sql`false`
	);
}
