import { OPEN_STATUSES, WorkOrder as WorkOrderSchema, type WorkOrder } from '@estate-ops/domain/work-orders';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { estates, slaAlerts, workOrders } from '../schema/index';

/** An SLA alert already raised: one level of one run of one clock (`clock` is the run key, e.g. `resolve#1`). */
export type RaisedSlaAlert = { readonly clock: string; readonly level: number };

/** An open order as the SLA watch reads it: the order, the version it was read at, its SLA columns and its alerts. */
export type WatchedWorkOrder = {
	readonly order: WorkOrder;
	readonly version: number;
	readonly nextDueAt: Date | null;
	readonly slaState: string | null;
	readonly raised: readonly RaisedSlaAlert[];
};

export type NewSlaAlert = {
	readonly estateId: string;
	readonly workOrderId: string;
	readonly clock: string;
	readonly level: number;
};

export type SlaColumnsRefresh = {
	readonly id: string;
	/** The version the columns were computed from: a row that moved on since keeps what its own writer put there. */
	readonly version: number;
	readonly nextDueAt: Date | null;
	readonly slaState: string;
};

const UPDATE_CHUNK = 1_000;

export async function listEstateIds(db: Executor): Promise<string[]> {
	const rows = await db.select({ id: estates.id }).from(estates);
	return rows.map((row) => row.id);
}

function parseRaised(text: string | null): RaisedSlaAlert[] {
	if (!text) return [];
	return text.split(',').flatMap((entry) => {
		const separator = entry.lastIndexOf('|');
		const level = Number(entry.slice(separator + 1));
		return separator > 0 && Number.isInteger(level) ? [{ clock: entry.slice(0, separator), level }] : [];
	});
}

/**
 * Every open order of one estate with the alerts already raised for it, in one query (the alerts through the
 * `sla_alerts` unique index, so the cost grows with the open orders, not with the alert history).
 */
export async function listOpenOrdersForWatch(db: Executor, estateId: string): Promise<WatchedWorkOrder[]> {
	const rows = await db
		.select({
			state: workOrders.state,
			version: workOrders.version,
			nextDueAt: workOrders.nextDueAt,
			slaState: workOrders.slaState,
			raised: sql<
				string | null
			>`(select string_agg(${slaAlerts.clock} || '|' || ${slaAlerts.level}, ',') from ${slaAlerts} where ${slaAlerts.workOrderId} = ${workOrders.id})`,
		})
		.from(workOrders)
		.where(and(eq(workOrders.estateId, estateId), inArray(workOrders.status, [...OPEN_STATUSES])));
	return rows.map((row) => ({
		order: WorkOrderSchema.parse(row.state),
		version: row.version,
		nextDueAt: row.nextDueAt,
		slaState: row.slaState,
		raised: parseRaised(row.raised),
	}));
}

/**
 * Records alerts once each: rows whose (order, clock, level) is already there are skipped, and only the rows
 * this call inserted come back, so the caller raises an event for exactly those (in the same transaction).
 * Rows go in a fixed order, so two concurrent writers wait on each other instead of deadlocking.
 */
export async function insertSlaAlerts(tx: Executor, alerts: readonly NewSlaAlert[]): Promise<NewSlaAlert[]> {
	if (alerts.length === 0) return [];
	const sorted = [...alerts].sort(
		(a, b) =>
			a.workOrderId.localeCompare(b.workOrderId) || a.clock.localeCompare(b.clock) || a.level - b.level,
	);
	const inserted = await tx
		.insert(slaAlerts)
		.values(sorted.map((alert) => ({ ...alert, level: String(alert.level) })))
		.onConflictDoNothing({ target: [slaAlerts.workOrderId, slaAlerts.clock, slaAlerts.level] })
		.returning({
			estateId: slaAlerts.estateId,
			workOrderId: slaAlerts.workOrderId,
			clock: slaAlerts.clock,
			level: slaAlerts.level,
		});
	return inserted.map((row) => ({ ...row, level: Number(row.level) }));
}

/**
 * Writes `next_due_at` / `sla_state` of many orders in one statement per chunk, leaving their state and version
 * alone; an order whose version moved on since it was read is skipped (its command wrote fresh columns).
 */
export async function refreshSlaColumns(
	db: Executor,
	estateId: string,
	refreshes: readonly SlaColumnsRefresh[],
): Promise<void> {
	for (let start = 0; start < refreshes.length; start += UPDATE_CHUNK) {
		const chunk = refreshes.slice(start, start + UPDATE_CHUNK);
		const values = sql.join(
			chunk.map(
				(row) =>
					sql`(${row.id}::uuid, ${row.version}::integer, ${row.nextDueAt?.toISOString() ?? null}::timestamptz, ${row.slaState}::text)`,
			),
			sql`, `,
		);
		await db.execute(sql`
			update ${workOrders} set next_due_at = v.next_due_at, sla_state = v.sla_state
			from (values ${values}) as v(id, version, next_due_at, sla_state)
			where ${workOrders.id} = v.id and ${workOrders.estateId} = ${estateId} and ${workOrders.version} = v.version`);
	}
}

/** Open orders counted by estate, status and SLA state, for the `/metrics` gauge (one grouped query). */
export async function countOpenWorkOrders(
	db: Executor,
): Promise<
	{ readonly estateId: string; readonly status: string; readonly slaState: string; readonly count: number }[]
> {
	const slaState = sql<string>`coalesce(${workOrders.slaState}, 'unknown')`;
	const rows = await db
		.select({
			estateId: workOrders.estateId,
			status: workOrders.status,
			slaState,
			count: sql<number>`count(*)::int`,
		})
		.from(workOrders)
		.where(inArray(workOrders.status, [...OPEN_STATUSES]))
		.groupBy(workOrders.estateId, workOrders.status, slaState);
	return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
