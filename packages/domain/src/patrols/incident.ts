import { z } from 'zod';
import { Instant } from '../shared/time';
import { EstateId, StaffId } from '../shared/ids';
import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { EMERGENCY_PLANS, IncidentKind, NotifiedParty } from './emergency-plan';
import { LngLat } from './geo';

export const IncidentId = z.string().min(1).max(64).brand<'IncidentId'>();
export type IncidentId = z.infer<typeof IncidentId>;

const Note = z.string().trim().min(1).max(2000);

export const ChecklistItem = z.object({
	key: z.string(),
	label: z.object({ 'zh-Hans': z.string(), en: z.string() }),
	notifies: NotifiedParty.optional(),
	/** `not_applicable` lets a plan step be passed over on purpose, with the reason in `note`. */
	completion: z
		.object({
			outcome: z.enum(['done', 'not_applicable']),
			at: Instant,
			by: StaffId,
			note: Note.optional(),
		})
		.nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** Who was told, when, and by whom (110 called at 10:03 by the shift lead). */
export const IncidentNotification = z.object({
	party: NotifiedParty,
	at: Instant,
	by: StaffId,
	note: Note.optional(),
});
export type IncidentNotification = z.infer<typeof IncidentNotification>;

/** Post-incident review (事后总结): cause, measures taken against a repeat, and the result. */
export const IncidentReview = z.object({
	cause: Note,
	measures: Note,
	result: Note,
	reviewedBy: StaffId,
	reviewedAt: Instant,
});
export type IncidentReview = z.infer<typeof IncidentReview>;

const IncidentLocation = z
	.object({ point: LngLat.optional(), description: z.string().trim().min(1).max(200).optional() })
	.refine((location) => location.point !== undefined || location.description !== undefined, {
		message: 'say where: a point on the map or a description',
	});

const IncidentBase = z.object({
	id: IncidentId,
	estateId: EstateId,
	kind: IncidentKind,
	description: Note,
	location: IncidentLocation,
	occurredAt: Instant,
	reportedAt: Instant,
	reportedBy: StaffId,
	checklist: z.array(ChecklistItem),
	notifications: z.array(IncidentNotification),
});
const Responded = { respondedAt: Instant, responderId: StaffId };
const Contained = { ...Responded, containedAt: Instant, containedBy: StaffId };
const Closed = { ...Contained, closedAt: Instant, closedBy: StaffId, summary: Note };

/**
 * Incident (突发事件): reported → responding → contained → closed → reviewed. Each status carries the
 * facts that reaching it established, so a reviewed incident always has its response and closing times.
 */
export const Incident = z.discriminatedUnion('status', [
	IncidentBase.extend({ status: z.literal('reported') }),
	IncidentBase.extend({ status: z.literal('responding'), ...Responded }),
	IncidentBase.extend({ status: z.literal('contained'), ...Contained }),
	IncidentBase.extend({ status: z.literal('closed'), ...Closed }),
	IncidentBase.extend({ status: z.literal('reviewed'), ...Closed, review: IncidentReview }),
]);
export type Incident = z.infer<typeof Incident>;
export type IncidentStatus = Incident['status'];

export const ReportIncident = z.object({
	estateId: EstateId,
	kind: IncidentKind,
	description: Note,
	location: IncidentLocation,
	reportedBy: StaffId,
	/** When it happened, if earlier than the report. */
	occurredAt: Instant.optional(),
});
export type ReportIncident = z.infer<typeof ReportIncident>;

export const IncidentCommand = z.discriminatedUnion('type', [
	z.object({ type: z.literal('respond'), by: StaffId }),
	z.object({
		type: z.literal('completeStep'),
		by: StaffId,
		stepKey: z.string(),
		outcome: z.enum(['done', 'not_applicable']),
		note: Note.optional(),
	}),
	z.object({
		type: z.literal('recordNotification'),
		by: StaffId,
		party: NotifiedParty,
		/** When the call was made, if it is recorded afterwards. */
		at: Instant.optional(),
		note: Note.optional(),
	}),
	z.object({ type: z.literal('contain'), by: StaffId }),
	z.object({ type: z.literal('close'), by: StaffId, summary: Note }),
	z.object({ type: z.literal('review'), by: StaffId, cause: Note, measures: Note, result: Note }),
]);
export type IncidentCommand = z.infer<typeof IncidentCommand>;

export type IncidentEvent = {
	readonly type:
		| 'incident.reported'
		| 'incident.responding'
		| 'incident.stepCompleted'
		| 'incident.partyNotified'
		| 'incident.contained'
		| 'incident.closed'
		| 'incident.reviewed';
	readonly incidentId: IncidentId;
	readonly estateId: Incident['estateId'];
	readonly status: IncidentStatus;
	readonly at: Date;
	readonly by: StaffId;
};

export type IncidentDecision = { readonly incident: Incident; readonly event: IncidentEvent };

export type IncidentErrorCode =
	| 'INCIDENT.IN_FUTURE'
	| 'INCIDENT.INVALID_TRANSITION'
	| 'INCIDENT.CLOSED'
	| 'INCIDENT.UNKNOWN_STEP'
	| 'INCIDENT.STEP_ALREADY_DONE'
	| 'INCIDENT.CHECKLIST_INCOMPLETE';

type IncidentResult<T> = Result<T, DomainError<IncidentErrorCode>>;

const decision = (
	incident: Incident,
	type: IncidentEvent['type'],
	at: Date,
	by: StaffId,
): IncidentDecision => ({
	incident,
	event: { type, incidentId: incident.id, estateId: incident.estateId, status: incident.status, at, by },
});

/** Files a new incident with its kind's emergency plan copied in as an open checklist. */
export function reportIncident(
	command: ReportIncident,
	context: { id: IncidentId; now: Date },
): IncidentResult<IncidentDecision> {
	const occurredAt = command.occurredAt ?? context.now;
	if (occurredAt > context.now) {
		return err('INCIDENT.IN_FUTURE', 'an incident cannot have happened after it was reported', {
			path: ['occurredAt'],
		});
	}
	const incident: Incident = {
		status: 'reported',
		id: context.id,
		estateId: command.estateId,
		kind: command.kind,
		description: command.description,
		location: command.location,
		occurredAt,
		reportedAt: context.now,
		reportedBy: command.reportedBy,
		checklist: EMERGENCY_PLANS[command.kind].map((planStep) => ({ ...planStep, completion: null })),
		notifications: [],
	};
	return ok(decision(incident, 'incident.reported', context.now, command.reportedBy));
}

const invalidTransition = (incident: Incident, command: IncidentCommand) =>
	err('INCIDENT.INVALID_TRANSITION', `cannot ${command.type} an incident that is ${incident.status}`, {
		details: { status: incident.status, command: command.type },
	});

/** Applies one command to an incident, or says why it cannot. */
export function decideIncident(
	incident: Incident,
	command: IncidentCommand,
	now: Date,
): IncidentResult<IncidentDecision> {
	switch (command.type) {
		case 'respond':
			if (incident.status !== 'reported') return invalidTransition(incident, command);
			return ok(
				decision(
					{ ...incident, status: 'responding', respondedAt: now, responderId: command.by },
					'incident.responding',
					now,
					command.by,
				),
			);
		case 'contain':
			if (incident.status !== 'responding') return invalidTransition(incident, command);
			return ok(
				decision(
					{ ...incident, status: 'contained', containedAt: now, containedBy: command.by },
					'incident.contained',
					now,
					command.by,
				),
			);
		case 'close': {
			if (incident.status !== 'contained') return invalidTransition(incident, command);
			const open = incident.checklist.filter((item) => item.completion === null).map((item) => item.key);
			if (open.length > 0) {
				return err('INCIDENT.CHECKLIST_INCOMPLETE', 'every plan step must be done or marked not applicable', {
					details: { open },
				});
			}
			return ok(
				decision(
					{ ...incident, status: 'closed', closedAt: now, closedBy: command.by, summary: command.summary },
					'incident.closed',
					now,
					command.by,
				),
			);
		}
		case 'review': {
			if (incident.status !== 'closed') return invalidTransition(incident, command);
			const review: IncidentReview = {
				cause: command.cause,
				measures: command.measures,
				result: command.result,
				reviewedBy: command.by,
				reviewedAt: now,
			};
			return ok(decision({ ...incident, status: 'reviewed', review }, 'incident.reviewed', now, command.by));
		}
		case 'completeStep':
			return completeStep(incident, command, now);
		case 'recordNotification':
			return recordNotification(incident, command, now);
	}
}

function whileOpen(incident: Incident): IncidentResult<Incident> {
	switch (incident.status) {
		case 'reported':
		case 'responding':
		case 'contained':
			return ok(incident);
		case 'closed':
		case 'reviewed':
			return err('INCIDENT.CLOSED', 'a closed incident is no longer worked on; add findings to its review');
	}
}

function completeStep(
	incident: Incident,
	command: Extract<IncidentCommand, { type: 'completeStep' }>,
	now: Date,
): IncidentResult<IncidentDecision> {
	const open = whileOpen(incident);
	if (!open.ok) return open;
	const item = incident.checklist.find((candidate) => candidate.key === command.stepKey);
	if (!item) {
		return err('INCIDENT.UNKNOWN_STEP', `the ${incident.kind} plan has no step ${command.stepKey}`, {
			path: ['stepKey'],
		});
	}
	if (item.completion) {
		return err(
			'INCIDENT.STEP_ALREADY_DONE',
			`step ${command.stepKey} is already ${item.completion.outcome}`,
			{
				path: ['stepKey'],
			},
		);
	}
	const completion = {
		outcome: command.outcome,
		at: now,
		by: command.by,
		...(command.note === undefined ? {} : { note: command.note }),
	};
	const checklist = incident.checklist.map((candidate) =>
		candidate.key === command.stepKey ? { ...candidate, completion } : candidate,
	);
	return ok(decision({ ...incident, checklist }, 'incident.stepCompleted', now, command.by));
}

function recordNotification(
	incident: Incident,
	command: Extract<IncidentCommand, { type: 'recordNotification' }>,
	now: Date,
): IncidentResult<IncidentDecision> {
	const open = whileOpen(incident);
	if (!open.ok) return open;
	const at = command.at ?? now;
	if (at > now)
		return err('INCIDENT.IN_FUTURE', 'a notification cannot be recorded ahead of time', { path: ['at'] });
	const notification: IncidentNotification = {
		party: command.party,
		at,
		by: command.by,
		...(command.note === undefined ? {} : { note: command.note }),
	};
	const notifications = [...incident.notifications, notification].sort(
		(a, b) => a.at.getTime() - b.at.getTime(),
	);
	return ok(decision({ ...incident, notifications }, 'incident.partyNotified', now, command.by));
}
