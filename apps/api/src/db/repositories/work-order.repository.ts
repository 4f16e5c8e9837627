import { StaffId } from '@estate-ops/domain/shared';
import type { WorkOrder, WorkOrderEvent } from '@estate-ops/domain/work-orders';
import { WorkOrder as WorkOrderSchema } from '@estate-ops/domain/work-orders';
import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { workOrderHistory, workOrders } from '../schema/index';

/** What the list and the map need besides the order itself: its SLA summary, kept in columns. */
export type WorkOrderSlaColumns = {
	readonly nextDueAt: Date | null;
	readonly slaState: string | null;
};

export type StoredWorkOrder = { readonly order: WorkOrder } & WorkOrderSlaColumns;

export type WorkOrderFilter = {
	readonly estateId: string;
	readonly statuses?: readonly string[];
	readonly urgencies?: readonly string[];
	readonly kinds?: readonly string[];
	readonly buildingId?: string;
	readonly assigneeId?: string;
	readonly search?: string;
	/** Keyset cursor: orders submitted before this one (newest first). */
	readonly before?: { readonly submittedAt: Date; readonly id: string };
	readonly limit: number;
};

export type HistoryEntry = {
	readonly version: number;
	readonly type: string;
	readonly at: Date;
	readonly actor: unknown;
	readonly event: unknown;
};

const parseOrder = (state: unknown): WorkOrder => WorkOrderSchema.parse(state);

function columnsOf(order: WorkOrder, sla: WorkOrderSlaColumns) {
	const location = order.location;
	return {
		estateId: order.estateId,
		code: order.code,
		kind: order.kind,
		category: order.category,
		urgency: order.urgency,
		status: order.status,
		channel: order.channel,
		buildingId: location.kind === 'room' ? location.buildingId : (location.buildingId ?? null),
		roomId: location.kind === 'room' ? location.roomId : null,
		residentId: order.residentId,
		responsibleStaffId: order.responsibleStaffId,
		assigneeId: order.assigneeId,
		description: order.description,
		state: order as unknown,
		version: order.version,
		submittedAt: order.submittedAt,
		updatedAt: order.closedAt ?? order.cancelledAt ?? latestStepAt(order),
		closedAt: order.closedAt ?? order.cancelledAt,
		nextDueAt: sla.nextDueAt,
		slaState: sla.slaState,
	};
}

function latestStepAt(order: WorkOrder): Date {
	const times = [
		order.submittedAt,
		order.acceptedAt,
		order.assignedAt,
		order.contactedAt,
		order.arrivedAt,
		order.resolvedAt,
		order.feedbackAt,
	]
		.filter((t): t is Date => t instanceof Date)
		.map((t) => t.getTime());
	return new Date(Math.max(...times));
}

/** The `work_orders` row of an order: its state, and the copies of it kept for filters, sorting and indexes. */
export function workOrderRow(
	order: WorkOrder,
	sla: WorkOrderSlaColumns,
	publicTokenHash: string,
	contactPhoneEncrypted: string | null = null,
) {
	return { id: order.id, publicTokenHash, contactPhoneEncrypted, ...columnsOf(order, sla) };
}

export async function insertWorkOrder(
	tx: Executor,
	order: WorkOrder,
	sla: WorkOrderSlaColumns,
	publicTokenHash: string,
	contactPhoneEncrypted: string | null = null,
): Promise<void> {
	await tx.insert(workOrders).values(workOrderRow(order, sla, publicTokenHash, contactPhoneEncrypted));
}

/**
 * Writes the new state only if nobody else wrote since `expectedVersion` was read; returns false when the
 * order moved on meanwhile (the caller answers 409).
 */
export async function updateWorkOrder(
	tx: Executor,
	order: WorkOrder,
	sla: WorkOrderSlaColumns,
	expectedVersion: number,
): Promise<boolean> {
	const updated = await tx
		.update(workOrders)
		.set(columnsOf(order, sla))
		.where(
			and(
				eq(workOrders.id, order.id),
				eq(workOrders.estateId, order.estateId),
				eq(workOrders.version, expectedVersion),
			),
		)
		.returning({ id: workOrders.id });
	return updated.length === 1;
}

/** Updates only the SLA columns (the SLA watch job), leaving the order and its version alone. */
export async function updateSlaColumns(
	tx: Executor,
	estateId: string,
	id: string,
	sla: WorkOrderSlaColumns,
): Promise<void> {
	await tx
		.update(workOrders)
		.set(sla)
		.where(and(eq(workOrders.id, id), eq(workOrders.estateId, estateId)));
}

/** One history row per event, numbered by the order's version after that event. */
export async function appendHistory(
	tx: Executor,
	order: WorkOrder,
	events: readonly WorkOrderEvent[],
	requestId: string | null,
): Promise<void> {
	if (events.length === 0) return;
	const firstVersion = order.version - events.length + 1;
	await tx.insert(workOrderHistory).values(
		events.map((event, index) => ({
			estateId: order.estateId,
			workOrderId: order.id,
			version: firstVersion + index,
			type: event.type,
			actor: event.actor as unknown,
			at: event.at,
			event: event as unknown,
			requestId,
		})),
	);
}

