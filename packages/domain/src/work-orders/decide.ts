import type { Actor, ActorKind } from '../estate/actor';
import { staffIdOf } from '../estate/actor';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { apply } from './apply';
import { classifyUrgency } from './classify-urgency';
import type { Attachment, WorkOrder } from './work-order';
import { isPaused } from './work-order';
import type {
	NewAttachment,
	SubmitWorkOrder,
	WorkOrderCommand,
	WorkOrderCommandType,
} from './work-order-command';
import type { WorkOrderError, WorkOrderErrorCode } from './work-order-error';
import type { WorkOrderEvent } from './work-order-event';
import { CATEGORIES_NEEDING_AREA, isCategoryOf } from './work-order-kind';
import type { WorkOrderStatus } from './work-order-status';
import { OPEN_STATUSES } from './work-order-status';

export type DecideContext = { readonly now: Date; readonly actor: Actor };
export type WorkOrderDecision = { readonly state: WorkOrder; readonly events: readonly WorkOrderEvent[] };

const STAFF: readonly ActorKind[] = ['staff', 'field'];
const STAFF_OR_RESIDENT: readonly ActorKind[] = ['staff', 'field', 'resident', 'kiosk'];
const WORKING: readonly WorkOrderStatus[] = ['accepted', 'assigned', 'on_site'];

type Rule = {
	/** Statuses the command is allowed in. */
	readonly from: readonly WorkOrderStatus[];
	/** The status it moves the order to; null when it leaves the status as it is. */
	readonly to: WorkOrderStatus | null;
	readonly actors: readonly ActorKind[];
	/**
	 * Whether it is accepted while the order is paused. A paused order waits: it cannot move on until
	 * resumed, but it can still be handed to someone else, cancelled before assignment, re-classified
	 * and given photos or notes.
	 */
	readonly whilePaused: boolean;
};

/**
 * Who may do what, from where. Anyone may submit: residents and kiosks, staff on any channel, and the
 * system (rectification orders from failed spot-checks). Recording contact, arrival and the result is
 * not limited to the assignee: the control room records them for a technician who phoned in.
 */
const RULES: Readonly<Record<Exclude<WorkOrderCommandType, 'submit'>, Rule>> = {
	accept: { from: ['submitted'], to: 'accepted', actors: STAFF, whilePaused: false },
	assign: { from: ['accepted'], to: 'assigned', actors: STAFF, whilePaused: false },
	reassign: { from: ['assigned', 'on_site'], to: null, actors: STAFF, whilePaused: true },
	recordContact: { from: ['assigned'], to: null, actors: STAFF, whilePaused: false },
	arrive: { from: ['assigned'], to: 'on_site', actors: STAFF, whilePaused: false },
	pause: { from: WORKING, to: null, actors: STAFF, whilePaused: false },
	resume: { from: OPEN_STATUSES, to: null, actors: STAFF, whilePaused: true },
	resolve: { from: ['on_site'], to: 'resolved', actors: STAFF, whilePaused: false },
	recordFeedback: { from: ['resolved'], to: 'feedback', actors: STAFF_OR_RESIDENT, whilePaused: false },
	reopen: {
		from: ['resolved', 'feedback', 'closed'],
		to: 'assigned',
		actors: STAFF_OR_RESIDENT,
		whilePaused: false,
	},
	close: { from: ['feedback'], to: 'closed', actors: STAFF, whilePaused: false },
	cancel: { from: ['submitted', 'accepted'], to: 'cancelled', actors: STAFF_OR_RESIDENT, whilePaused: true },
	overrideUrgency: { from: OPEN_STATUSES, to: null, actors: STAFF, whilePaused: true },
	addAttachment: { from: OPEN_STATUSES, to: null, actors: STAFF_OR_RESIDENT, whilePaused: true },
};

type Rejection = { readonly ok: false; readonly error: WorkOrderError };

const reject = (code: WorkOrderErrorCode, message: string, details?: Record<string, unknown>): Rejection =>
	err(code, message, details === undefined ? {} : { details });

/**
 * Decides a command against a work order (null before it exists): the events it causes, and the order
 * those events make. The returned state is always the fold of the events with `apply`, so the server and
 * the browsers, which only see the events, end up with the same order.
 */
export function decide(
	state: WorkOrder | null,
	command: WorkOrderCommand,
	context: DecideContext,
): Result<WorkOrderDecision, WorkOrderError> {
	const decided = eventsFor(state, command, context);
	if (!decided.ok) return decided;
	const events = decided.value;
	const next = events.reduce<WorkOrder | null>(apply, state);
	if (next === null || events.length === 0) throw new Error(`${command.type} was accepted without an event`);
	return ok({ state: next, events });
}

type Events = Result<WorkOrderEvent[], WorkOrderError>;

