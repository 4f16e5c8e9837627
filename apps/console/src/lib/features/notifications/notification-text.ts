import type { Notification } from '$lib/api/notifications';
import { m } from '$lib/paraglide/messages';
import { clockLabel } from '$lib/features/work-orders/labels';

const REASON: Record<string, () => string> = {
	assignee: m.reason_assignee,
	on_duty_lead: m.reason_on_duty_lead,
	department_head: m.reason_department_head,
	manager: m.reason_manager,
};

/** What a notification says ("R7KQ2MX：处理时限已超时"). */
export function notificationTitle(notification: Notification): string {
	const code = notification.code ?? '—';
	const clock = notification.clock ? clockLabel(notification.clock) : '';
	switch (notification.alert) {
		case 'sla.atRisk':
			return m.notice_sla_at_risk({ code, clock });
		case 'sla.escalated':
			return m.notice_sla_escalated({ code, clock });
		default:
			return m.notice_sla_breached({ code, clock });
	}
}

/** Why it reached me ("您是部门负责人"). */
export const notificationReasons = (notification: Notification): string =>
	notification.reasons.map((reason) => REASON[reason]?.() ?? reason).join(', ');
