import type { Actor } from '@estate-ops/domain/estate';
import {
	ConditionPeriod,
	cleaningTasksFor,
	taskProgress,
	zoneStatus,
	type CleaningCondition,
	type CleaningTaskInstance,
	type CleaningTaskState,
	type RoundReason,
	type ZoneCleaningStatus,
	type ZoneStatus,
} from '@estate-ops/domain/cleaning';
import {
	MINUTE_MS,
	addDays,
	err,
	localDateOf,
	ok,
	type DomainError,
	type LocalDate,
	type Result,
} from '@estate-ops/domain/shared';
import { workingHoursOn } from '@estate-ops/domain/sla';
import type { Database, Executor } from '../db/database';
import { findAttachmentMeta } from '../db/repositories/attachment.repository';
import {
	activeConditionsBetween,
	completionsOn,
	domainCompletionOf,
	endCondition,
	findCompletion,
	findCondition,
	insertCompletion,
	insertCondition,
	listCleaningPlans,
	listCleaningZones,
	listConditionsSince,
	saveZoneStates,
	zoneStatesOf,
	type StoredCleaningZone,
	type StoredCompletion,
	type StoredCondition,
} from '../db/repositories/cleaning.repository';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import { listEstateIds } from '../db/repositories/sla-watch.repository';
import { loadSlaContext } from '../db/repositories/sla-settings.repository';
import { isUuid } from '../db/repositories/site.repository';

/** A phone's clock may run a little ahead of ours; a completion further ahead is not believed. */
export const DONE_FUTURE_SKEW_MS = 2 * MINUTE_MS;

export type CompletionView = {
	readonly id: string;
	readonly doneAt: Date;
	readonly cleanerId: string;
	readonly photoAttachmentId: string | null;
	readonly note: string | null;
};

/** One round of a task in a zone today (保洁任务单). `id` is what `POST …/tasks/{id}/done` takes. */
export type CleaningTaskView = {
	readonly id: string;
	readonly taskId: string;
	readonly taskName: string;
	readonly windowStartsAt: Date;
	readonly dueAt: Date;
	readonly reason: RoundReason;
	readonly state: CleaningTaskState;
	/** Done after it was due. */
	readonly late: boolean;
	readonly completion: CompletionView | null;
};

export type ZoneCounts = Readonly<Record<CleaningTaskState, number>>;

export type CleaningZoneView = {
	readonly zoneId: string;
	readonly name: string;
	readonly kind: StoredCleaningZone['kind'];
	readonly buildingId: string | null;
	readonly status: ZoneCleaningStatus;
	readonly nextDueAt: Date | null;
	readonly counts: ZoneCounts;
	readonly tasks: CleaningTaskView[];
};

export type ConditionView = {
	readonly id: string;
	readonly kind: CleaningCondition;
	readonly from: string;
	readonly to: string;
	readonly zoneIds: string[] | null;
	readonly note: string | null;
	readonly setBy: string;
	readonly setAt: Date;
	readonly endedBy: string | null;
	readonly endedAt: Date | null;
	/** Switched on and not yet over. */
	readonly active: boolean;
};

export type CleaningDay = {
	readonly date: LocalDate;
	readonly timeZone: string;
	readonly evaluatedAt: Date;
	readonly conditions: ConditionView[];
	/** Overdue zones first, then due, idle and done. */
	readonly zones: CleaningZoneView[];
};

/** `cleaning.taskDone`: a round marked done. */
export type TaskDonePayload = {
	readonly taskInstanceId: string;
	readonly zoneId: string;
	readonly zoneName: string;
	readonly taskId: string;
	readonly taskName: string;
	readonly dueAt: string;
	readonly doneAt: string;
	readonly late: boolean;
	readonly cleanerId: string;
	readonly photoAttachmentId: string | null;
};

/** `cleaning.zoneStatus`: what the map fills a zone with changed (or its counts did, after a round was done). */
export type ZoneStatusPayload = {
	readonly zoneId: string;
	readonly zoneName: string;
	readonly zoneKind: string;
	readonly localDate: string;
	readonly status: ZoneCleaningStatus;
	readonly previousStatus: ZoneCleaningStatus | null;
	readonly nextDueAt: string | null;
	readonly counts: ZoneCounts;
	readonly at: string;
};

/** `cleaning.conditionSwitchedOn` / `cleaning.conditionSwitchedOff`. */
export type ConditionPayload = {
	readonly conditionId: string;
	readonly kind: CleaningCondition;
	readonly from: string;
	readonly to: string;
	readonly zoneIds: readonly string[] | null;
	readonly note: string | null;
	readonly by: string;
	readonly at: string;
};

