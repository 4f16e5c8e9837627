import type { SlaClock, SlaClockStatus, SlaRules, SlaTimeline, WorkingCalendar } from '../sla/index';
import { computeClocks, nextDeadline, slaState } from '../sla/index';
import type { WorkOrder } from './work-order';
import type { WorkOrderKind } from './work-order-kind';

/**
 * Kinds that never need anyone on site: a suggestion or an inquiry is answered, not visited, so the on-site
 * clock does not apply to them.
 */
const WITHOUT_SITE_VISIT: ReadonlySet<WorkOrderKind> = new Set(['suggestion', 'inquiry']);

const present = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/**
 * The timestamps of an order that its SLA clocks read. A reopened order (返工) is measured as a new pass that
 * starts, already accepted, at its latest reopening: the earlier pass was judged when it was resolved, and
 * measuring dispatch or arrival from the first submission would count every rework as a miss.
 */
export function slaTimelineOf(order: WorkOrder): SlaTimeline {
	const reopenedAt = order.reworks.at(-1)?.reopenedAt;
	if (reopenedAt) {
		return {
			urgency: order.urgency,
			submittedAt: reopenedAt,
			acceptedAt: reopenedAt,
			...optional('assignedAt', present(order.assignedAt)),
			...optional('contactedAt', present(order.contactedAt)),
			...optional('arrivedAt', present(order.arrivedAt)),
			...optional('resolvedAt', present(order.resolvedAt)),
			...optional('feedbackAt', present(order.feedbackAt)),
			pauses: order.pauses
				.filter((pause) => (pause.to ?? reopenedAt) >= reopenedAt)
				.map((pause) => ({ from: pause.from, to: pause.to })),
		};
	}
	return {
		urgency: order.urgency,
		channel: order.channel,
		...optional('reportedAt', present(order.reportedAt)),
		submittedAt: order.submittedAt,
		...optional('acceptedAt', present(order.acceptedAt)),
		...optional('assignedAt', present(order.assignedAt)),
		...optional('contactedAt', present(order.contactedAt)),
		...optional('arrivedAt', present(order.arrivedAt)),
		...optional('resolvedAt', present(order.resolvedAt)),
		...optional('feedbackAt', present(order.feedbackAt)),
		pauses: order.pauses.map((pause) => ({ from: pause.from, to: pause.to })),
	};
}

function optional<K extends string>(key: K, value: Date | undefined): Partial<Record<K, Date>> {
	return value === undefined ? {} : ({ [key]: value } as Record<K, Date>);
}

export type WorkOrderSla = {
	readonly clocks: readonly SlaClockStatus[];
	/** The running clock due soonest, or null when none runs (closed, cancelled, or every clock met). */
	readonly next: { readonly clock: SlaClock; readonly dueAt: Date } | null;
	readonly state: SlaClockStatus['state'];
};

/**
 * Every SLA clock of an order as of `now` (acceptance, dispatch, contact, on site, solution, feedback …),
 * each separately visible, plus the next deadline and the overall state. A cancelled order has no clocks.
 */
export function workOrderSla(
	order: WorkOrder,
	rules: SlaRules,
	calendar: WorkingCalendar,
	now: Date,
): WorkOrderSla {
	if (order.status === 'cancelled') return { clocks: [], next: null, state: 'pending' };
	const clocks = computeClocks(slaTimelineOf(order), rules, calendar, now).filter(
		(clock) => clock.clock !== 'on_site' || !WITHOUT_SITE_VISIT.has(order.kind),
	);
	const next = nextDeadline(clocks);
	return { clocks, next: next ? { clock: next.clock, dueAt: next.dueAt } : null, state: slaState(clocks) };
}