function eventsFor(state: WorkOrder | null, command: WorkOrderCommand, context: DecideContext): Events {
	if (command.type === 'submit') {
		if (state !== null)
			return reject('WORK_ORDER.ALREADY_SUBMITTED', `Work order ${state.id} already exists.`);
		return submit(command, context);
	}
	if (state === null) return reject('WORK_ORDER.NOT_FOUND', 'There is no such work order.');
	const { actor } = context;
	const rule = RULES[command.type];
	if (!rule.actors.includes(actor.kind)) {
		return reject('WORK_ORDER.ACTOR_NOT_ALLOWED', `A ${actor.kind} cannot ${command.type} a work order.`, {
			command: command.type,
			actor: actor.kind,
		});
	}
	if (actor.kind === 'resident' && state.residentId !== actor.residentId) {
		return reject('WORK_ORDER.NOT_OWN_ORDER', 'This request belongs to another household.');
	}
	if (!rule.from.includes(state.status)) {
		return reject(
			'WORK_ORDER.INVALID_TRANSITION',
			`Cannot ${command.type} a work order that is ${state.status}.`,
			{
				command: command.type,
				from: state.status,
				to: rule.to,
			},
		);
	}
	const paused = isPaused(state);
	if (paused && command.type === 'pause')
		return reject('WORK_ORDER.ALREADY_PAUSED', 'The work order is already paused.');
	if (paused && !rule.whilePaused) {
		return reject('WORK_ORDER.PAUSED', `Resume the work order before you ${command.type} it.`, {
			command: command.type,
		});
	}
	return decideOnOpen(state, command, context);
}

function decideOnOpen(
	state: WorkOrder,
	command: Exclude<WorkOrderCommand, SubmitWorkOrder>,
	context: DecideContext,
): Events {
	const { now: at, actor } = context;
	const workOrderId = state.id;
	const base = { workOrderId, at, actor };
	switch (command.type) {
		case 'accept':
			return ok([
				{
					type: 'workOrder.accepted',
					...base,
					responsibleStaffId: state.responsibleStaffId ?? requireStaff(actor),
				},
			]);
		case 'assign':
			return ok([{ type: 'workOrder.assigned', ...base, assigneeId: command.assigneeId }]);
		case 'reassign': {
			const reason = requiredReason(command.reason);
			if (!reason.ok) return reason;
			const previousAssigneeId = requireAssignee(state);
			if (command.assigneeId === previousAssigneeId) {
				return reject('WORK_ORDER.SAME_ASSIGNEE', 'The work order is already assigned to this person.');
			}
			return ok([
				{
					type: 'workOrder.reassigned',
					...base,
					assigneeId: command.assigneeId,
					previousAssigneeId,
					reason: reason.value,
				},
			]);
		}
		case 'recordContact':
			return ok([
				{
					type: 'workOrder.contactRecorded',
					...base,
					method: command.method,
					outcome: command.outcome,
					note: command.note,
				},
			]);
		case 'arrive':
			if (state.contactedAt === null) {
				return reject(
					'WORK_ORDER.CONTACT_NOT_RECORDED',
					'Record contact with the resident before arriving on site.',
				);
			}
			return ok([{ type: 'workOrder.arrived', ...base }]);
		case 'pause': {
			const reason = requiredReason(command.reason);
			if (!reason.ok) return reason;
			return ok([{ type: 'workOrder.paused', ...base, cause: command.cause, reason: reason.value }]);
		}
		case 'resume':
			if (!isPaused(state)) return reject('WORK_ORDER.NOT_PAUSED', 'The work order is not paused.');
			return ok([{ type: 'workOrder.resumed', ...base }]);
		case 'resolve': {
			const result = command.result.trim();
			if (result === '') return reject('WORK_ORDER.RESULT_REQUIRED', 'Say what was done.');
			if (command.startedAt > command.endedAt || command.endedAt > at) {
				return reject('WORK_ORDER.INVALID_WORK_TIMES', 'The work must start before it ends, and end by now.');
			}
			const workRecord = {
				startedAt: command.startedAt,
				endedAt: command.endedAt,
				materials: command.materials,
				result,
				residentSignedOff: command.residentSignedOff,
			};
			return ok([{ type: 'workOrder.resolved', ...base, workRecord }]);
		}
		case 'recordFeedback': {
			const feedback = {
				method: command.method,
				ratings: command.ratings,
				comment: command.comment,
				satisfied: command.satisfied,
				by: actor,
			};
			const recorded: WorkOrderEvent = { type: 'workOrder.feedbackRecorded', ...base, feedback };
			if (command.satisfied) return ok([recorded]);
			// "Until satisfied": a dissatisfied resident sends the work back without having to ask.
			return ok([
				recorded,
				{
					type: 'workOrder.reopened',
					...base,
					trigger: 'dissatisfied',
					reason: command.comment,
					assigneeId: requireAssignee(state),
				},
			]);
		}
		case 'reopen': {
			const reason = requiredReason(command.reason);
			if (!reason.ok) return reason;
			const assigneeId = command.assigneeId ?? requireAssignee(state);
			return ok([
				{ type: 'workOrder.reopened', ...base, trigger: 'requested', reason: reason.value, assigneeId },
			]);
		}
		case 'close':
			return ok([{ type: 'workOrder.closed', ...base }]);
		case 'cancel': {
			const reason = command.reason?.trim() || null;
			// A resident may just change their mind; staff cancelling on their behalf say why.
			if (reason === null && staffIdOf(actor) !== null) {
				return reject(
					'WORK_ORDER.REASON_REQUIRED',
					'Say why the request is cancelled on the resident’s behalf.',
				);
			}
			return ok([{ type: 'workOrder.cancelled', ...base, cancellation: { by: actor, reason } }]);
		}
		case 'overrideUrgency': {
			const reason = requiredReason(command.reason);
			if (!reason.ok) return reason;
			if (command.urgency === state.urgency) {
				return reject('WORK_ORDER.URGENCY_UNCHANGED', `The work order is already ${state.urgency}.`);
			}
			return ok([
				{
					type: 'workOrder.urgencyOverridden',
					...base,
					from: state.urgency,
					to: command.urgency,
					reason: reason.value,
				},
			]);
		}
		case 'addAttachment': {
			if (state.attachments.some((attachment) => attachment.id === command.attachment.id)) {
				return reject(
					'WORK_ORDER.DUPLICATE_ATTACHMENT',
					`Attachment ${command.attachment.id} is already on the order.`,
				);
			}
			const attachment = toAttachment(command.attachment, at, actor, state.status);
			return ok([{ type: 'workOrder.attachmentAdded', ...base, attachment }]);
		}
	}
}

