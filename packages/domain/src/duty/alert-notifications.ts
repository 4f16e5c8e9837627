import { z } from 'zod';
import type { Department } from '../estate/department';
import type { StaffId } from '../shared/ids';
import type { EscalationLevel } from '../sla/escalation';
import type { WorkingCalendar } from '../sla/working-calendar';
import { isWorkingTime, nextWorkingStart } from '../sla/working-time';
import type { UrgencyClass } from '../work-orders/urgency-class';
import { nextDutyStart, shiftsOnDutyAt } from './duty-periods';
import type { DutyRole, DutyShift } from './duty-shift';

/** Why someone hears of an alert. */
export const NotificationReason = z.enum(['assignee', 'on_duty_lead', 'department_head', 'manager']);
export type NotificationReason = z.infer<typeof NotificationReason>;

/** An SLA alert as the roster needs to see it: how bad, how urgent the order, whose department. */
export type AlertToNotify = {
	/** 1 at risk (80 %), 2 breached, 3 breached long enough to reach the manager. */
	readonly level: Exclude<EscalationLevel, 0>;
	readonly urgency: UrgencyClass;
	readonly department: Department;
	readonly assigneeId: StaffId | null;
};

/** What decides who is reached when. */
export type DutyContext = {
	readonly roster: readonly DutyShift[];
	/** The estate's managers (staff with the `manager` role). */
	readonly managers: readonly StaffId[];
	/** The estate's working calendar: the duty hours of anyone the roster does not list (a manager, say). */
	readonly calendar: WorkingCalendar;
};

/** One person to tell: at once (`deliverAt` = now) or queued until they come on duty. */
export type PlannedNotification = {
	readonly recipientId: StaffId;
	readonly reasons: readonly NotificationReason[];
	readonly deliverAt: Date;
	readonly queued: boolean;
};

type Target = { readonly staffId: StaffId; readonly reason: NotificationReason };

const REASON_ORDER = NotificationReason.options;

const distinct = (ids: readonly StaffId[]): StaffId[] => [...new Set(ids)];

const holdersOf = (roster: readonly DutyShift[], department: Department, role: DutyRole): StaffId[] =>
	distinct(roster.filter((s) => s.department === department && s.role === role).map((s) => s.staffId));

/**
 * When a person can be told: now while on duty, else when their next shift starts. Someone the roster does not
 * list keeps the estate's working hours; someone whose rota has no turn within the search window is told at the
 * next working moment rather than never.
 */
function deliveryFor(staffId: StaffId, context: DutyContext, now: Date): Date {
	const own = context.roster.filter((shift) => shift.staffId === staffId);
	if (own.length > 0) {
		const next = nextDutyStart(own, context.calendar, now);
		if (next) return next;
	}
	return isWorkingTime(context.calendar, now) ? now : nextWorkingStart(context.calendar, now);
}

/**
 * The lead(s) to tell for the department: those on duty now; when none is, for a general or important order the
 * lead(s) whose shift starts soonest (the night is not a reason to wake someone), and for an urgent order nobody
 * here: the caller escalates to the head at once instead.
 */
function leadsFor(alert: AlertToNotify, context: DutyContext, now: Date): StaffId[] {
	const leads = context.roster.filter((s) => s.department === alert.department && s.role === 'lead');
	const onDuty = distinct(shiftsOnDutyAt(leads, context.calendar, now).map((s) => s.staffId));
	if (onDuty.length > 0 || alert.urgency === 'urgent') return onDuty;
	const starts = distinct(leads.map((s) => s.staffId))
		.map((staffId) => ({ staffId, at: deliveryFor(staffId, context, now).getTime() }))
		.sort((a, b) => a.at - b.at);
	const soonest = starts[0]?.at;
	return starts.filter((start) => start.at === soonest).map((start) => start.staffId);
}

/** The department's head(s) by the roster; the managers when it names none. */
function headsFor(alert: AlertToNotify, context: DutyContext): Target[] {
	const heads = holdersOf(context.roster, alert.department, 'head');
	return heads.length > 0
		? heads.map((staffId) => ({ staffId, reason: 'department_head' }))
		: context.managers.map((staffId) => ({ staffId, reason: 'manager' }));
}

function targetsOf(alert: AlertToNotify, context: DutyContext, now: Date): Target[] {
	const leads = leadsFor(alert, context, now).map((staffId): Target => ({ staffId, reason: 'on_duty_lead' }));
	// An urgent order always reaches someone in charge at once: the lead on duty, or when the rota has a gap, the head.
	const urgentLeads = alert.urgency === 'urgent' ? (leads.length > 0 ? leads : headsFor(alert, context)) : [];
	switch (alert.level) {
		case 1:
			return [
				...(alert.assigneeId ? [{ staffId: alert.assigneeId, reason: 'assignee' } as const] : []),
				...(alert.urgency === 'urgent' ? urgentLeads : leads),
			];
		case 2:
			return [...headsFor(alert, context), ...urgentLeads];
		case 3:
			return [...context.managers.map((staffId): Target => ({ staffId, reason: 'manager' })), ...urgentLeads];
	}
}

/**
 * Who hears of an SLA alert, and when (SPEC.md, "Warn before, not after"): at risk → the assignee and the on-duty
 * lead; breached → the department head; breached further → the manager. For general and important orders each
 * person is told inside their duty hours only, otherwise the notification waits for the start of their next shift
 * (the control room sees the alert at once either way); an urgent order reaches everyone at once and always
 * reaches the on-duty lead. One notification per person, with every reason they have.
 */
export function planAlertNotifications(
	alert: AlertToNotify,
	context: DutyContext,
	now: Date,
): PlannedNotification[] {
	const byRecipient = new Map<StaffId, { reasons: Set<NotificationReason>; deliverAt: Date }>();
	for (const target of targetsOf(alert, context, now)) {
		const deliverAt = alert.urgency === 'urgent' ? now : deliveryFor(target.staffId, context, now);
		const entry = byRecipient.get(target.staffId);
		if (entry) {
			entry.reasons.add(target.reason);
			if (deliverAt < entry.deliverAt) entry.deliverAt = deliverAt;
		} else byRecipient.set(target.staffId, { reasons: new Set([target.reason]), deliverAt });
	}
	return [...byRecipient]
		.map(([recipientId, { reasons, deliverAt }]) => ({
			recipientId,
			reasons: REASON_ORDER.filter((reason) => reasons.has(reason)),
			deliverAt,
			queued: deliverAt.getTime() > now.getTime(),
		}))
		.sort((a, b) => a.deliverAt.getTime() - b.deliverAt.getTime());
}
