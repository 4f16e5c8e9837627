import { z } from 'zod';
import { Instant } from '../shared/time';
import { Actor } from '../estate/actor';
import { EstateId, ResidentId, StaffId, WorkOrderId } from '../shared/ids';
import { RequestCode } from './request-code';
import { UrgencyClass } from './urgency-class';
import {
	Attachment,
	Cancellation,
	ContactMethod,
	ContactOutcome,
	ContactPerson,
	Feedback,
	PauseCause,
	TimeWindow,
	WorkRecord,
} from './work-order';
import { WorkOrderChannel } from './work-order-channel';
import { WorkOrderCategory, WorkOrderKind } from './work-order-kind';
import { WorkOrderLocation } from './work-order-location';

/** What every event says: which order, when, and who. */
const envelope = { workOrderId: WorkOrderId, at: Instant, actor: Actor };

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
	z.object({ type: z.literal(type), ...envelope, ...shape });

export const WorkOrderSubmitted = event('workOrder.submitted', {
	estateId: EstateId,
	code: RequestCode,
	kind: WorkOrderKind,
	category: WorkOrderCategory,
	channel: WorkOrderChannel,
	description: z.string(),
	location: WorkOrderLocation,
	residentId: ResidentId.nullable(),
	contact: ContactPerson.nullable(),
	desiredWindow: TimeWindow.nullable(),
	areaM2: z.number().positive().nullable(),
	reportedAt: Instant.nullable(),
	/** The classification at the time of filing, kept as a fact: later keyword lists do not rewrite history. */
	suggestedUrgency: UrgencyClass,
	urgencyKeywords: z.array(z.string()),
	responsibleStaffId: StaffId.nullable(),
	attachments: z.array(Attachment),
});
export const WorkOrderAccepted = event('workOrder.accepted', { responsibleStaffId: StaffId });
export const WorkOrderAssigned = event('workOrder.assigned', { assigneeId: StaffId });
export const WorkOrderReassigned = event('workOrder.reassigned', {
	assigneeId: StaffId,
	previousAssigneeId: StaffId,
	reason: z.string(),
});
export const WorkOrderContactRecorded = event('workOrder.contactRecorded', {
	method: ContactMethod,
	outcome: ContactOutcome,
	note: z.string().nullable(),
});
export const WorkOrderArrived = event('workOrder.arrived', {});
export const WorkOrderPaused = event('workOrder.paused', { cause: PauseCause, reason: z.string() });
export const WorkOrderResumed = event('workOrder.resumed', {});
export const WorkOrderResolved = event('workOrder.resolved', { workRecord: WorkRecord });
export const WorkOrderFeedbackRecorded = event('workOrder.feedbackRecorded', { feedback: Feedback });
export const WorkOrderReopened = event('workOrder.reopened', {
	trigger: z.enum(['dissatisfied', 'requested']),
	reason: z.string().nullable(),
	assigneeId: StaffId,
});
export const WorkOrderClosed = event('workOrder.closed', {});
export const WorkOrderCancelled = event('workOrder.cancelled', { cancellation: Cancellation });
export const WorkOrderUrgencyOverridden = event('workOrder.urgencyOverridden', {
	from: UrgencyClass,
	to: UrgencyClass,
	reason: z.string(),
});
export const WorkOrderAttachmentAdded = event('workOrder.attachmentAdded', { attachment: Attachment });

/** A fact about a work order, in the past tense; `apply` folds them into the order. */
export const WorkOrderEvent = z.discriminatedUnion('type', [
	WorkOrderSubmitted,
	WorkOrderAccepted,
	WorkOrderAssigned,
	WorkOrderReassigned,
	WorkOrderContactRecorded,
	WorkOrderArrived,
	WorkOrderPaused,
	WorkOrderResumed,
	WorkOrderResolved,
	WorkOrderFeedbackRecorded,
	WorkOrderReopened,
	WorkOrderClosed,
	WorkOrderCancelled,
	WorkOrderUrgencyOverridden,
	WorkOrderAttachmentAdded,
]);
export type WorkOrderEvent = z.infer<typeof WorkOrderEvent>;
export type WorkOrderEventType = WorkOrderEvent['type'];
