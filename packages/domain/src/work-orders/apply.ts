import type { WorkOrder } from './work-order';
import type { WorkOrderEvent } from './work-order-event';
import type { WorkOrderStatus } from './work-order-status';

type WorkOrderIn<S extends WorkOrderStatus> = Extract<WorkOrder, { status: S }>;

/**
 * Folds one event into a work order: the reducer the api uses to project state and the browsers use to
 * apply live events, so both read an event the same way. Events are facts that `decide` already checked;
 * one that does not fit the order means the stream is corrupt, which is a bug, so it throws.
 */
export function apply(state: WorkOrder | null, event: WorkOrderEvent): WorkOrder {
	if (event.type === 'workOrder.submitted') {
		if (state !== null) throw new Error(`work order ${state.id} was already submitted`);
		return submitted(event);
	}
	if (state === null)
		throw new Error(`${event.type} for work order ${event.workOrderId}, which does not exist`);
	if (state.id !== event.workOrderId)
		throw new Error(`${event.type} for ${event.workOrderId} applied to ${state.id}`);
	return { ...next(state, event), version: state.version + 1 };
}

function submitted(event: Extract<WorkOrderEvent, { type: 'workOrder.submitted' }>): WorkOrder {
	return {
		status: 'submitted',
		id: event.workOrderId,
		estateId: event.estateId,
		code: event.code,
		kind: event.kind,
		category: event.category,
		channel: event.channel,
		description: event.description,
		location: event.location,
		residentId: event.residentId,
		contact: event.contact,
		desiredWindow: event.desiredWindow,
		areaM2: event.areaM2,
		urgency: event.suggestedUrgency,
		suggestedUrgency: event.suggestedUrgency,
		urgencyKeywords: event.urgencyKeywords,
		urgencyOverrides: [],
		submittedBy: event.actor,
		reportedAt: event.reportedAt,
		submittedAt: event.at,
		responsibleStaffId: event.responsibleStaffId,
		assignments: [],
		contacts: [],
		pauses: [],
		attachments: event.attachments,
		reworks: [],
		reopenCount: 0,
		version: 1,
		acceptedAt: null,
		assigneeId: null,
		assignedAt: null,
		contactedAt: null,
		arrivedAt: null,
		resolvedAt: null,
		workRecord: null,
		feedbackAt: null,
		feedback: null,
		closedAt: null,
		cancelledAt: null,
		cancellation: null,
	};
}

