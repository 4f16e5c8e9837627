import type { Department } from '@estate-ops/domain/estate';
import {
	departmentOfOrder,
	planAlertNotifications,
	type DutyContext,
	type PlannedNotification,
} from '@estate-ops/domain/duty';
import type { StaffId } from '@estate-ops/domain/shared';
import type { SlaEvent, WorkingCalendar } from '@estate-ops/domain/sla';
import type { WorkOrder } from '@estate-ops/domain/work-orders';
import type { Executor } from '../db/database';
import { listDutyShifts } from '../db/repositories/duty-roster.repository';
import type { NewNotification } from '../db/repositories/notification.repository';
import { listActiveStaff } from '../db/repositories/site.repository';

/** Decides, for one estate, who hears of each SLA alert and when (the roster, its managers and its calendar). */
export type EstateDutyPlanner = {
	plan(order: WorkOrder, event: Pick<SlaEvent, 'level'>, at: Date): PlannedNotification[];
};

/** Reads what the planner needs once per estate and pass: the roster, the managers, everyone's department. */
export async function loadDutyPlanner(
	db: Executor,
	estateId: string,
	calendar: WorkingCalendar,
): Promise<EstateDutyPlanner> {
	const [roster, staff] = await Promise.all([listDutyShifts(db, estateId), listActiveStaff(db, estateId)]);
	const departments = new Map<string, Department>(staff.map((member) => [member.id, member.department]));
	const context: DutyContext = {
		roster,
		managers: staff
			.filter((member) => member.roles.includes('manager'))
			.map((member) => member.id as StaffId),
		calendar,
	};
	return {
		plan(order, event, at) {
			const department = departmentOfOrder(
				order,
				order.assigneeId === null ? null : (departments.get(order.assigneeId) ?? null),
			);
			return planAlertNotifications(
				{ level: event.level, urgency: order.urgency, department, assigneeId: order.assigneeId },
				context,
				at,
			);
		},
	};
}

/** The rows of the planned notifications of one alert. */
export function notificationRows(input: {
	readonly order: WorkOrder;
	readonly alert: string;
	readonly clockRun: string;
	readonly event: SlaEvent;
	readonly planned: readonly PlannedNotification[];
	readonly at: Date;
}): NewNotification[] {
	const { order, event } = input;
	return input.planned.map((notification) => ({
		estateId: order.estateId,
		recipientId: notification.recipientId,
		workOrderId: order.id,
		alert: input.alert,
		clock: input.clockRun,
		level: event.level,
		reasons: notification.reasons,
		details: {
			code: order.code,
			urgency: order.urgency,
			clock: event.clock,
			dueAt: event.dueAt.toISOString(),
		},
		deliverAt: notification.deliverAt,
		deliveredAt: null,
		createdAt: input.at,
	}));
}
