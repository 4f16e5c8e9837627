import { z } from 'zod';

/**
 * Where a work order is in its lifecycle (工单状态): submitted 已提交 → accepted 已受理 → assigned 已派单
 * → on_site 已到场 → resolved 已完成 → feedback 已回访 → closed 已关闭; or cancelled 已取消 before
 * assignment. Contacting the resident is a recorded step inside `assigned` (`contactedAt`), and arriving
 * requires it. Pausing is not a status either: the step stays what it was and an open pause interval
 * stops the clocks.
 */
export const WorkOrderStatus = z.enum([
	'submitted',
	'accepted',
	'assigned',
	'on_site',
	'resolved',
	'feedback',
	'closed',
	'cancelled',
]);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

/**
 * The only moves between statuses. No step can be skipped; resolved, feedback and closed go back to
 * assigned when the resident is not satisfied (返工).
 */
export const STATUS_TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
	submitted: ['accepted', 'cancelled'],
	accepted: ['assigned', 'cancelled'],
	assigned: ['on_site'],
	on_site: ['resolved'],
	resolved: ['feedback', 'assigned'],
	feedback: ['closed', 'assigned'],
	closed: ['assigned'],
	cancelled: [],
};

export const canMove = (from: WorkOrderStatus, to: WorkOrderStatus): boolean =>
	STATUS_TRANSITIONS[from].includes(to);

/** Statuses in which the order is still being worked on: clocks run and details may be added. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
	'submitted',
	'accepted',
	'assigned',
	'on_site',
	'resolved',
	'feedback',
];

export const isOpenStatus = (status: WorkOrderStatus): boolean => OPEN_STATUSES.includes(status);