function next(state: WorkOrder, event: Exclude<WorkOrderEvent, { type: 'workOrder.submitted' }>): WorkOrder {
	const { at, actor } = event;
	switch (event.type) {
		case 'workOrder.accepted': {
			const order = expectStatus(state, event, ['submitted']);
			return { ...order, status: 'accepted', acceptedAt: at, responsibleStaffId: event.responsibleStaffId };
		}
		case 'workOrder.assigned': {
			const order = expectStatus(state, event, ['accepted']);
			return {
				...order,
				status: 'assigned',
				assigneeId: event.assigneeId,
				assignedAt: at,
				contactedAt: null,
				assignments: [
					...order.assignments,
					{ staffId: event.assigneeId, assignedAt: at, by: actor, reason: null },
				],
			};
		}
		case 'workOrder.reassigned': {
			const order = expectStatus(state, event, ['assigned', 'on_site']);
			return {
				...order,
				assigneeId: event.assigneeId,
				assignments: [
					...order.assignments,
					{ staffId: event.assigneeId, assignedAt: at, by: actor, reason: event.reason },
				],
			};
		}
		case 'workOrder.contactRecorded': {
			const order = expectStatus(state, event, ['assigned']);
			const contact = { at, by: actor, method: event.method, outcome: event.outcome, note: event.note };
			return { ...order, contactedAt: order.contactedAt ?? at, contacts: [...order.contacts, contact] };
		}
		case 'workOrder.arrived': {
			const order = expectStatus(state, event, ['assigned']);
			const { contactedAt } = order;
			if (contactedAt === null)
				throw new Error(`work order ${order.id} arrived before contacting the resident`);
			return { ...order, status: 'on_site', contactedAt, arrivedAt: at };
		}
		case 'workOrder.paused': {
			const order = expectStatus(state, event, ['accepted', 'assigned', 'on_site']);
			const pause = {
				from: at,
				to: null,
				cause: event.cause,
				reason: event.reason,
				by: actor,
				resumedBy: null,
			};
			return { ...order, pauses: [...order.pauses, pause] };
		}
		case 'workOrder.resumed': {
			const order = expectStatus(state, event, ['accepted', 'assigned', 'on_site']);
			return { ...order, pauses: closeOpenPause(order, at, actor) };
		}
		case 'workOrder.resolved': {
			const order = expectStatus(state, event, ['on_site']);
			return { ...order, status: 'resolved', resolvedAt: at, workRecord: event.workRecord };
		}
		case 'workOrder.feedbackRecorded': {
			const order = expectStatus(state, event, ['resolved']);
			return { ...order, status: 'feedback', feedbackAt: at, feedback: event.feedback };
		}
		case 'workOrder.reopened': {
			const order = expectStatus(state, event, ['resolved', 'feedback', 'closed']);
			const rework = {
				reopenedAt: at,
				by: actor,
				trigger: event.trigger,
				reason: event.reason,
				previous: {
					assigneeId: order.assigneeId,
					assignedAt: order.assignedAt,
					contactedAt: order.contactedAt,
					arrivedAt: order.arrivedAt,
					resolvedAt: order.resolvedAt,
					workRecord: order.workRecord,
					feedbackAt: order.feedbackAt,
					feedback: order.feedback,
					closedAt: order.closedAt,
				},
			};
			return {
				...order,
				status: 'assigned',
				assigneeId: event.assigneeId,
				assignedAt: at,
				contactedAt: null,
				arrivedAt: null,
				resolvedAt: null,
				workRecord: null,
				feedbackAt: null,
				feedback: null,
				closedAt: null,
				assignments: [
					...order.assignments,
					{ staffId: event.assigneeId, assignedAt: at, by: actor, reason: event.reason },
				],
				reworks: [...order.reworks, rework],
				reopenCount: order.reopenCount + 1,
			};
		}
		case 'workOrder.closed': {
			const order = expectStatus(state, event, ['feedback']);
			return { ...order, status: 'closed', closedAt: at };
		}
		case 'workOrder.cancelled': {
			const order = expectStatus(state, event, ['submitted', 'accepted']);
			return {
				...order,
				status: 'cancelled',
				cancelledAt: at,
				cancellation: event.cancellation,
				pauses: closeOpenPause(order, at, actor),
			};
		}
		case 'workOrder.urgencyOverridden': {
			const order = expectOpen(state, event);
			const override = { at, by: actor, from: event.from, to: event.to, reason: event.reason };
			return { ...order, urgency: event.to, urgencyOverrides: [...order.urgencyOverrides, override] };
		}
		case 'workOrder.attachmentAdded': {
			const order = expectOpen(state, event);
			return { ...order, attachments: [...order.attachments, event.attachment] };
		}
	}
}

function closeOpenPause(order: WorkOrder, at: Date, actor: WorkOrderEvent['actor']): WorkOrder['pauses'] {
	return order.pauses.map((pause) => (pause.to === null ? { ...pause, to: at, resumedBy: actor } : pause));
}

function expectStatus<S extends WorkOrderStatus>(
	state: WorkOrder,
	event: WorkOrderEvent,
	statuses: readonly S[],
): WorkOrderIn<S> {
	if (!(statuses as readonly WorkOrderStatus[]).includes(state.status)) {
		throw new Error(`${event.type} cannot apply to work order ${state.id} in status ${state.status}`);
	}
	return state as WorkOrderIn<S>;
}

const expectOpen = (state: WorkOrder, event: WorkOrderEvent) =>
	expectStatus(state, event, ['submitted', 'accepted', 'assigned', 'on_site', 'resolved', 'feedback']);
