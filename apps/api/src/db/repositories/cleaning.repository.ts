import {
	CleaningPlan,
	CleaningZone,
	CleaningZoneKind,
	type CleaningCondition,
	type CleaningCompletion,
	type CleaningTaskInstanceId,
	type ZoneCleaningStatus,
} from '@estate-ops/domain/cleaning';
import { StaffId } from '@estate-ops/domain/shared';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import {
	cleaningCompletions,
	cleaningConditions,
	cleaningPlans,
	cleaningZoneStates,
	zones,
} from '../schema/index';

/** A cleaning zone as the domain sees it, with its building (corridors and lifts belong to one). */
export type StoredCleaningZone = CleaningZone & { readonly buildingId: string | null };

/** The zones that have cleaning (corridors, lifts, roads, greens, toilets, garbage points, lobbies). */
export async function listCleaningZones(
	db: Executor,
	estateId: string,
	ids?: readonly string[],
): Promise<StoredCleaningZone[]> {
	if (ids?.length === 0) return [];
	const rows = await db
		.select()
		.from(zones)
		.where(
			and(
				eq(zones.estateId, estateId),
				inArray(zones.kind, [...CleaningZoneKind.options]),
				ids ? inArray(zones.id, [...ids]) : undefined,
			),
		)
		.orderBy(asc(zones.name), asc(zones.id));
	return rows.map((row) => ({
		...CleaningZone.parse({ id: row.id, estateId: row.estateId, kind: row.kind, name: row.name }),
		buildingId: row.buildingId,
	}));
}

export async function listCleaningPlans(db: Executor, estateId: string): Promise<CleaningPlan[]> {
	const rows = await db
		.select({ plan: cleaningPlans.plan })
		.from(cleaningPlans)
		.where(eq(cleaningPlans.estateId, estateId))
		.orderBy(asc(cleaningPlans.createdAt), asc(cleaningPlans.id));
	return rows.map((row) => CleaningPlan.parse(row.plan));
}

export async function insertCleaningPlans(
	tx: Executor,
	estateId: string,
	plans: readonly CleaningPlan[],
	at: Date,
): Promise<void> {
	if (plans.length === 0) return;
	await tx.insert(cleaningPlans).values(
		plans.map((plan) => ({
			estateId,
			zoneKind: plan.zoneKind,
			plan: plan as unknown,
			createdAt: at,
			updatedAt: at,
		})),
	);
}

/** A condition as stored: the domain's period plus who switched it on and, once off, who and when. */
export type StoredCondition = {
	readonly id: string;
	readonly condition: CleaningCondition;
	readonly from: string;
	readonly to: string;
	readonly zoneIds: readonly string[] | null;
	readonly note: string | null;
	readonly setBy: string;
	readonly setAt: Date;
	readonly endedBy: string | null;
	readonly endedAt: Date | null;
};

type ConditionRow = typeof cleaningConditions.$inferSelect;

const toCondition = (row: ConditionRow): StoredCondition => ({
	id: row.id,
	condition: row.condition as CleaningCondition,
	from: row.fromDate,
	to: row.toDate,
	zoneIds: row.zoneIds,
	note: row.note,
	setBy: row.setBy,
	setAt: row.setAt,
	endedBy: row.endedBy,
	endedAt: row.endedAt,
});

/** Conditions switched on (and not off) that cover some day of `[from, to]`. */
export async function activeConditionsBetween(
	db: Executor,
	estateId: string,
	from: string,
	to: string,
): Promise<StoredCondition[]> {
	const rows = await db
		.select()
		.from(cleaningConditions)
		.where(
			and(
				eq(cleaningConditions.estateId, estateId),
				isNull(cleaningConditions.endedAt),
				lte(cleaningConditions.fromDate, to),
				gte(cleaningConditions.toDate, from),
			),
		)
		.orderBy(asc(cleaningConditions.fromDate), asc(cleaningConditions.setAt));
	return rows.map(toCondition);
}

/** Every condition, on or off, that lasts until `since` or later: newest first. */
export async function listConditionsSince(
	db: Executor,
	estateId: string,
	since: string,
): Promise<StoredCondition[]> {
	const rows = await db
		.select()
		.from(cleaningConditions)
		.where(and(eq(cleaningConditions.estateId, estateId), gte(cleaningConditions.toDate, since)))
		.orderBy(desc(cleaningConditions.setAt), desc(cleaningConditions.id));
	return rows.map(toCondition);
}

