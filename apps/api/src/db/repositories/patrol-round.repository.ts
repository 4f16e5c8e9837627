import { PatrolRound } from '@estate-ops/domain/patrols';
import type { RoundStatus } from '@estate-ops/domain/patrols';
import { and, asc, eq, gt, gte, inArray, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { patrolAlerts, patrolRounds, patrolScans } from '../schema/index';

/** A round as stored: the domain's round, its latest evaluation and whether it is over. */
export type StoredPatrolRound = {
	readonly round: PatrolRound;
	readonly assigneeId: string | null;
	readonly status: RoundStatus;
	readonly completion: number;
	readonly closedAt: Date | null;
};

type RoundRow = typeof patrolRounds.$inferSelect;

const toStored = (row: RoundRow): StoredPatrolRound => ({
	round: PatrolRound.parse(row.round),
	assigneeId: row.assigneeId,
	status: row.status as RoundStatus,
	completion: row.completion,
	closedAt: row.closedAt,
});

/** Stores rounds the domain generated; a round already stored (same id) is left as it is. */
export async function insertRounds(tx: Executor, rounds: readonly PatrolRound[]): Promise<number> {
	if (rounds.length === 0) return 0;
	const inserted = await tx
		.insert(patrolRounds)
		.values(
			rounds.map((round) => ({
				id: round.id,
				estateId: round.estateId,
				routeId: round.routeId,
				localDate: round.localDate,
				period: round.period,
				startsAt: round.startsAt,
				windowEndsAt: round.windowEndsAt,
				round: round as unknown,
				status: 'scheduled',
				completion: 0,
			})),
		)
		.onConflictDoNothing()
		.returning({ id: patrolRounds.id });
	return inserted.length;
}

/**
 * Forgets a route's rounds that start after `after` and have no scan yet, so that an edited route's next
 * rounds follow the new timetable and checkpoints.
 */
export async function deleteUpcomingRounds(tx: Executor, routeId: string, after: Date): Promise<void> {
	await tx.delete(patrolRounds).where(
		and(
			eq(patrolRounds.routeId, routeId),
			gt(patrolRounds.startsAt, after),
			notExists(
				tx
					.select({ one: sql`1` })
					.from(patrolScans)
					.where(eq(patrolScans.roundId, patrolRounds.id)),
			),
			notExists(
				tx
					.select({ one: sql`1` })
					.from(patrolAlerts)
					.where(eq(patrolAlerts.roundId, patrolRounds.id)),
			),
		),
	);
}

/** The estate's rounds of one local date, in start order. */
export async function listRoundsOn(
	db: Executor,
	estateId: string,
	localDate: string,
): Promise<StoredPatrolRound[]> {
	const rows = await db
		.select()
		.from(patrolRounds)
		.where(and(eq(patrolRounds.estateId, estateId), eq(patrolRounds.localDate, localDate)))
		.orderBy(asc(patrolRounds.startsAt), asc(patrolRounds.id));
	return rows.map(toStored);
}

/** Rounds whose window is open at `at`, whatever date they belong to. */
export async function listRoundsOpenAt(
	db: Executor,
	estateId: string,
	at: Date,
): Promise<StoredPatrolRound[]> {
	const rows = await db
		.select()
		.from(patrolRounds)
		.where(
			and(
				eq(patrolRounds.estateId, estateId),
				lte(patrolRounds.startsAt, at),
				gt(patrolRounds.windowEndsAt, at),
			),
		)
		.orderBy(asc(patrolRounds.startsAt), asc(patrolRounds.id));
	return rows.map(toStored);
}

/** Rounds that have started by `at` and are not closed yet: what the patrol watch evaluates. */
export async function listUnclosedRounds(
	db: Executor,
	estateId: string,
	at: Date,
): Promise<StoredPatrolRound[]> {
	const rows = await db
		.select()
		.from(patrolRounds)
		.where(
			and(eq(patrolRounds.estateId, estateId), isNull(patrolRounds.closedAt), lte(patrolRounds.startsAt, at)),
		)
		.orderBy(asc(patrolRounds.startsAt));
	return rows.map(toStored);
}

/** One route's rounds that start between `from` and `to`, in start order. */
export async function listRouteRoundsBetween(
	db: Executor,
	routeId: string,
	from: Date,
	to: Date,
): Promise<StoredPatrolRound[]> {
	const rows = await db
		.select()
		.from(patrolRounds)
		.where(
			and(
				eq(patrolRounds.routeId, routeId),
				gte(patrolRounds.startsAt, from),
				lte(patrolRounds.startsAt, to),
			),
		)
		.orderBy(asc(patrolRounds.startsAt));
	return rows.map(toStored);
}

export async function findRound(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredPatrolRound | null> {
	const [row] = await db
		.select()
		.from(patrolRounds)
		.where(and(eq(patrolRounds.estateId, estateId), eq(patrolRounds.id, id)));
	return row ? toStored(row) : null;
}

/** Records the latest evaluation of an open round, and closes it when `closedAt` is given. */
export async function updateRoundProgress(
	tx: Executor,
	progress: {
		readonly id: string;
		readonly status: RoundStatus;
		readonly completion: number;
		readonly closedAt: Date | null;
	},
): Promise<void> {
	await tx
		.update(patrolRounds)
		.set({ status: progress.status, completion: progress.completion, closedAt: progress.closedAt })
		.where(and(eq(patrolRounds.id, progress.id), isNull(patrolRounds.closedAt)));
}

/**
 * Stores alert keys and returns those that were new: the unique key is what makes each late, missed or closed
 * alert happen once, across passes, scans and instances.
 */
export async function insertPatrolAlertKeys(
	tx: Executor,
	alerts: readonly { key: string; estateId: string; roundId: string; type: string; at: Date }[],
): Promise<Set<string>> {
	if (alerts.length === 0) return new Set();
	const inserted = await tx
		.insert(patrolAlerts)
		.values(
			alerts.map((alert) => ({
				key: alert.key,
				estateId: alert.estateId,
				roundId: alert.roundId,
				type: alert.type,
				raisedAt: alert.at,
			})),
		)
		.onConflictDoNothing()
		.returning({ key: patrolAlerts.key });
	return new Set(inserted.map((row) => row.key));
}

/** The alerts raised for some rounds, oldest first. */
export async function alertsOfRounds(db: Executor, roundIds: readonly string[]) {
	if (roundIds.length === 0) return [];
	return db
		.select({
			key: patrolAlerts.key,
			roundId: patrolAlerts.roundId,
			type: patrolAlerts.type,
			raisedAt: patrolAlerts.raisedAt,
		})
		.from(patrolAlerts)
		.where(inArray(patrolAlerts.roundId, [...roundIds]))
		.orderBy(asc(patrolAlerts.raisedAt), asc(patrolAlerts.key));
}
