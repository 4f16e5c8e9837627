import { z } from 'zod';
import { Instant } from '../shared/time';
import type { ZoneId } from '../shared/ids';
import { StaffId } from '../shared/ids';
import type { CleaningTaskInstance } from './cleaning-schedule';
import { CleaningTaskInstanceId } from './cleaning-schedule';

/** A cleaner marking a round done (保洁完成), with a photo of the result when the task asks for one. */
export const CleaningCompletion = z.object({
	taskInstanceId: CleaningTaskInstanceId,
	at: Instant,
	cleanerId: StaffId,
	/** Storage key of the photo, uploaded separately. */
	photo: z.string().min(1).max(500).optional(),
});
export type CleaningCompletion = z.infer<typeof CleaningCompletion>;

/**
 * - upcoming: its window has not opened
 * - due: its window is open and it is not past due
 * - overdue: past due and not done
 * - done: completed inside or after its window (`late` when after the due time)
 */
export type CleaningTaskState = 'upcoming' | 'due' | 'overdue' | 'done';

export type TaskProgress = {
	readonly instance: CleaningTaskInstance;
	readonly state: CleaningTaskState;
	readonly completion: CleaningCompletion | null;
	readonly late: boolean;
};

/** What the map fills a zone with: done 已完成 / due 待完成 / overdue 超时; idle before anything is due today. */
export type ZoneCleaningStatus = 'done' | 'due' | 'overdue' | 'idle';

export type ZoneStatus = {
	readonly status: ZoneCleaningStatus;
	readonly tasks: readonly TaskProgress[];
	/** The earliest due time among rounds not done yet, for the zone's card. */
	readonly nextDueAt: Date | null;
};

/**
 * A completion made before a round's window opened does not count for it: the morning sweep does not
 * cover the evening round, even if the cleaner tapped the wrong one.
 */
export function taskProgress(
	instance: CleaningTaskInstance,
	completions: readonly CleaningCompletion[],
	now: Date,
): TaskProgress {
	const completion =
		completions
			.filter(
				(candidate) => candidate.taskInstanceId === instance.id && candidate.at >= instance.windowStartsAt,
			)
			.sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
	if (completion) return { instance, state: 'done', completion, late: completion.at > instance.dueAt };
	const state: CleaningTaskState =
		now < instance.windowStartsAt ? 'upcoming' : now <= instance.dueAt ? 'due' : 'overdue';
	return { instance, state, completion: null, late: false };
}

/** The status of one zone from its rounds of the day. */
export function zoneStatus(
	tasksOfZone: readonly CleaningTaskInstance[],
	completions: readonly CleaningCompletion[],
	now: Date,
): ZoneStatus {
	const tasks = tasksOfZone.map((instance) => taskProgress(instance, completions, now));
	const has = (state: CleaningTaskState): boolean => tasks.some((task) => task.state === state);
	const status: ZoneCleaningStatus = has('overdue')
		? 'overdue'
		: has('due')
			? 'due'
			: has('done')
				? 'done'
				: 'idle';
	const pending = tasks.filter((task) => task.state !== 'done').map((task) => task.instance.dueAt.getTime());
	return { status, tasks, nextDueAt: pending.length > 0 ? new Date(Math.min(...pending)) : null };
}

/** `zoneStatus` for every zone that has rounds, keyed by zone. */
export function zoneStatuses(
	instances: readonly CleaningTaskInstance[],
	completions: readonly CleaningCompletion[],
	now: Date,
): Map<ZoneId, ZoneStatus> {
	const byZone = new Map<ZoneId, CleaningTaskInstance[]>();
	for (const instance of instances) {
		byZone.set(instance.zoneId, [...(byZone.get(instance.zoneId) ?? []), instance]);
	}
	const relevant = new Set(instances.map((instance) => instance.id));
	const ownCompletions = completions.filter((completion) => relevant.has(completion.taskInstanceId));
	return new Map([...byZone].map(([zoneId, tasks]) => [zoneId, zoneStatus(tasks, ownCompletions, now)]));
}