export async function findCondition(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredCondition | null> {
	const [row] = await db
		.select()
		.from(cleaningConditions)
		.where(and(eq(cleaningConditions.estateId, estateId), eq(cleaningConditions.id, id)));
	return row ? toCondition(row) : null;
}

export async function insertCondition(
	tx: Executor,
	estateId: string,
	condition: Omit<StoredCondition, 'endedBy' | 'endedAt'>,
): Promise<void> {
	await tx.insert(cleaningConditions).values({
		id: condition.id,
		estateId,
		condition: condition.condition,
		fromDate: condition.from,
		toDate: condition.to,
		zoneIds: condition.zoneIds === null ? null : [...condition.zoneIds],
		note: condition.note,
		setBy: condition.setBy,
		setAt: condition.setAt,
	});
}

/** Switches a condition off; false when it was already off (someone else was first). */
export async function endCondition(
	tx: Executor,
	estateId: string,
	id: string,
	endedBy: string,
	at: Date,
): Promise<boolean> {
	const ended = await tx
		.update(cleaningConditions)
		.set({ endedBy, endedAt: at })
		.where(
			and(
				eq(cleaningConditions.estateId, estateId),
				eq(cleaningConditions.id, id),
				isNull(cleaningConditions.endedAt),
			),
		)
		.returning({ id: cleaningConditions.id });
	return ended.length > 0;
}

/** A completion as stored, with what the domain does not keep (note, device, when it arrived). */
export type StoredCompletion = {
	readonly id: string;
	readonly taskInstanceId: string;
	readonly zoneId: string;
	readonly taskId: string;
	readonly localDate: string;
	readonly dueAt: Date;
	readonly cleanerId: string;
	readonly deviceId: string | null;
	readonly doneAt: Date;
	readonly receivedAt: Date;
	readonly photoAttachmentId: string | null;
	readonly note: string | null;
};

type CompletionRow = typeof cleaningCompletions.$inferSelect;

const toCompletion = (row: CompletionRow): StoredCompletion => ({
	id: row.id,
	taskInstanceId: row.taskInstanceId,
	zoneId: row.zoneId,
	taskId: row.taskId,
	localDate: row.localDate,
	dueAt: row.dueAt,
	cleanerId: row.cleanerId,
	deviceId: row.deviceId,
	doneAt: row.doneAt,
	receivedAt: row.receivedAt,
	photoAttachmentId: row.photoAttachmentId,
	note: row.note,
});

/** The completion as the domain's zone status reads it. */
export const domainCompletionOf = (completion: StoredCompletion): CleaningCompletion => ({
	taskInstanceId: completion.taskInstanceId as CleaningTaskInstanceId,
	at: completion.doneAt,
	cleanerId: StaffId.parse(completion.cleanerId),
	...(completion.photoAttachmentId ? { photo: completion.photoAttachmentId } : {}),
});

export async function completionsOn(
	db: Executor,
	estateId: string,
	localDate: string,
): Promise<StoredCompletion[]> {
	const rows = await db
		.select()
		.from(cleaningCompletions)
		.where(and(eq(cleaningCompletions.estateId, estateId), eq(cleaningCompletions.localDate, localDate)))
		.orderBy(asc(cleaningCompletions.doneAt));
	return rows.map(toCompletion);
}

export async function findCompletion(
	db: Executor,
	estateId: string,
	taskInstanceId: string,
): Promise<StoredCompletion | null> {
	const [row] = await db
		.select()
		.from(cleaningCompletions)
		.where(
			and(eq(cleaningCompletions.estateId, estateId), eq(cleaningCompletions.taskInstanceId, taskInstanceId)),
		);
	return row ? toCompletion(row) : null;
}

/** Stores a completion unless the round already has one (then null: the first one stands). */
export async function insertCompletion(
	tx: Executor,
	estateId: string,
	completion: StoredCompletion & { readonly requestId: string | null },
): Promise<StoredCompletion | null> {
	const [row] = await tx
		.insert(cleaningCompletions)
		.values({ ...completion, estateId })
		.onConflictDoNothing({ target: [cleaningCompletions.estateId, cleaningCompletions.taskInstanceId] })
		.returning();
	return row ? toCompletion(row) : null;
}

export type ZoneStateRow = { readonly localDate: string; readonly status: ZoneCleaningStatus };

/** The status each zone was last announced with. */
export async function zoneStatesOf(db: Executor, estateId: string): Promise<Map<string, ZoneStateRow>> {
	const rows = await db.select().from(cleaningZoneStates).where(eq(cleaningZoneStates.estateId, estateId));
	return new Map(
		rows.map((row) => [row.zoneId, { localDate: row.localDate, status: row.status as ZoneCleaningStatus }]),
	);
}

export async function saveZoneStates(
	tx: Executor,
	estateId: string,
	states: readonly { zoneId: string; localDate: string; status: ZoneCleaningStatus }[],
	at: Date,
): Promise<void> {
	if (states.length === 0) return;
	await tx
		.insert(cleaningZoneStates)
		.values(states.map((state) => ({ ...state, estateId, changedAt: at })))
		.onConflictDoUpdate({
			target: cleaningZoneStates.zoneId,
			set: {
				localDate: sql`excluded.local_date`,
				status: sql`excluded.status`,
				changedAt: sql`excluded.changed_at`,
			},
		});
}
