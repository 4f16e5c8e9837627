import {
	DEFAULT_ESCALATION_POLICY,
	slaTransitions,
	type EscalationPolicy,
	type SlaClock,
	type SlaEvent,
	type SlaWatchState,
} from '@estate-ops/domain/sla';
import { workOrderSla, type WorkOrder } from '@estate-ops/domain/work-orders';
import type { Database, Executor } from '../db/database';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import { insertNotifications, type NewNotification } from '../db/repositories/notification.repository';
import { loadSlaContext } from '../db/repositories/sla-settings.repository';
import {
	insertSlaAlerts,
	listEstateIds,
	listOpenOrdersForWatch,
	refreshSlaColumns,
	type NewSlaAlert,
	type SlaColumnsRefresh,
	type WatchedWorkOrder,
} from '../db/repositories/sla-watch.repository';
import { loadDutyPlanner, notificationRows } from './duty-escalation.service';

export type SlaWatchServiceDeps = {
	readonly db: Database;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
	readonly policy?: EscalationPolicy;
};

/** The outbox payload of `sla.atRisk`, `sla.breached` and `sla.escalated` (aggregate `workOrder`). */
export type SlaAlertPayload = {
	readonly workOrderId: string;
	readonly code: string;
	readonly clock: SlaClock;
	/** 1 at risk, 2 breached (department head), 3 escalated (manager). */
	readonly level: 1 | 2 | 3;
	readonly dueAt: string;
	readonly urgency: WorkOrder['urgency'];
	readonly assigneeId: string | null;
	readonly responsibleStaffId: string | null;
	/**
	 * Who the duty roster sends it to and when: at once, or queued for the start of their shift (the control room
	 * shows "will reach X at 08:00" beside the alert).
	 */
	readonly notifications: readonly {
		readonly recipientId: string;
		readonly reasons: readonly string[];
		readonly deliverAt: string;
		readonly queued: boolean;
	}[];
};

/** What one pass did, for logs, metrics and tests. */
export type SlaWatchScan = {
	readonly estates: number;
	readonly openOrders: number;
	/** Events appended to the outbox by this pass (alerts another pass raised first are not counted). */
	readonly raised: number;
	/** Orders whose `next_due_at` / `sla_state` columns this pass rewrote. */
	readonly refreshed: number;
	/** Estates whose pass failed (logged by the job and retried on its next tick). */
	readonly failures: readonly { readonly estateId: string; readonly error: unknown }[];
};

/**
 * The run of a clock an alert belongs to. A reopened order (返工) runs its clocks again from the reopening
 * (`slaTimelineOf`), so the run is named by the order's reopen count: `resolve#0` on the first pass,
 * `resolve#1` after the first reopen. The database's unique key on (order, run, level) is what makes each
 * alert happen once, across passes and instances.
 */
export const clockRunKey = (clock: SlaClock, order: Pick<WorkOrder, 'reopenCount'>): string =>
	`${clock}#${order.reopenCount}`;

/** The levels already raised for each clock's current run, as the domain's watch state. */
function watchStateOf(
	watched: WatchedWorkOrder,
	clocks: ReturnType<typeof workOrderSla>['clocks'],
): SlaWatchState {
	const state: SlaWatchState = {};
	for (const clock of clocks) {
		if (clock.startedAt === null) continue;
		const key = clockRunKey(clock.clock, watched.order);
		const level = watched.raised
			.filter((alert) => alert.clock === key)
			.reduce((highest, alert) => Math.max(highest, alert.level), 0);
		if (level === 1 || level === 2 || level === 3) state[clock.clock] = { startedAt: clock.startedAt, level };
	}
	return state;
}

type PendingAlert = {
	readonly alert: NewSlaAlert;
	readonly event: SlaEvent;
	readonly order: WorkOrder;
	readonly notifications: readonly NewNotification[];
};

const alertKey = (alert: Pick<NewSlaAlert, 'workOrderId' | 'clock' | 'level'>) =>
	`${alert.workOrderId}|${alert.clock}|${alert.level}`;

