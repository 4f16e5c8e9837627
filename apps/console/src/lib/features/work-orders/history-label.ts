import type { HistoryEntry } from '$lib/api/work-orders';
import { m } from '$lib/paraglide/messages';
import type { EstateDirectory } from '$lib/state/estate-directory.svelte';
import type { ActionKind } from './available-actions';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** Who did a step: a staff member by name, or the resident, kiosk or system. */
export function actorLabel(actor: unknown, directory: EstateDirectory): string {
	if (!isRecord(actor)) return m.someone();
	switch (actor['kind']) {
		case 'staff':
		case 'field':
			return (
				directory.staffName(typeof actor['staffId'] === 'string' ? actor['staffId'] : null) ?? m.someone()
			);
		case 'resident':
			return m.actor_resident();
		case 'kiosk':
			return m.actor_kiosk();
		default:
			return m.actor_system();
	}
}

/** What a history row did, in words ("派单给 李师傅"). */
export function historyLabel(entry: HistoryEntry, directory: EstateDirectory): string {
	const event = isRecord(entry.event) ? entry.event : {};
	const name =
		directory.staffName(typeof event['assigneeId'] === 'string' ? event['assigneeId'] : null) ?? m.someone();
	switch (entry.type) {
		case 'workOrder.submitted':
			return m.ev_submitted();
		case 'workOrder.accepted':
			return m.ev_accepted();
		case 'workOrder.assigned':
			return m.ev_assigned({ name });
		case 'workOrder.reassigned':
			return m.ev_reassigned({ name });
		case 'workOrder.contactRecorded':
			return m.ev_contactRecorded();
		case 'workOrder.arrived':
			return m.ev_arrived();
		case 'workOrder.paused':
			return m.ev_paused();
		case 'workOrder.resumed':
			return m.ev_resumed();
		case 'workOrder.resolved':
			return m.ev_resolved();
		case 'workOrder.feedbackRecorded':
			return m.ev_feedbackRecorded();
		case 'workOrder.reopened':
			return m.ev_reopened();
		case 'workOrder.closed':
			return m.ev_closed();
		case 'workOrder.cancelled':
			return m.ev_cancelled();
		case 'workOrder.urgencyOverridden':
			return m.ev_urgencyOverridden();
		case 'workOrder.attachmentAdded':
			return m.ev_attachmentAdded();
		default:
			return m.ev_other();
	}
}

/** The words of a history row worth showing under it: a reason, a note, a result. */
export function historyDetail(entry: HistoryEntry): string | null {
	const event = isRecord(entry.event) ? entry.event : {};
	for (const key of ['reason', 'note']) {
		const value = event[key];
		if (typeof value === 'string' && value.trim()) return value;
	}
	const record = event['workRecord'];
	if (isRecord(record) && typeof record['result'] === 'string') return record['result'];
	const feedback = event['feedback'];
	if (isRecord(feedback) && typeof feedback['comment'] === 'string') return feedback['comment'];
	return null;
}

export const ACTION_LABEL: Record<ActionKind, () => string> = {
	accept: m.action_accept,
	assign: m.action_assign,
	reassign: m.action_reassign,
	contact: m.action_contact,
	arrive: m.action_arrive,
	pause: m.action_pause,
	resume: m.action_resume,
	resolve: m.action_resolve,
	feedback: m.action_feedback,
	close: m.action_close,
	reopen: m.action_reopen,
	cancel: m.action_cancel,
};