export async function findWorkOrder(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredWorkOrder | null> {
	const [row] = await db
		.select({ state: workOrders.state, nextDueAt: workOrders.nextDueAt, slaState: workOrders.slaState })
		.from(workOrders)
		.where(and(eq(workOrders.estateId, estateId), eq(workOrders.id, id)));
	return row ? { order: parseOrder(row.state), nextDueAt: row.nextDueAt, slaState: row.slaState } : null;
}

export async function findWorkOrderByCode(
	db: Executor,
	estateId: string,
	code: string,
): Promise<StoredWorkOrder | null> {
	const [row] = await db
		.select({ state: workOrders.state, nextDueAt: workOrders.nextDueAt, slaState: workOrders.slaState })
		.from(workOrders)
		.where(and(eq(workOrders.estateId, estateId), eq(workOrders.code, code)));
	return row ? { order: parseOrder(row.state), nextDueAt: row.nextDueAt, slaState: row.slaState } : null;
}

export async function findWorkOrderByPublicToken(
	db: Executor,
	publicTokenHash: string,
): Promise<StoredWorkOrder | null> {
	const [row] = await db
		.select({ state: workOrders.state, nextDueAt: workOrders.nextDueAt, slaState: workOrders.slaState })
		.from(workOrders)
		.where(eq(workOrders.publicTokenHash, publicTokenHash));
	return row ? { order: parseOrder(row.state), nextDueAt: row.nextDueAt, slaState: row.slaState } : null;
}

export async function listWorkOrders(db: Executor, filter: WorkOrderFilter): Promise<StoredWorkOrder[]> {
	const conditions: SQL[] = [eq(workOrders.estateId, filter.estateId)];
	if (filter.statuses?.length) conditions.push(inArray(workOrders.status, [...filter.statuses]));
	if (filter.urgencies?.length) conditions.push(inArray(workOrders.urgency, [...filter.urgencies]));
	if (filter.kinds?.length) conditions.push(inArray(workOrders.kind, [...filter.kinds]));
	if (filter.buildingId) conditions.push(eq(workOrders.buildingId, filter.buildingId));
	if (filter.assigneeId) conditions.push(eq(workOrders.assigneeId, filter.assigneeId));
	if (filter.search) {
		const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		const bySearch = or(ilike(workOrders.code, pattern), ilike(workOrders.description, pattern));
		if (bySearch) conditions.push(bySearch);
	}
	if (filter.before) {
		const { submittedAt, id } = filter.before;
		const older = or(
			lt(workOrders.submittedAt, submittedAt),
			and(eq(workOrders.submittedAt, submittedAt), lt(workOrders.id, id)),
		);
		if (older) conditions.push(older);
	}
	const rows = await db
		.select({ state: workOrders.state, nextDueAt: workOrders.nextDueAt, slaState: workOrders.slaState })
		.from(workOrders)
		.where(and(...conditions))
		.orderBy(desc(workOrders.submittedAt), desc(workOrders.id))
		.limit(filter.limit);
	return rows.map((row) => ({
		order: parseOrder(row.state),
		nextDueAt: row.nextDueAt,
		slaState: row.slaState,
	}));
}

/** Open orders per assignee, for assignment suggestions. */
export async function openLoadByAssignee(db: Executor, estateId: string): Promise<Map<StaffId, number>> {
	const rows = await db
		.select({ assigneeId: workOrders.assigneeId, open: sql<number>`count(*)::int` })
		.from(workOrders)
		.where(and(eq(workOrders.estateId, estateId), inArray(workOrders.status, ['assigned', 'on_site'])))
		.groupBy(workOrders.assigneeId);
	return new Map(
		rows
			.filter((r) => r.assigneeId !== null)
			.map((r) => [StaffId.parse(r.assigneeId), Number(r.open)] as const),
	);
}

export async function historyOf(db: Executor, estateId: string, id: string): Promise<HistoryEntry[]> {
	return db
		.select({
			version: workOrderHistory.version,
			type: workOrderHistory.type,
			at: workOrderHistory.at,
			actor: workOrderHistory.actor,
			event: workOrderHistory.event,
		})
		.from(workOrderHistory)
		.where(and(eq(workOrderHistory.estateId, estateId), eq(workOrderHistory.workOrderId, id)))
		.orderBy(asc(workOrderHistory.version));
}

/** The sealed callback number of an order, for the audited contact read. */
export async function findSealedContactPhone(
	db: Executor,
	estateId: string,
	id: string,
): Promise<{ readonly sealed: string | null } | null> {
	const [row] = await db
		.select({ sealed: workOrders.contactPhoneEncrypted })
		.from(workOrders)
		.where(and(eq(workOrders.estateId, estateId), eq(workOrders.id, id)));
	return row ?? null;
}