export type MarkDoneInput = {
	readonly photoAttachmentId?: string | undefined;
	readonly note?: string | undefined;
	/** When the cleaner finished, for a completion queued offline; now when absent. */
	readonly doneAt?: Date | undefined;
};

export type ConditionInput = {
	readonly kind: CleaningCondition;
	readonly from: LocalDate;
	readonly to: LocalDate;
	readonly zones?: readonly string[] | undefined;
	readonly note?: string | undefined;
};

export type CleaningServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

const ZONE_ORDER: Readonly<Record<ZoneCleaningStatus, number>> = { overdue: 0, due: 1, idle: 2, done: 3 };
const TASK_ORDER: Readonly<Record<CleaningTaskState, number>> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

const INSTANCE_ID =
	/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(.+):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/i;

const taskNotFound = () => err('CLEANING.TASK_NOT_FOUND', 'No such cleaning round in this estate.');

function countsOf(status: ZoneStatus): ZoneCounts {
	const counts = { upcoming: 0, due: 0, overdue: 0, done: 0 };
	for (const task of status.tasks) counts[task.state] += 1;
	return counts;
}

const conditionView = (condition: StoredCondition, today: LocalDate): ConditionView => ({
	id: condition.id,
	kind: condition.condition,
	from: condition.from,
	to: condition.to,
	zoneIds: condition.zoneIds === null ? null : [...condition.zoneIds],
	note: condition.note,
	setBy: condition.setBy,
	setAt: condition.setAt,
	endedBy: condition.endedBy,
	endedAt: condition.endedAt,
	active: condition.endedAt === null && condition.to >= today,
});

const periodOf = (condition: StoredCondition): ConditionPeriod =>
	ConditionPeriod.parse({
		condition: condition.condition,
		from: condition.from,
		to: condition.to,
		...(condition.zoneIds ? { zoneIds: condition.zoneIds } : {}),
		setBy: condition.setBy,
		...(condition.note ? { note: condition.note } : {}),
	});

/**
 * Cleaning (保洁): today's rounds per zone from the estate's plans and the conditions switched on (the domain's
 * schedule, 调休 working days included), each zone's status done / due / overdue, rounds marked done once, and
 * the extra-round conditions a supervisor switches on and off. Zone status changes are announced once each.
 */
