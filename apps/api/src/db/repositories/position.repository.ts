import { FieldRole } from '@estate-ops/domain/positions';
import { and, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { positionFixes, positionsLatest, staff } from '../schema/index';

/** One accepted fix as stored: WGS-84, the device's time and when the api received it. */
export type StoredFix = {
	readonly estateId: string;
	readonly personId: string;
	readonly role: FieldRole;
	readonly deviceId: string | null;
	readonly deviceTime: Date;
	readonly receivedAt: Date;
	readonly lng: number;
	readonly lat: number;
	readonly accuracyM: number;
	readonly headingDeg: number | null;
	readonly speedMps: number | null;
	readonly batteryPct: number | null;
	readonly reportedDatum: string;
};

export type LatestPosition = Omit<StoredFix, 'reportedDatum'> & { readonly displayName: string };

export type TrackPoint = Pick<
	StoredFix,
	'deviceTime' | 'lng' | 'lat' | 'accuracyM' | 'headingDeg' | 'speedMps' | 'batteryPct'
>;

/** The device time of a person's latest stored fix, or null before their first. */
export async function latestFixTime(db: Executor, personId: string): Promise<Date | null> {
	const [row] = await db
		.select({ deviceTime: positionsLatest.deviceTime })
		.from(positionsLatest)
		.where(eq(positionsLatest.personId, personId));
	return row?.deviceTime ?? null;
}

/** Which of these device times the person's track already holds (epoch ms). */
export async function keptFixTimes(
	db: Executor,
	personId: string,
	times: readonly Date[],
): Promise<Set<number>> {
	if (times.length === 0) return new Set();
	const rows = await db
		.select({ deviceTime: positionFixes.deviceTime })
		.from(positionFixes)
		.where(and(eq(positionFixes.personId, personId), inArray(positionFixes.deviceTime, [...times])));
	return new Set(rows.map((row) => row.deviceTime.getTime()));
}

/**
 * Writes one batch of accepted fixes in one transaction: appends them to the track (a fix already there,
 * resent to another instance, is skipped by the key) and moves each person's latest row forward, never back
 * (an instance that took an older fix after another took a newer one leaves the newer in place).
 */
export async function writeFixBatch(db: Executor, fixes: readonly StoredFix[]): Promise<void> {
	if (fixes.length === 0) return;
	const newestByPerson = new Map<string, StoredFix>();
	for (const fix of fixes) {
		const newest = newestByPerson.get(fix.personId);
		if (!newest || newest.deviceTime < fix.deviceTime) newestByPerson.set(fix.personId, fix);
	}
	await db.transaction(async (tx) => {
		await tx
			.insert(positionFixes)
			.values(
				fixes.map((fix) => ({
					estateId: fix.estateId,
					personId: fix.personId,
					deviceId: fix.deviceId,
					deviceTime: fix.deviceTime,
					receivedAt: fix.receivedAt,
					lng: fix.lng,
					lat: fix.lat,
					accuracyM: fix.accuracyM,
					headingDeg: fix.headingDeg,
					speedMps: fix.speedMps,
					batteryPct: fix.batteryPct,
					reportedDatum: fix.reportedDatum,
				})),
			)
			.onConflictDoNothing();
		const excluded = (column: string) => sql.raw(`excluded.${column}`);
		await tx
			.insert(positionsLatest)
			.values(
				[...newestByPerson.values()].map((fix) => ({
					personId: fix.personId,
					estateId: fix.estateId,
					role: fix.role,
					deviceId: fix.deviceId,
					deviceTime: fix.deviceTime,
					receivedAt: fix.receivedAt,
					lng: fix.lng,
					lat: fix.lat,
					accuracyM: fix.accuracyM,
					headingDeg: fix.headingDeg,
					speedMps: fix.speedMps,
					batteryPct: fix.batteryPct,
				})),
			)
			.onConflictDoUpdate({
				target: positionsLatest.personId,
				set: {
					estateId: excluded('estate_id'),
					role: excluded('role'),
					deviceId: excluded('device_id'),
					deviceTime: excluded('device_time'),
					receivedAt: excluded('received_at'),
					lng: excluded('lng'),
					lat: excluded('lat'),
					accuracyM: excluded('accuracy_m'),
					headingDeg: excluded('heading_deg'),
					speedMps: excluded('speed_mps'),
					batteryPct: excluded('battery_pct'),
				},
				setWhere: sql`${positionsLatest.deviceTime} < excluded.device_time`,
			});
	});
}

type LatestRow = typeof positionsLatest.$inferSelect;

const toLatest = (row: LatestRow, displayName: string): LatestPosition => ({
	estateId: row.estateId,
	personId: row.personId,
	role: FieldRole.parse(row.role),
	deviceId: row.deviceId,
	deviceTime: row.deviceTime,
	receivedAt: row.receivedAt,
	lng: row.lng,
	lat: row.lat,
	accuracyM: row.accuracyM,
	headingDeg: row.headingDeg,
	speedMps: row.speedMps,
	batteryPct: row.batteryPct,
	displayName,
});

/** The latest fix of every person of the estate who ever reported one, newest first. */
export async function latestPositions(db: Executor, estateId: string): Promise<LatestPosition[]> {
	const rows = await db
		.select({ latest: positionsLatest, displayName: staff.displayName })
		.from(positionsLatest)
		.innerJoin(staff, eq(staff.id, positionsLatest.personId))
		.where(eq(positionsLatest.estateId, estateId))
		.orderBy(desc(positionsLatest.deviceTime));
	return rows.map((row) => toLatest(row.latest, row.displayName));
}

/** Everyone, in every estate, whose latest fix lies in `(after, upTo]`: who turned stale in a watch window. */
export async function latestFixedBetween(db: Executor, after: Date, upTo: Date): Promise<LatestPosition[]> {
	const rows = await db
		.select({ latest: positionsLatest, displayName: staff.displayName })
		.from(positionsLatest)
		.innerJoin(staff, eq(staff.id, positionsLatest.personId))
		.where(and(gt(positionsLatest.deviceTime, after), lte(positionsLatest.deviceTime, upTo)));
	return rows.map((row) => toLatest(row.latest, row.displayName));
}

/** A person's track since `since`, oldest first: the latest `limit` fixes when there are more. */
export async function trackOf(
	db: Executor,
	query: {
		readonly estateId: string;
		readonly personId: string;
		readonly since: Date;
		readonly limit: number;
	},
): Promise<TrackPoint[]> {
	const newestFirst = await db
		.select({
			deviceTime: positionFixes.deviceTime,
			lng: positionFixes.lng,
			lat: positionFixes.lat,
			accuracyM: positionFixes.accuracyM,
			headingDeg: positionFixes.headingDeg,
			speedMps: positionFixes.speedMps,
			batteryPct: positionFixes.batteryPct,
		})
		.from(positionFixes)
		.where(
			and(
				eq(positionFixes.personId, query.personId),
				eq(positionFixes.estateId, query.estateId),
				gte(positionFixes.deviceTime, query.since),
			),
		)
		.orderBy(desc(positionFixes.deviceTime))
		.limit(query.limit);
	return newestFirst.reverse();
}
