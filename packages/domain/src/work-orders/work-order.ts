import { z } from 'zod';
import { Instant } from '../shared/time';
import { Actor } from '../estate/actor';
import { MaskedPhoneNumber, PhoneNumber } from '../estate/phone-number';
import { EstateId, ResidentId, StaffId, WorkOrderId } from '../shared/ids';
import { RequestCode } from './request-code';
import { UrgencyClass } from './urgency-class';
import { WorkOrderChannel } from './work-order-channel';
import { isCategoryOf, WorkOrderCategory, WorkOrderKind } from './work-order-kind';
import { WorkOrderLocation } from './work-order-location';
import { WorkOrderStatus } from './work-order-status';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** Who to call back. Stored orders carry the phone masked; the clear number is kept apart, encrypted. */
export const ContactPerson = z.object({
	name: z.string().trim().max(50).nullable(),
	phone: z.union([PhoneNumber, MaskedPhoneNumber]),
});
export type ContactPerson = z.infer<typeof ContactPerson>;

/** When the resident would like the work done. */
export const TimeWindow = z
	.object({ from: Instant, to: Instant })
	.refine((window) => window.from.getTime() <= window.to.getTime(), {
		message: 'the window ends before it starts',
		path: ['to'],
	});
export type TimeWindow = z.infer<typeof TimeWindow>;

export const AttachmentContent = z.discriminatedUnion('kind', [
	/** `storageKey` names the uploaded file; the api serves it, the domain never sees bytes. */
	z.object({
		kind: z.literal('photo'),
		storageKey: Text(200),
		caption: z.string().trim().max(200).nullable(),
	}),
	z.object({ kind: z.literal('note'), text: Text(2000) }),
]);
export type AttachmentContent = z.infer<typeof AttachmentContent>;

/** A photo or note: kept on the order through every step, reopen included. */
export const Attachment = z.object({
	id: Text(64),
	content: AttachmentContent,
	addedAt: Instant,
	addedBy: Actor,
	/** The step the order was at, so a kiosk photo can be told from an on-site one. */
	addedDuring: WorkOrderStatus,
});
export type Attachment = z.infer<typeof Attachment>;

