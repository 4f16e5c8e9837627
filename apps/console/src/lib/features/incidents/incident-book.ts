import type { WireEvent } from '$lib/api/events';
import { IncidentRecord } from './incidents-api';
import type { IncidentStatus } from './incidents-api';

export const isIncidentEvent = (event: Pick<WireEvent, 'type'>): boolean => event.type.startsWith('incident.');

/** The incident an `incident.*` event carries, as it now is; null when the payload is not one. */
export function recordOfEvent(event: WireEvent): IncidentRecord | null {
	if (!isIncidentEvent(event)) return null;
	const parsed = IncidentRecord.safeParse(event.payload);
	return parsed.success ? parsed.data : null;
}

/**
 * Folds an incident event into the list on screen: a newer version replaces the one held, a new incident
 * goes on top when it passes the list's status filter, and one that no longer passes it leaves. An event
 * older than what is held (a catch-up overlapping a read) changes nothing.
 */
export function applyIncidentEvent(
	list: readonly IncidentRecord[],
	event: WireEvent,
	shows: (status: IncidentStatus) => boolean,
): readonly IncidentRecord[] {
	const record = recordOfEvent(event);
	if (!record) return list;
	const index = list.findIndex((held) => held.incident.id === record.incident.id);
	const held = list[index];
	if (held && held.version >= record.version) return list;
	const passes = shows(record.incident.status);
	if (!held) return passes ? [record, ...list] : list;
	return passes ? list.map((entry, at) => (at === index ? record : entry)) : list.filter((_, at) => at !== index);
}

/** The next step of an incident's lifecycle a desk can take, if any: respond, contain, close, review. */
export type NextStep = 'respond' | 'contain' | 'close' | 'review';

export function nextStepOf(status: IncidentStatus): NextStep | null {
	switch (status) {
		case 'reported':
			return 'respond';
		case 'responding':
			return 'contain';
		case 'contained':
			return 'close';
		case 'closed':
			return 'review';
		case 'reviewed':
			return null;
	}
}

/** Steps are ticked and parties notified only while the incident is still worked on. */
export const isOpen = (status: IncidentStatus): boolean =>
	status === 'reported' || status === 'responding' || status === 'contained';

/** How far the emergency checklist is: ticked (done or not applicable) of all. */
export function checklistProgress(checklist: readonly { readonly completion: unknown }[]): {
	readonly done: number;
	readonly total: number;
} {
	return { done: checklist.filter((item) => item.completion !== null).length, total: checklist.length };
}

/** The list's order of urgency for the desk: the still-open first (newest first), then the rest. */
export const STATUS_ATTENTION: Readonly<Record<IncidentStatus, number>> = {
	reported: 0,
	responding: 1,
	contained: 2,
	closed: 3,
	reviewed: 4,
};

export const byAttention = (a: IncidentRecord, b: IncidentRecord): number =>
	STATUS_ATTENTION[a.incident.status] - STATUS_ATTENTION[b.incident.status] ||
	b.incident.reportedAt.getTime() - a.incident.reportedAt.getTime();
