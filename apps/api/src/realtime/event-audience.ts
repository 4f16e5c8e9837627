import { hasPermission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { positionsRoom } from './position-frames';
import { estateRoom, kioskRoom, userRoom } from './realtime-events';

/**
 * Who may see which outbox events. Staff with `events.read` see the estate's whole stream. A lobby kiosk sees
 * only notices: work-order events carry residents' contacts, and a kiosk stands in a public place. Everyone
 * else (field phones, staff who only see their own tasks) gets only what is sent to them personally.
 */
export const KIOSK_EVENT_PREFIXES = ['notice.'] as const;

export type EventAudience =
	| { readonly kind: 'estate' }
	| { readonly kind: 'prefixes'; readonly prefixes: readonly string[] }
	| { readonly kind: 'personal' };

export function eventAudienceOf(principal: Principal): EventAudience {
	if (principal.kind === 'device' && principal.deviceKind === 'kiosk')
		return { kind: 'prefixes', prefixes: KIOSK_EVENT_PREFIXES };
	if (hasPermission(principal, 'events.read')) return { kind: 'estate' };
	return { kind: 'personal' };
}

/** The Socket.IO rooms a principal's sockets join: chosen from the principal alone, never by the client. */
export function roomsOf(principal: Principal): string[] {
	const audience = eventAudienceOf(principal);
	const rooms: string[] = [];
	if (audience.kind === 'estate') rooms.push(estateRoom(principal.estateId));
	if (audience.kind === 'prefixes') rooms.push(kioskRoom(principal.estateId));
	// Live positions are telemetry, not outbox events: only those who may track people get the frames.
	if (hasPermission(principal, 'positions.read')) rooms.push(positionsRoom(principal.estateId));
	const staffId = principal.kind === 'staff' ? principal.staffId : principal.staffId;
	if (staffId) rooms.push(userRoom(staffId));
	return rooms;
}

/** Whether a lobby kiosk may receive an event of this type. */
export const isKioskEvent = (type: string): boolean =>
	KIOSK_EVENT_PREFIXES.some((prefix) => type.startsWith(prefix));

const stringAt = (value: unknown, ...path: string[]): string | null => {
	let current: unknown = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return null;
		current = (current as Record<string, unknown>)[key];
	}
	return typeof current === 'string' && current !== '' ? current : null;
};

/**
 * The staff an outbox event concerns personally, who get it in their own room even without the estate's
 * stream: a technician the order was assigned to (or taken from), the guard whose SOS was answered.
 */
export function personsNamedBy(event: { readonly type: string; readonly payload: unknown }): string[] {
	const named = event.type.startsWith('workOrder.')
		? [stringAt(event.payload, 'assigneeId'), stringAt(event.payload, 'previousAssigneeId')]
		: event.type.startsWith('alert.')
			? [stringAt(event.payload, 'alert', 'personId')]
			: [];
	return [...new Set(named.filter((id): id is string => id !== null))];
}
