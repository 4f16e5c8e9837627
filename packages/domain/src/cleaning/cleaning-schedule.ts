import { z } from 'zod';
import { CleaningTaskId, EstateId, ZoneId } from '../shared/ids';
import type { LocalTime } from '../shared/time';
import { addMinutes, Instant, isoWeekday, LocalDate, zonedInstant } from '../shared/time';
import type { ConditionPeriod } from './cleaning-condition';
import { CleaningCondition, conditionsOn } from './cleaning-condition';
import type { CleaningPlan, CleaningTask } from './cleaning-plan';
import type { CleaningZone } from './cleaning-zone';

/** `${zoneId}:${taskId}:${due ISO}`: the same round gets the same id however often the day is generated. */
export const CleaningTaskInstanceId = z.string().min(1).max(200).brand<'CleaningTaskInstanceId'>();
export type CleaningTaskInstanceId = z.infer<typeof CleaningTaskInstanceId>;

/** Why a round exists: the plan itself, or a condition that added it. */
export const RoundReason = z.union([z.literal('plan'), CleaningCondition]);
export type RoundReason = z.infer<typeof RoundReason>;

/** One round of a cleaning task in one zone on one day (保洁任务单). */
export const CleaningTaskInstance = z.object({
	id: CleaningTaskInstanceId,
	estateId: EstateId,
	zoneId: ZoneId,
	taskId: CleaningTaskId,
	taskName: z.string(),
	localDate: LocalDate,
	windowStartsAt: Instant,
	dueAt: Instant,
	reason: RoundReason,
});
export type CleaningTaskInstance = z.infer<typeof CleaningTaskInstance>;

export type ScheduleOptions = {
	/**
	 * Whether `date` is a working day. The api answers from the estate's calendar (调休 included); without
	 * it, Monday to Friday.
	 */
	readonly isWorkingDay?: (date: LocalDate) => boolean;
};

const mondayToFriday = (date: LocalDate): boolean => isoWeekday(date) <= 5;

type Slot = { readonly due: LocalTime; readonly from: LocalTime | null; readonly reason: RoundReason };

function plannedSlots(
	task: CleaningTask,
	localDate: LocalDate,
	isWorkingDay: (date: LocalDate) => boolean,
): Slot[] {
	const at = (times: readonly LocalTime[]): Slot[] =>
		times.map((due) => ({ due, from: null, reason: 'plan' }));
	const frequency = task.frequency;
	switch (frequency.type) {
		case 'daily':
			return [{ due: frequency.due, from: frequency.from ?? null, reason: 'plan' }];
		case 'weekly':
			return frequency.weekdays.includes(isoWeekday(localDate))
				? [{ due: frequency.due, from: frequency.from ?? null, reason: 'plan' }]
				: [];
		case 'times_per_day':
			return at(frequency.times);
		case 'peak_hours':
			return frequency.days === 'every_day' || isWorkingDay(localDate) ? at(frequency.times) : [];
		case 'fixed_times':
			return !frequency.weekdays || frequency.weekdays.includes(isoWeekday(localDate))
				? at(frequency.times)
				: [];
	}
}

function planFor(zone: CleaningZone, plans: readonly CleaningPlan[]): CleaningPlan | undefined {
	return (
		plans.find((plan) => plan.zoneIds?.includes(zone.id)) ??
		plans.find((plan) => plan.zoneIds === undefined && plan.zoneKind === zone.kind)
	);
}

/**
 * The cleaning rounds due on `localDate` in every zone: each task's planned rounds, plus the extra rounds
 * of the conditions in force for that zone. An extra round at the same instant as a planned one is the
 * same round. Zones without a plan get no rounds.
 */
export function cleaningTasksFor(
	zones: readonly CleaningZone[],
	plans: readonly CleaningPlan[],
	localDate: LocalDate,
	timeZone: string,
	activeConditions: readonly ConditionPeriod[],
	options: ScheduleOptions = {},
): CleaningTaskInstance[] {
	const isWorkingDay = options.isWorkingDay ?? mondayToFriday;
	const instances: CleaningTaskInstance[] = [];
	for (const zone of zones) {
		const plan = planFor(zone, plans);
		if (!plan) continue;
		const conditions = conditionsOn(activeConditions, localDate, zone.id);
		for (const task of plan.tasks) {
			const extras = task.extraRounds
				.filter((extra) => conditions.has(extra.condition))
				.flatMap((extra) => extra.times.map((due): Slot => ({ due, from: null, reason: extra.condition })));
			const seen = new Set<string>();
			for (const slot of [...plannedSlots(task, localDate, isWorkingDay), ...extras]) {
				const dueAt = zonedInstant(localDate, slot.due, timeZone);
				const id = `${zone.id}:${task.id}:${dueAt.toISOString()}`;
				if (seen.has(id)) continue;
				seen.add(id);
				instances.push({
					id: id as CleaningTaskInstanceId,
					estateId: zone.estateId,
					zoneId: zone.id,
					taskId: task.id,
					taskName: task.name,
					localDate,
					windowStartsAt:
						slot.from === null
							? addMinutes(dueAt, -task.windowMinutes)
							: zonedInstant(localDate, slot.from, timeZone),
					dueAt,
					reason: slot.reason,
				});
			}
		}
	}
	return instances.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}
