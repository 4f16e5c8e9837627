import { z } from 'zod';
import type { WireEvent } from '$lib/api/events';
import { FieldAlertView } from './alerts-api';

/** The alerts not resolved yet, by id. */
export type OpenAlerts = ReadonlyMap<string, FieldAlertView>;

const AlertEventPayload = z.object({ alert: FieldAlertView });

/** What an `alert.*` event did: the open alerts after it, and the alert that must flash and sound now. */
export type AlertOutcome = { readonly open: OpenAlerts; readonly raised?: FieldAlertView };

export const isAlertEvent = (event: Pick<WireEvent, 'type'>): boolean => event.type.startsWith('alert.');

/**
 * Folds an `alert.raised` / `.repeated` / `.acknowledged` / `.resolved` event into the open alerts. The payload
 * carries the alert as it now is; an event older than the alert held (a catch-up overlapping a reload) changes
 * nothing. A press (raised or repeated) is what the control room must hear.
 */
export function applyAlertEvent(open: OpenAlerts, event: WireEvent): AlertOutcome {
	if (!isAlertEvent(event)) return { open };
	const parsed = AlertEventPayload.safeParse(event.payload);
	if (!parsed.success) return { open };
	const alert = parsed.data.alert;
	const held = open.get(alert.id);
	if (held && held.version >= alert.version) return { open };
	const next = new Map(open);
	if (alert.status === 'resolved') next.delete(alert.id);
	else next.set(alert.id, alert);
	const pressed = event.type === 'alert.raised' || event.type === 'alert.repeated';
	return pressed && alert.status !== 'resolved' ? { open: next, raised: alert } : { open: next };
}

/** Open alerts newest first: the order the feed lists them in. */
export const newestFirst = (a: FieldAlertView, b: FieldAlertView): number =>
	b.raisedAt.getTime() - a.raisedAt.getTime();

/** The people with an SOS not resolved yet, and where they last pressed it. */
export function sosByPerson(open: OpenAlerts): Map<string, FieldAlertView> {
	const byPerson = new Map<string, FieldAlertView>();
	for (const alert of [...open.values()].sort(newestFirst))
		if (alert.kind === 'sos' && !byPerson.has(alert.personId)) byPerson.set(alert.personId, alert);
	return byPerson;
}