function outboxEventOf(pending: PendingAlert, at: Date): NewOutboxEvent {
	const { order, event } = pending;
	const notifications = pending.notifications.map((n) => ({
		recipientId: n.recipientId,
		reasons: n.reasons,
		deliverAt: n.deliverAt.toISOString(),
		queued: n.deliverAt.getTime() > at.getTime(),
	}));
	const payload: SlaAlertPayload = {
		workOrderId: order.id,
		code: order.code,
		clock: event.clock,
		level: event.level,
		dueAt: event.dueAt.toISOString(),
		urgency: order.urgency,
		assigneeId: order.assigneeId,
		responsibleStaffId: order.responsibleStaffId,
		notifications,
	};
	return {
		estateId: order.estateId,
		type: event.type,
		aggregateType: 'workOrder',
		aggregateId: order.id,
		payload,
		at,
	};
}

/**
 * The SLA watch (SPEC.md, "Warn before, not after"): for every open order, the clocks as of `at`, an alert for
 * each escalation level newly reached (at risk → breached → escalated to the manager), raised exactly once,
 * and the order's next deadline and SLA state refreshed so that lists and the map sort right. Each alert comes
 * with its notifications, decided by the duty roster (who, and when: now or at the start of their shift), written
 * in the same transaction as the alert, so an alert never exists without the people it must reach.
 */
export function createSlaWatchService(deps: SlaWatchServiceDeps) {
	const { db } = deps;
	const policy = deps.policy ?? DEFAULT_ESCALATION_POLICY;

	async function scanEstate(estateId: string, at: Date): Promise<Omit<SlaWatchScan, 'estates' | 'failures'>> {
		const context = await loadSlaContext(db, estateId);
		if (!context) return { openOrders: 0, raised: 0, refreshed: 0 };
		const watched = await listOpenOrdersForWatch(db, estateId);
		const pending: PendingAlert[] = [];
		const refreshes: SlaColumnsRefresh[] = [];
		// Read the roster only when some alert is due: most passes raise nothing.
		let planner: Awaited<ReturnType<typeof loadDutyPlanner>> | undefined;
		for (const entry of watched) {
			const sla = workOrderSla(entry.order, context.rules, context.calendar, at);
			const nextDueAt = sla.next?.dueAt ?? null;
			if (nextDueAt?.getTime() !== entry.nextDueAt?.getTime() || sla.state !== entry.slaState) {
				refreshes.push({ id: entry.order.id, version: entry.version, nextDueAt, slaState: sla.state });
			}
			const { events } = slaTransitions(watchStateOf(entry, sla.clocks), sla.clocks, policy);
			if (events.length > 0) planner ??= await loadDutyPlanner(db, estateId, context.calendar);
			for (const event of events) {
				const alert = {
					estateId,
					workOrderId: entry.order.id,
					clock: clockRunKey(event.clock, entry.order),
					level: event.level,
				};
				const notifications = planner
					? notificationRows({
							order: entry.order,
							alert: event.type,
							clockRun: alert.clock,
							event,
							planned: planner.plan(entry.order, event, at),
							at,
						})
					: [];
				pending.push({ alert, event, order: entry.order, notifications });
			}
		}

		let raised = 0;
		if (pending.length > 0) {
			raised = await db.transaction(async (tx) => {
				const inserted = new Set(
					(
						await insertSlaAlerts(
							tx,
							pending.map((p) => p.alert),
						)
					).map(alertKey),
				);
				const toRaise = pending.filter((p) => inserted.has(alertKey(p.alert)));
				await insertNotifications(
					tx,
					toRaise.flatMap((p) => p.notifications),
				);
				await deps.appendEvents(
					tx,
					toRaise.map((p) => outboxEventOf(p, at)),
				);
				return toRaise.length;
			});
		}
		if (refreshes.length > 0) await refreshSlaColumns(db, estateId, refreshes);
		return { openOrders: watched.length, raised, refreshed: refreshes.length };
	}

	return {
		scanEstate,
		/** One pass over every estate, each estate on its own (one estate's failure does not stop the others' alerts). */
		async scanAll(at: Date): Promise<SlaWatchScan> {
			const estateIds = await listEstateIds(db);
			const total = { estates: estateIds.length, openOrders: 0, raised: 0, refreshed: 0 };
			const failures: { estateId: string; error: unknown }[] = [];
			for (const estateId of estateIds) {
				try {
					const scan = await scanEstate(estateId, at);
					total.openOrders += scan.openOrders;
					total.raised += scan.raised;
					total.refreshed += scan.refreshed;
				} catch (error) {
					failures.push({ estateId, error });
				}
			}
			return { ...total, failures };
		},
	};
}

export type SlaWatchService = ReturnType<typeof createSlaWatchService>;