export function createCleaningService(deps: CleaningServiceDeps) {
	const { db, now } = deps;

	async function contextOf(estateId: string, date: LocalDate, zoneIds?: readonly string[]) {
		const sla = await loadSlaContext(db, estateId);
		if (!sla)
			throw new Error(`estate ${estateId} has no row: principals are only issued for existing estates`);
		const [zones, plans, conditions] = await Promise.all([
			listCleaningZones(db, estateId, zoneIds),
			listCleaningPlans(db, estateId),
			activeConditionsBetween(db, estateId, date, date),
		]);
		const instances = cleaningTasksFor(zones, plans, date, sla.timeZone, conditions.map(periodOf), {
			isWorkingDay: (day) => workingHoursOn(sla.calendar, day).length > 0,
		});
		return { timeZone: sla.timeZone, zones, conditions, instances };
	}

	function zoneViews(
		zones: readonly StoredCleaningZone[],
		instances: readonly CleaningTaskInstance[],
		completions: readonly StoredCompletion[],
		at: Date,
	): CleaningZoneView[] {
		const completionOf = new Map(completions.map((completion) => [completion.taskInstanceId, completion]));
		const domainCompletions = completions.map(domainCompletionOf);
		return zones
			.map((zone): CleaningZoneView => {
				const status = zoneStatus(
					instances.filter((instance) => instance.zoneId === zone.id),
					domainCompletions,
					at,
				);
				const tasks = status.tasks
					.map((progress): CleaningTaskView => {
						const stored = progress.completion ? completionOf.get(progress.instance.id) : undefined;
						return {
							id: progress.instance.id,
							taskId: progress.instance.taskId,
							taskName: progress.instance.taskName,
							windowStartsAt: progress.instance.windowStartsAt,
							dueAt: progress.instance.dueAt,
							reason: progress.instance.reason,
							state: progress.state,
							late: progress.late,
							completion: stored
								? {
										id: stored.id,
										doneAt: stored.doneAt,
										cleanerId: stored.cleanerId,
										photoAttachmentId: stored.photoAttachmentId,
										note: stored.note,
									}
								: null,
						};
					})
					.sort((a, b) => TASK_ORDER[a.state] - TASK_ORDER[b.state] || a.dueAt.getTime() - b.dueAt.getTime());
				return {
					zoneId: zone.id,
					name: zone.name,
					kind: zone.kind,
					buildingId: zone.buildingId,
					status: status.status,
					nextDueAt: status.nextDueAt,
					counts: countsOf(status),
					tasks,
				};
			})
			.sort(
				(a, b) =>
					ZONE_ORDER[a.status] - ZONE_ORDER[b.status] ||
					(a.nextDueAt?.getTime() ?? Infinity) - (b.nextDueAt?.getTime() ?? Infinity) ||
					a.name.localeCompare(b.name, 'zh-Hans'),
			);
	}

	function zoneStatusEvent(
		estateId: string,
		zone: CleaningZoneView,
		localDate: string,
		previous: ZoneCleaningStatus | null,
		at: Date,
	): NewOutboxEvent {
		const payload: ZoneStatusPayload = {
			zoneId: zone.zoneId,
			zoneName: zone.name,
			zoneKind: zone.kind,
			localDate,
			status: zone.status,
			previousStatus: previous,
			nextDueAt: zone.nextDueAt?.toISOString() ?? null,
			counts: zone.counts,
			at: at.toISOString(),
		};
		return {
			estateId,
			type: 'cleaning.zoneStatus',
			aggregateType: 'cleaningZone',
			aggregateId: zone.zoneId,
			payload,
			at,
		};
	}

	/** Announces every zone whose status differs from the one it was last announced with. */
	async function refreshZoneStatuses(estateId: string, at: Date): Promise<number> {
		const sla = await loadSlaContext(db, estateId);
		if (!sla) return 0;
		const today = localDateOf(at, sla.timeZone);
		const { zones, instances } = await contextOf(estateId, today);
		if (zones.length === 0) return 0;
		const [completions, announced] = await Promise.all([
			completionsOn(db, estateId, today),
			zoneStatesOf(db, estateId),
		]);
		const changed = zoneViews(zones, instances, completions, at).filter((zone) => {
			const last = announced.get(zone.zoneId);
			return !last || last.localDate !== today || last.status !== zone.status;
		});
		if (changed.length === 0) return 0;
		await db.transaction(async (tx) => {
			await saveZoneStates(
				tx,
				estateId,
				changed.map((zone) => ({ zoneId: zone.zoneId, localDate: today, status: zone.status })),
				at,
			);
			await deps.appendEvents(
				tx,
				changed.map((zone) => {
					const last = announced.get(zone.zoneId);
					return zoneStatusEvent(estateId, zone, today, last?.localDate === today ? last.status : null, at);
				}),
			);
		});
		return changed.length;
	}

	function conditionEvent(
		estateId: string,
		type: 'cleaning.conditionSwitchedOn' | 'cleaning.conditionSwitchedOff',
		condition: StoredCondition,
		by: string,
		at: Date,
	): NewOutboxEvent {
		const payload: ConditionPayload = {
			conditionId: condition.id,
			kind: condition.condition,
			from: condition.from,
			to: condition.to,
			zoneIds: condition.zoneIds,
			note: condition.note,
			by,
			at: at.toISOString(),
		};
		return { estateId, type, aggregateType: 'cleaningCondition', aggregateId: condition.id, payload, at };
	}

	return {
		refreshZoneStatuses,

		/** Every cleaning zone's rounds of `date` (today by default) with their state as of now. */
		async day(estateId: string, date: LocalDate | undefined): Promise<CleaningDay> {
			const at = now();
			const sla = await loadSlaContext(db, estateId);
			if (!sla) throw new Error(`estate ${estateId} has no row`);
			const today = localDateOf(at, sla.timeZone);
			const day = date ?? today;
			const { zones, instances, conditions } = await contextOf(estateId, day);
			const completions = await completionsOn(db, estateId, day);
			return {
				date: day,
				timeZone: sla.timeZone,
				evaluatedAt: at,
				conditions: conditions.map((condition) => conditionView(condition, today)),
				zones: zoneViews(zones, instances, completions, at),
			};
		},

		/**
		 * Marks one round done. The round must be one the domain schedules for its zone, and its window must have
		 * opened (the morning sweep does not count for the evening round). A second "done" for the same round
		 * answers the first completion and changes nothing.
		 */
		async markDone(
			estateId: string,
			cleaner: { readonly staffId: string; readonly deviceId: string | null; readonly actor: Actor },
			taskInstanceId: string,
			input: MarkDoneInput,
			requestId: string | null,
		): Promise<Result<{ task: CleaningTaskView; zone: CleaningZoneView; duplicate: boolean }, DomainError>> {
			const at = now();
			const parts = INSTANCE_ID.exec(taskInstanceId);
			const dueAt = parts ? new Date(parts[3] ?? '') : null;
			if (!parts || !dueAt || Number.isNaN(dueAt.getTime())) return taskNotFound();
			const sla = await loadSlaContext(db, estateId);
			if (!sla) throw new Error(`estate ${estateId} has no row`);
			const localDate = localDateOf(dueAt, sla.timeZone);
			const zoneId = parts[1] ?? '';
			const { zones, instances } = await contextOf(estateId, localDate, [zoneId]);
			const zone = zones[0];
			const instance = instances.find((candidate) => candidate.id === taskInstanceId);
			if (!zone || !instance) return taskNotFound();

			const answer = async (duplicate: boolean) => {
				const completions = await completionsOn(db, estateId, localDate);
				const [view] = zoneViews([zone], instances, completions, now());
				const task = view?.tasks.find((candidate) => candidate.id === taskInstanceId);
				if (!view || !task) throw new Error(`round ${taskInstanceId} vanished from its zone`);
				return { task, zone: view, duplicate };
			};
			const earlier = await findCompletion(db, estateId, taskInstanceId);
			if (earlier) return ok(await answer(true));

			const doneAt = input.doneAt ?? at;
			if (doneAt.getTime() > at.getTime() + DONE_FUTURE_SKEW_MS) {
				return err('CLEANING.DONE_IN_FUTURE', "The completion's time is ahead of the server's clock.", {
					path: ['doneAt'],
				});
			}
			if (input.photoAttachmentId !== undefined) {
				const photo = isUuid(input.photoAttachmentId)
					? await findAttachmentMeta(db, estateId, input.photoAttachmentId)
					: null;
				if (!photo)
					return err('ATTACHMENT.NOT_FOUND', 'No such photo in this estate: upload it first.', {
						path: ['photoAttachmentId'],
					});
			}
			const completion: StoredCompletion = {
				id: deps.newId(),
				taskInstanceId,
				zoneId: zone.id,
				taskId: instance.taskId,
				localDate,
				dueAt: instance.dueAt,
				cleanerId: cleaner.staffId,
				deviceId: cleaner.deviceId,
				doneAt,
				receivedAt: at,
				photoAttachmentId: input.photoAttachmentId ?? null,
				note: input.note?.trim() || null,
			};
			const progress = taskProgress(instance, [domainCompletionOf(completion)], at);
			if (progress.state !== 'done') {
				return err('CLEANING.WINDOW_NOT_OPEN', 'This round cannot be done yet: its window has not opened.', {
					details: { windowStartsAt: instance.windowStartsAt.toISOString() },
				});
			}

			const before = await completionsOn(db, estateId, localDate);
			const announced = (await zoneStatesOf(db, estateId)).get(zone.id);
			const inserted = await db.transaction(async (tx) => {
				const row = await insertCompletion(tx, estateId, { ...completion, requestId });
				if (!row) return null;
				const [view] = zoneViews([zone], instances, [...before, row], at);
				if (!view) throw new Error(`zone ${zone.id} has no view`);
				const done: TaskDonePayload = {
					taskInstanceId,
					zoneId: zone.id,
					zoneName: zone.name,
					taskId: instance.taskId,
					taskName: instance.taskName,
					dueAt: instance.dueAt.toISOString(),
					doneAt: doneAt.toISOString(),
					late: progress.late,
					cleanerId: cleaner.staffId,
					photoAttachmentId: row.photoAttachmentId,
				};
				// The day of the zone's announced status may be another (a round of yesterday done late).
				const today = localDateOf(at, sla.timeZone);
				const events: NewOutboxEvent[] = [
					{
						estateId,
						type: 'cleaning.taskDone',
						aggregateType: 'cleaningZone',
						aggregateId: zone.id,
						payload: done,
						at,
					},
					zoneStatusEvent(
						estateId,
						view,
						localDate,
						announced?.localDate === localDate ? announced.status : null,
						at,
					),
				];
				if (localDate === today)
					await saveZoneStates(tx, estateId, [{ zoneId: zone.id, localDate, status: view.status }], at);
				await deps.appendEvents(tx, events);
				return row;
			});
			return ok(await answer(inserted === null));
		},

		/** Conditions that are on, or were on in the last 30 days, newest first. */
		async conditions(estateId: string): Promise<ConditionView[]> {
			const sla = await loadSlaContext(db, estateId);
			if (!sla) throw new Error(`estate ${estateId} has no row`);
			const today = localDateOf(now(), sla.timeZone);
			const rows = await listConditionsSince(db, estateId, addDays(today, -30));
			return rows.map((condition) => conditionView(condition, today));
		},

		/** Switches a condition on (holiday, event, bad weather) for a range of days, the estate or some zones. */
		async switchOn(
			estateId: string,
			staffId: string,
			input: ConditionInput,
		): Promise<Result<ConditionView, DomainError>> {
			const at = now();
			const sla = await loadSlaContext(db, estateId);
			if (!sla) throw new Error(`estate ${estateId} has no row`);
			const today = localDateOf(at, sla.timeZone);
			const period = ConditionPeriod.safeParse({
				condition: input.kind,
				from: input.from,
				to: input.to,
				...(input.zones ? { zoneIds: input.zones } : {}),
				setBy: staffId,
				...(input.note?.trim() ? { note: input.note.trim() } : {}),
			});
			if (!period.success) {
				const issue = period.error.issues[0];
				return err('CLEANING.INVALID_CONDITION', issue?.message ?? 'The condition is not valid.', {
					path: (issue?.path ?? []).map((part) => (part === 'zoneIds' ? 'zones' : String(part))),
				});
			}
			if (input.to < today) {
				return err('CLEANING.CONDITION_IN_PAST', 'The period is over already: it would add no rounds.', {
					path: ['to'],
				});
			}
			if (input.zones) {
				const found = new Set(
					(await listCleaningZones(db, estateId, input.zones.filter(isUuid))).map(
						(zone) => zone.id as string,
					),
				);
				const stray = input.zones.findIndex((zoneId) => !found.has(zoneId));
				if (stray >= 0)
					return err('ZONE.NOT_FOUND', 'No such cleaning zone in this estate.', { path: ['zones', stray] });
			}
			const condition: StoredCondition = {
				id: deps.newId(),
				condition: input.kind,
				from: input.from,
				to: input.to,
				zoneIds: input.zones ? [...new Set(input.zones)] : null,
				note: input.note?.trim() || null,
				setBy: staffId,
				setAt: at,
				endedBy: null,
				endedAt: null,
			};
			await db.transaction(async (tx) => {
				await insertCondition(tx, estateId, condition);
				await deps.appendEvents(tx, [
					conditionEvent(estateId, 'cleaning.conditionSwitchedOn', condition, staffId, at),
				]);
			});
			// Extra rounds today change what the map shows now, not at the watch's next pass.
			await refreshZoneStatuses(estateId, at);
			return ok(conditionView(condition, today));
		},

		/** Switches a condition off before its end; the row stays with who did it and when. */
		async switchOff(
			estateId: string,
			staffId: string,
			id: string,
		): Promise<Result<ConditionView, DomainError>> {
			const at = now();
			const current = isUuid(id) ? await findCondition(db, estateId, id) : null;
			if (!current) return err('CLEANING.CONDITION_NOT_FOUND', 'No such condition.');
			if (current.endedAt !== null)
				return err('CLEANING.CONDITION_ENDED', 'This condition is already switched off.', {
					details: { endedAt: current.endedAt.toISOString() },
				});
			const ended: StoredCondition = { ...current, endedBy: staffId, endedAt: at };
			const written = await db.transaction(async (tx) => {
				if (!(await endCondition(tx, estateId, id, staffId, at))) return false;
				await deps.appendEvents(tx, [
					conditionEvent(estateId, 'cleaning.conditionSwitchedOff', ended, staffId, at),
				]);
				return true;
			});
			if (!written) return err('CLEANING.CONDITION_ENDED', 'This condition is already switched off.');
			await refreshZoneStatuses(estateId, at);
			const sla = await loadSlaContext(db, estateId);
			return ok(conditionView(ended, localDateOf(at, sla?.timeZone ?? 'Asia/Shanghai')));
		},

		/** One pass of the cleaning watch over every estate. */
		async refreshAll(
			at: Date,
		): Promise<{ estates: number; announced: number; failures: { estateId: string; error: unknown }[] }> {
			const estateIds = await listEstateIds(db);
			let announced = 0;
			const failures: { estateId: string; error: unknown }[] = [];
			for (const estateId of estateIds) {
				try {
					announced += await refreshZoneStatuses(estateId, at);
				} catch (error) {
					failures.push({ estateId, error });
				}
			}
			return { estates: estateIds.length, announced, failures };
		},
	};
}

export type CleaningService = ReturnType<typeof createCleaningService>;