function submit(command: SubmitWorkOrder, context: DecideContext): Events {
	const { now: at, actor } = context;
	if (!isCategoryOf(command.kind, command.category)) {
		return reject('WORK_ORDER.CATEGORY_MISMATCH', `${command.category} is not a kind of ${command.kind}.`, {
			kind: command.kind,
			category: command.category,
		});
	}
	if (CATEGORIES_NEEDING_AREA.includes(command.category) && command.areaM2 === null) {
		return reject('WORK_ORDER.AREA_REQUIRED', 'Say how large the area to clean is.');
	}
	if (command.channel === 'phone' && command.reportedAt === null) {
		return reject('WORK_ORDER.REPORTED_AT_REQUIRED', 'Enter when the resident called.');
	}
	if (command.reportedAt !== null && command.reportedAt > at) {
		return reject('WORK_ORDER.REPORTED_IN_FUTURE', 'The call cannot have come after now.');
	}
	if (actor.kind === 'resident' && command.residentId !== null && command.residentId !== actor.residentId) {
		return reject('WORK_ORDER.NOT_OWN_ORDER', 'A resident files requests for their own household only.');
	}
	const ids = command.attachments.map((attachment) => attachment.id);
	if (new Set(ids).size !== ids.length) {
		return reject('WORK_ORDER.DUPLICATE_ATTACHMENT', 'Two attachments have the same id.');
	}
	const suggestion = classifyUrgency(command);
	return ok([
		{
			type: 'workOrder.submitted',
			workOrderId: command.id,
			at,
			actor,
			estateId: command.estateId,
			code: command.code,
			kind: command.kind,
			category: command.category,
			channel: command.channel,
			description: command.description,
			location: command.location,
			residentId: actor.kind === 'resident' ? actor.residentId : command.residentId,
			contact: command.contact,
			desiredWindow: command.desiredWindow,
			areaM2: command.areaM2,
			reportedAt: command.reportedAt,
			suggestedUrgency: suggestion.urgency,
			urgencyKeywords: [...suggestion.keywords],
			// First-contact responsibility: a staff member filing the request owns it from the start.
			responsibleStaffId: staffIdOf(actor),
			attachments: command.attachments.map((attachment) => toAttachment(attachment, at, actor, 'submitted')),
		},
	]);
}

function requiredReason(reason: string): Result<string, WorkOrderError> {
	const trimmed = reason.trim();
	return trimmed === '' ? reject('WORK_ORDER.REASON_REQUIRED', 'Give a reason.') : ok(trimmed);
}

function requireStaff(actor: Actor) {
	const staffId = staffIdOf(actor);
	if (staffId === null) throw new Error(`a ${actor.kind} passed a staff-only rule`);
	return staffId;
}

function requireAssignee(state: WorkOrder) {
	if (state.assigneeId === null)
		throw new Error(`work order ${state.id} is ${state.status} without an assignee`);
	return state.assigneeId;
}

const toAttachment = (
	attachment: NewAttachment,
	at: Date,
	actor: Actor,
	status: WorkOrderStatus,
): Attachment => ({
	id: attachment.id,
	content: attachment.content,
	addedAt: at,
	addedBy: actor,
	addedDuring: status,
});
