import { z } from 'zod';
import { Instant } from '../shared/time';
import { PhoneNumber } from '../estate/phone-number';
import { EstateId, ResidentId, StaffId, WorkOrderId } from '../shared/ids';
import { RequestCode } from './request-code';
import { UrgencyClass } from './urgency-class';
import {
	AttachmentContent,
	ContactMethod,
	ContactOutcome,
	ContactPerson,
	MaterialUsed,
	PauseCause,
	SatisfactionRating,
	TimeWindow,
} from './work-order';
import { WorkOrderChannel } from './work-order-channel';
import { WorkOrderCategory, WorkOrderKind } from './work-order-kind';
import { WorkOrderLocation } from './work-order-location';

// Reasons are checked by `decide`, not here, so that a blank one is rejected with WORK_ORDER.REASON_REQUIRED.
const Reason = z.string().max(1000);
const Note = z.string().trim().max(1000);

export const NewAttachment = z.object({ id: z.string().trim().min(1).max(64), content: AttachmentContent });
export type NewAttachment = z.infer<typeof NewAttachment>;

/** File a new request. The id and code are made by the caller (the code with `generateRequestCode`). */
export const SubmitWorkOrder = z.object({
	type: z.literal('submit'),
	id: WorkOrderId,
	estateId: EstateId,
	code: RequestCode,
	kind: WorkOrderKind,
	category: WorkOrderCategory,
	channel: WorkOrderChannel,
	description: z.string().trim().min(1).max(2000),
	location: WorkOrderLocation,
	residentId: ResidentId.nullable().default(null),
	/** A callback number as given: a clear phone number (stored orders keep it masked). */
	contact: ContactPerson.extend({ phone: PhoneNumber }).nullable().default(null),
	desiredWindow: TimeWindow.nullable().default(null),
	areaM2: z.number().positive().max(10_000).nullable().default(null),
	/** When the resident called; required for phone reports. */
	reportedAt: Instant.nullable().default(null),
	attachments: z.array(NewAttachment).max(20).default([]),
});
export type SubmitWorkOrder = z.infer<typeof SubmitWorkOrder>;

/** Customer service checks the request and takes it on (受理). */
export const AcceptWorkOrder = z.object({ type: z.literal('accept') });
export const AssignWorkOrder = z.object({ type: z.literal('assign'), assigneeId: StaffId });
export const ReassignWorkOrder = z.object({
	type: z.literal('reassign'),
	assigneeId: StaffId,
	reason: Reason,
});
export const RecordContact = z.object({
	type: z.literal('recordContact'),
	method: ContactMethod,
	outcome: ContactOutcome,
	note: Note.nullable().default(null),
});
export const ArriveOnSite = z.object({ type: z.literal('arrive') });
export const PauseWorkOrder = z.object({ type: z.literal('pause'), cause: PauseCause, reason: Reason });
export const ResumeWorkOrder = z.object({ type: z.literal('resume') });
export const ResolveWorkOrder = z.object({
	type: z.literal('resolve'),
	startedAt: Instant,
	endedAt: Instant,
	materials: z.array(MaterialUsed).max(100).default([]),
	result: z.string().max(2000),
	residentSignedOff: z.boolean(),
});
export const RecordFeedback = z.object({
	type: z.literal('recordFeedback'),
	method: ContactMethod,
	ratings: z.object({ speed: SatisfactionRating, result: SatisfactionRating, attitude: SatisfactionRating }),
	comment: Note.nullable().default(null),
	satisfied: z.boolean(),
});
/** Send a resolved or finished order back for rework (返工), by default to the same assignee. */
export const ReopenWorkOrder = z.object({
	type: z.literal('reopen'),
	reason: Reason,
	assigneeId: StaffId.nullable().default(null),
});
export const CloseWorkOrder = z.object({ type: z.literal('close') });
export const CancelWorkOrder = z.object({
	type: z.literal('cancel'),
	reason: Reason.nullable().default(null),
});
export const OverrideUrgency = z.object({
	type: z.literal('overrideUrgency'),
	urgency: UrgencyClass,
	reason: Reason,
});
export const AddAttachment = z.object({ type: z.literal('addAttachment'), attachment: NewAttachment });

/** Every command on an order that exists: the lifecycle after submission. */
export const WorkOrderLifecycleCommand = z.discriminatedUnion('type', [
	AcceptWorkOrder,
	AssignWorkOrder,
	ReassignWorkOrder,
	RecordContact,
	ArriveOnSite,
	PauseWorkOrder,
	ResumeWorkOrder,
	ResolveWorkOrder,
	RecordFeedback,
	ReopenWorkOrder,
	CloseWorkOrder,
	CancelWorkOrder,
	OverrideUrgency,
	AddAttachment,
]);
export type WorkOrderLifecycleCommand = z.infer<typeof WorkOrderLifecycleCommand>;

/** Everything that can be asked of a work order; `decide` accepts or rejects each. */
export const WorkOrderCommand = z.discriminatedUnion('type', [
	SubmitWorkOrder,
	...WorkOrderLifecycleCommand.options,
]);
export type WorkOrderCommand = z.infer<typeof WorkOrderCommand>;
export type WorkOrderCommandType = WorkOrderCommand['type'];

/** A command as a client sends it, before defaults are filled in by parsing. */
export type WorkOrderCommandInput = z.input<typeof WorkOrderCommand>;