export const Assignment = z.object({
	staffId: StaffId,
	assignedAt: Instant,
	by: Actor,
	/** Why the previous assignee was replaced, for reassignments. */
	reason: z.string().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const ContactMethod = z.enum(['phone', 'in_person', 'message', 'kiosk', 'app']);
export type ContactMethod = z.infer<typeof ContactMethod>;

export const ContactOutcome = z.enum(['reached', 'no_answer']);
export type ContactOutcome = z.infer<typeof ContactOutcome>;

/** An attempt by the assignee to reach the resident; the first one stops the contact clock. */
export const ContactRecord = z.object({
	at: Instant,
	by: Actor,
	method: ContactMethod,
	outcome: ContactOutcome,
	note: z.string().trim().max(1000).nullable(),
});
export type ContactRecord = z.infer<typeof ContactRecord>;

export const PauseCause = z.enum(['waiting_for_parts', 'waiting_for_resident', 'other']);
export type PauseCause = z.infer<typeof PauseCause>;

/** A stretch during which the SLA clocks stand still; `to` is null while the order is paused. */
export const PauseInterval = z.object({
	from: Instant,
	to: Instant.nullable(),
	cause: PauseCause,
	reason: Text(500),
	by: Actor,
	resumedBy: Actor.nullable(),
});
export type PauseInterval = z.infer<typeof PauseInterval>;

export const MaterialUsed = z.object({ item: Text(100), quantity: z.number().positive(), unit: Text(20) });
export type MaterialUsed = z.infer<typeof MaterialUsed>;

/** What was done on site (维修记录). */
export const WorkRecord = z
	.object({
		startedAt: Instant,
		endedAt: Instant,
		materials: z.array(MaterialUsed),
		result: Text(2000),
		residentSignedOff: z.boolean(),
	})
	.refine((record) => record.startedAt.getTime() <= record.endedAt.getTime(), {
		message: 'the work ends before it starts',
		path: ['endedAt'],
	});
export type WorkRecord = z.infer<typeof WorkRecord>;

export const SatisfactionRating = z.number().int().min(1).max(5);

/** The follow-up call or visit (回访): the result told to the resident and their ratings. */
export const Feedback = z.object({
	method: ContactMethod,
	ratings: z.object({ speed: SatisfactionRating, result: SatisfactionRating, attitude: SatisfactionRating }),
	comment: z.string().trim().max(1000).nullable(),
	satisfied: z.boolean(),
	by: Actor,
});
export type Feedback = z.infer<typeof Feedback>;

export const UrgencyOverride = z.object({
	at: Instant,
	by: Actor,
	from: UrgencyClass,
	to: UrgencyClass,
	reason: Text(500),
});
export type UrgencyOverride = z.infer<typeof UrgencyOverride>;

/** One earlier pass through assigned … feedback, kept when the order was reopened (返工). */
export const Rework = z.object({
	reopenedAt: Instant,
	by: Actor,
	trigger: z.enum(['dissatisfied', 'requested']),
	reason: z.string().trim().max(1000).nullable(),
	previous: z.object({
		assigneeId: StaffId,
		assignedAt: Instant,
		contactedAt: Instant,
		arrivedAt: Instant,
		resolvedAt: Instant,
		workRecord: WorkRecord,
		feedbackAt: Instant.nullable(),
		feedback: Feedback.nullable(),
		closedAt: Instant.nullable(),
	}),
});
export type Rework = z.infer<typeof Rework>;

export const Cancellation = z.object({ by: Actor, reason: z.string().trim().max(500).nullable() });
export type Cancellation = z.infer<typeof Cancellation>;

/**
 * What every work order carries whatever its step. Times are instants (UTC `Date`s) named after the step
 * they record; the SLA engine reads them with `pauses` and nothing else.
 */
const common = {
	id: WorkOrderId,
	estateId: EstateId,
	code: RequestCode,
	kind: WorkOrderKind,
	category: WorkOrderCategory,
	channel: WorkOrderChannel,
	description: Text(2000),
	location: WorkOrderLocation,
	residentId: ResidentId.nullable(),
	contact: ContactPerson.nullable(),
	desiredWindow: TimeWindow.nullable(),
	/** Area in m², for deep-cleaning bookings. */
	areaM2: z.number().positive().nullable(),
	urgency: UrgencyClass,
	suggestedUrgency: UrgencyClass,
	urgencyKeywords: z.array(z.string()),
	urgencyOverrides: z.array(UrgencyOverride),
	submittedBy: Actor,
	/** When the resident called, for phone reports: the 10-minute entry clock runs from here to `submittedAt`. */
	reportedAt: Instant.nullable(),
	submittedAt: Instant,
	/** First-contact responsibility (首问负责制): set once, by the first staff member to take the request. */
	responsibleStaffId: StaffId.nullable(),
	assignments: z.array(Assignment),
	contacts: z.array(ContactRecord),
	pauses: z.array(PauseInterval),
	attachments: z.array(Attachment),
	reworks: z.array(Rework),
	reopenCount: z.number().int().min(0),
	/** +1 per event; the api uses it for optimistic concurrency and clients to spot a missed event. */
	version: z.number().int().min(1),
};

// Fields of later steps, empty until the order gets there.
const notYet = {
	acceptedAt: z.null(),
	assigneeId: z.null(),
	assignedAt: z.null(),
	contactedAt: z.null(),
	arrivedAt: z.null(),
	resolvedAt: z.null(),
	workRecord: z.null(),
	feedbackAt: z.null(),
	feedback: z.null(),
	closedAt: z.null(),
	cancelledAt: z.null(),
	cancellation: z.null(),
};

export const SubmittedWorkOrder = z.object({ ...common, ...notYet, status: z.literal('submitted') });
export type SubmittedWorkOrder = z.infer<typeof SubmittedWorkOrder>;

export const AcceptedWorkOrder = SubmittedWorkOrder.extend({
	status: z.literal('accepted'),
	acceptedAt: Instant,
	responsibleStaffId: StaffId,
});
export type AcceptedWorkOrder = z.infer<typeof AcceptedWorkOrder>;

export const AssignedWorkOrder = AcceptedWorkOrder.extend({
	status: z.literal('assigned'),
	assigneeId: StaffId,
	assignedAt: Instant,
	contactedAt: Instant.nullable(),
});
export type AssignedWorkOrder = z.infer<typeof AssignedWorkOrder>;

export const OnSiteWorkOrder = AssignedWorkOrder.extend({
	status: z.literal('on_site'),
	contactedAt: Instant,
	arrivedAt: Instant,
});
export type OnSiteWorkOrder = z.infer<typeof OnSiteWorkOrder>;

export const ResolvedWorkOrder = OnSiteWorkOrder.extend({
	status: z.literal('resolved'),
	resolvedAt: Instant,
	workRecord: WorkRecord,
});
export type ResolvedWorkOrder = z.infer<typeof ResolvedWorkOrder>;

export const FeedbackWorkOrder = ResolvedWorkOrder.extend({
	status: z.literal('feedback'),
	feedbackAt: Instant,
	feedback: Feedback,
});
export type FeedbackWorkOrder = z.infer<typeof FeedbackWorkOrder>;

export const ClosedWorkOrder = FeedbackWorkOrder.extend({ status: z.literal('closed'), closedAt: Instant });
export type ClosedWorkOrder = z.infer<typeof ClosedWorkOrder>;

export const CancelledWorkOrder = SubmittedWorkOrder.extend({
	status: z.literal('cancelled'),
	acceptedAt: Instant.nullable(),
	cancelledAt: Instant,
	cancellation: Cancellation,
});
export type CancelledWorkOrder = z.infer<typeof CancelledWorkOrder>;

/**
 * A work order (工单): one record for every request, from the first report to the closing follow-up. Each
 * status variant requires the times and records of the steps it has been through.
 */
export const WorkOrder = z
	.discriminatedUnion('status', [
		SubmittedWorkOrder,
		AcceptedWorkOrder,
		AssignedWorkOrder,
		OnSiteWorkOrder,
		ResolvedWorkOrder,
		FeedbackWorkOrder,
		ClosedWorkOrder,
		CancelledWorkOrder,
	])
	.superRefine((order, ctx) => {
		if (!isCategoryOf(order.kind, order.category)) {
			ctx.addIssue({
				code: 'custom',
				message: `${order.category} is not a category of ${order.kind}`,
				path: ['category'],
			});
		}
		if (order.reopenCount !== order.reworks.length) {
			ctx.addIssue({ code: 'custom', message: 'reopenCount must count the reworks', path: ['reopenCount'] });
		}
		if (order.pauses.slice(0, -1).some((pause) => pause.to === null)) {
			ctx.addIssue({ code: 'custom', message: 'only the last pause may be open', path: ['pauses'] });
		}
		const assignee = order.assignments.at(-1)?.staffId ?? null;
		if (order.assigneeId !== null && order.assigneeId !== assignee) {
			ctx.addIssue({
				code: 'custom',
				message: 'the assignee must be the last assignment',
				path: ['assigneeId'],
			});
		}
	});
export type WorkOrder = z.infer<typeof WorkOrder>;

/** Whether the order's clocks are stopped by an open pause. */
export const isPaused = (order: WorkOrder): boolean => order.pauses.at(-1)?.to === null;
