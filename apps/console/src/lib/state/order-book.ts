import { apply, WorkOrderEvent } from '@estate-ops/domain/work-orders';
import type { UrgencyClass, WorkOrder } from '@estate-ops/domain/work-orders';
import type { WireEvent } from '$lib/api/events';
import type { SlaState, WorkOrderSummary } from '$lib/api/work-orders';

/** An open order as the live estate holds it: the order, and the api's word on its deadline. */
export type LiveOrder = WorkOrderSummary;

/** Something the control room must notice now: a new urgent order, a deadline at risk, one missed. */
export type Alert = {
	readonly id: string;
	readonly kind: 'urgent_order' | 'sla_at_risk' | 'sla_breached';
	readonly workOrderId: string;
	readonly code: string;
	readonly urgency: UrgencyClass;
	readonly at: Date;
	/**
	 * Who the duty roster sends an SLA alert to: at once, or queued for the start of their shift. The control room
	 * sees every alert at once either way, and the queued ones say when they will reach whom.
	 */
	readonly notifications?: readonly AlertNotification[];
};

export type AlertNotification = {
	readonly recipientId: string;
	readonly deliverAt: Date;
	readonly queued: boolean;
};

/** What one event does to the book: the order to put (or drop), whether to ask the api, an alert. */
export type Outcome = {
	readonly put?: LiveOrder;
	readonly drop?: string;
	/** The order must be read from the api: the event did not fit, or only the api knows the new deadline. */
	readonly refetch?: string;
	readonly alert?: Alert;
};

const CLOSED: readonly WorkOrder['status'][] = ['closed', 'cancelled'];

const slaLevelState = (level: unknown): SlaState | null =>
	level === 1 ? 'at_risk' : level === 2 || level === 3 ? 'breached' : null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/**
 * Folds one wire event into the live book with the domain's own reducer, so the screen and the database
 * read an event the same way. An event that does not fit (an order we never loaded, or one whose state the
 * reducer refuses) is not guessed at: the order is read again from the api.
 */
export function applyWireEvent(book: ReadonlyMap<string, LiveOrder>, event: WireEvent): Outcome {
	if (event.type.startsWith('sla.')) return slaOutcome(book, event);
	if (!event.type.startsWith('workOrder.')) return {};
	const parsed = WorkOrderEvent.safeParse(event.payload);
	if (!parsed.success) return { refetch: event.aggregateId };
	const domainEvent = parsed.data;
	const current = book.get(domainEvent.workOrderId);
	if (domainEvent.type !== 'workOrder.submitted' && !current) return { refetch: domainEvent.workOrderId };
	let order: WorkOrder;
	try {
		order = apply(current?.order ?? null, domainEvent);
	} catch {
		return { refetch: domainEvent.workOrderId };
	}
	const alert = urgentAlert(current?.order ?? null, order, event);
	if (CLOSED.includes(order.status)) return { drop: order.id, ...(alert ? { alert } : {}) };
	return {
		put: { order, nextDueAt: current?.nextDueAt ?? null, slaState: current?.slaState ?? null },
		// The deadline moves with every step; the api's SLA engine, with the estate's calendar, says where to.
		refetch: order.id,
		...(alert ? { alert } : {}),
	};
}

function urgentAlert(before: WorkOrder | null, after: WorkOrder, event: WireEvent): Alert | undefined {
	if (after.urgency !== 'urgent' || before?.urgency === 'urgent') return undefined;
	return {
		id: `${event.seq}`,
		kind: 'urgent_order',
		workOrderId: after.id,
		code: after.code,
		urgency: after.urgency,
		at: new Date(event.at),
	};
}

function slaOutcome(book: ReadonlyMap<string, LiveOrder>, event: WireEvent): Outcome {
	const payload = isRecord(event.payload) ? event.payload : {};
	const state = slaLevelState(payload['level']);
	if (state === null) return {};
	const workOrderId = typeof payload['workOrderId'] === 'string' ? payload['workOrderId'] : event.aggregateId;
	const current = book.get(workOrderId);
	const urgency = (current?.order.urgency ?? payload['urgency'] ?? 'general') as UrgencyClass;
	const alert: Alert = {
		id: `${event.seq}`,
		kind: state === 'at_risk' ? 'sla_at_risk' : 'sla_breached',
		workOrderId,
		code: typeof payload['code'] === 'string' ? payload['code'] : (current?.order.code ?? ''),
		urgency,
		at: new Date(event.at),
		notifications: notificationsOf(payload['notifications']),
	};
	if (!current) return { alert };
	const worse = current.slaState === 'breached' && state === 'at_risk' ? current.slaState : state;
	return { put: { ...current, slaState: worse }, alert };
}

/** The notifications an SLA alert's payload lists; anything unreadable is left out rather than guessed at. */
function notificationsOf(value: unknown): AlertNotification[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((entry: unknown) => {
		if (
			!isRecord(entry) ||
			typeof entry['recipientId'] !== 'string' ||
			typeof entry['deliverAt'] !== 'string'
		)
			return [];
		const deliverAt = new Date(entry['deliverAt']);
		if (Number.isNaN(deliverAt.getTime())) return [];
		return [{ recipientId: entry['recipientId'], deliverAt, queued: entry['queued'] === true }];
	});
}

/**
 * The SLA state to show at `now`: the api's, except that a deadline already passed is breached even before
 * the api's watch has said so.
 */
export function shownSlaState(entry: LiveOrder, now: Date): SlaState | null {
	if (entry.slaState === 'paused') return 'paused';
	if (entry.nextDueAt && entry.nextDueAt.getTime() <= now.getTime()) return 'breached';
	return entry.slaState;
}

/** Orders by their next deadline (soonest, or most overdue, first); those without one last. */
export function byDeadline(a: LiveOrder, b: LiveOrder): number {
	const ta = a.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
	const tb = b.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
	return ta - tb || a.order.submittedAt.getTime() - b.order.submittedAt.getTime();
}
