import { z } from 'zod';
import { Actor } from '../estate/actor';
import { Instant } from '../shared/time';
import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';

/**
 * An alert in the control room raised from the field (告警). An SOS (一键求助) from a guard, cleaner or
 * technician is the first kind; the control room acknowledges it (someone is on it) and resolves it (the
 * person is safe, with what was done). Every step is an event in the alert's history: who, what, when.
 */
export const FieldAlertKind = z.enum(['sos']);
export type FieldAlertKind = z.infer<typeof FieldAlertKind>;

export const FieldAlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type FieldAlertStatus = z.infer<typeof FieldAlertStatus>;

const Note = z.string().trim().min(1).max(500);
const Point = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const Handled = z.object({ at: Instant, by: Actor });

export const FieldAlert = z.object({
	id: z.string().min(1).max(64),
	estateId: z.string().min(1).max(64),
	kind: FieldAlertKind,
	status: FieldAlertStatus,
	/** The person in trouble (the staff member behind the device). */
	personId: z.string().min(1).max(64),
	/** WGS-84 `[lng, lat]` of the latest SOS press. */
	point: Point,
	note: Note.nullable(),
	raisedAt: Instant,
	/** How often the person pressed SOS again while the alert was open. */
	repeats: z.number().int().nonnegative(),
	acknowledged: Handled.nullable(),
	resolved: Handled.extend({ resolution: Note.nullable() }).nullable(),
	/** Bumped by every event; the history numbers its rows by it. */
	version: z.number().int().positive(),
});
export type FieldAlert = z.infer<typeof FieldAlert>;

export type FieldAlertEvent =
	| { readonly type: 'alert.raised'; readonly alert: FieldAlert; readonly actor: Actor; readonly at: Date }
	| { readonly type: 'alert.repeated'; readonly alert: FieldAlert; readonly actor: Actor; readonly at: Date }
	| {
			readonly type: 'alert.acknowledged';
			readonly alert: FieldAlert;
			readonly actor: Actor;
			readonly at: Date;
	  }
	| { readonly type: 'alert.resolved'; readonly alert: FieldAlert; readonly actor: Actor; readonly at: Date };

export type FieldAlertDecision = { readonly alert: FieldAlert; readonly event: FieldAlertEvent };

export type FieldAlertCommand =
	{ readonly type: 'acknowledge' } | { readonly type: 'resolve'; readonly resolution?: string };

export type FieldAlertErrorCode = 'ALERT.ALREADY_ACKNOWLEDGED' | 'ALERT.ALREADY_RESOLVED';

export type RaiseSos = {
	readonly id: string;
	readonly estateId: string;
	readonly personId: string;
	readonly point: readonly [number, number];
	readonly note?: string;
	readonly actor: Actor;
};

/**
 * An SOS press. A person who presses again while their earlier SOS is still open (or acknowledged) does not
 * open a second alert: the open one moves to the new position, counts the repeat and flashes again. Once
 * resolved, a new press is a new alert.
 */
export function raiseSos(open: FieldAlert | null, input: RaiseSos, now: Date): FieldAlertDecision {
	const note = input.note?.trim() ? input.note.trim() : null;
	const point: [number, number] = [input.point[0], input.point[1]];
	if (open && open.status !== 'resolved' && open.personId === input.personId) {
		const alert: FieldAlert = {
			...open,
			point,
			note: note ?? open.note,
			repeats: open.repeats + 1,
			version: open.version + 1,
		};
		return { alert, event: { type: 'alert.repeated', alert, actor: input.actor, at: now } };
	}
	const alert: FieldAlert = {
		id: input.id,
		estateId: input.estateId,
		kind: 'sos',
		status: 'open',
		personId: input.personId,
		point,
		note,
		raisedAt: now,
		repeats: 0,
		acknowledged: null,
		resolved: null,
		version: 1,
	};
	return { alert, event: { type: 'alert.raised', alert, actor: input.actor, at: now } };
}

/**
 * The control room's answer to an alert. Acknowledging says "someone is on it" and happens once; resolving
 * closes it from open or acknowledged (a resolve without an acknowledgement records both at once, so the
 * response time is still known). A resolved alert takes no further command.
 */
export function decideFieldAlert(
	alert: FieldAlert,
	command: FieldAlertCommand,
	actor: Actor,
	now: Date,
): Result<FieldAlertDecision, DomainError<FieldAlertErrorCode>> {
	if (alert.status === 'resolved') {
		return err('ALERT.ALREADY_RESOLVED', 'This alert is already resolved.', {
			details: { status: alert.status },
		});
	}
	switch (command.type) {
		case 'acknowledge': {
			if (alert.status === 'acknowledged') {
				return err('ALERT.ALREADY_ACKNOWLEDGED', 'This alert is already acknowledged.', {
					details: { status: alert.status },
				});
			}
			const next: FieldAlert = {
				...alert,
				status: 'acknowledged',
				acknowledged: { at: now, by: actor },
				version: alert.version + 1,
			};
			return ok({ alert: next, event: { type: 'alert.acknowledged', alert: next, actor, at: now } });
		}
		case 'resolve': {
			const resolution = command.resolution?.trim() ? command.resolution.trim() : null;
			const next: FieldAlert = {
				...alert,
				status: 'resolved',
				acknowledged: alert.acknowledged ?? { at: now, by: actor },
				resolved: { at: now, by: actor, resolution },
				version: alert.version + 1,
			};
			return ok({ alert: next, event: { type: 'alert.resolved', alert: next, actor, at: now } });
		}
	}
}
