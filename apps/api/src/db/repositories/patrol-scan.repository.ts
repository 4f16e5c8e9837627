import type { CheckpointScan, PatrolFinding, ScanMethod, ScanVerdict } from '@estate-ops/domain/patrols';
import { CheckpointId, StaffId } from '@estate-ops/domain/shared';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../database';
import { patrolCheckpoints, patrolRoutes, patrolScans, staff } from '../schema/index';

/** A scan as stored: what the guard's device sent, where it was (WGS-84) and the verdict it got. */
export type StoredScan = {
	readonly id: string;
	readonly estateId: string;
	readonly roundId: string;
	readonly routeId: string;
	readonly checkpointId: string;
	readonly guardId: string;
	readonly deviceId: string | null;
	readonly code: string;
	readonly method: ScanMethod;
	readonly scannedAt: Date;
	readonly receivedAt: Date;
	readonly point: readonly [number, number];
	readonly accuracyM: number;
	readonly reportedDatum: string;
	readonly verdict: ScanVerdict;
	readonly distanceMetres: number | null;
	readonly offPosition: boolean;
	readonly note: string | null;
	readonly findings: readonly PatrolFinding[];
};

type ScanRow = typeof patrolScans.$inferSelect;

const toStored = (row: ScanRow): StoredScan => ({
	id: row.id,
	estateId: row.estateId,
	roundId: row.roundId,
	routeId: row.routeId,
	checkpointId: row.checkpointId,
	guardId: row.guardId,
	deviceId: row.deviceId,
	code: row.code,
	method: row.method as ScanMethod,
	scannedAt: row.scannedAt,
	receivedAt: row.receivedAt,
	point: [row.lng, row.lat],
	accuracyM: row.accuracyM,
	reportedDatum: row.reportedDatum,
	verdict: row.verdict as ScanVerdict,
	distanceMetres: row.distanceMetres,
	offPosition: row.offPosition,
	note: row.note,
	findings: row.findings as PatrolFinding[],
});

/** The scan as the domain's round evaluation reads it. */
export const domainScanOf = (scan: StoredScan): CheckpointScan => ({
	checkpointId: CheckpointId.parse(scan.checkpointId),
	code: scan.code,
	at: scan.scannedAt,
	guardId: StaffId.parse(scan.guardId),
	position: [scan.point[0], scan.point[1]],
	method: scan.method,
});

export type NewScan = Omit<StoredScan, 'id'> & { readonly id: string; readonly requestId: string | null };

/** Stores a scan unless this guard's scan of this checkpoint in this round is already there (then null). */
export async function insertScan(tx: Executor, scan: NewScan): Promise<StoredScan | null> {
	const [row] = await tx
		.insert(patrolScans)
		.values({
			id: scan.id,
			estateId: scan.estateId,
			roundId: scan.roundId,
			routeId: scan.routeId,
			checkpointId: scan.checkpointId,
			guardId: scan.guardId,
			deviceId: scan.deviceId,
			code: scan.code,
			method: scan.method,
			scannedAt: scan.scannedAt,
			receivedAt: scan.receivedAt,
			lng: scan.point[0],
			lat: scan.point[1],
			accuracyM: scan.accuracyM,
			reportedDatum: scan.reportedDatum,
			verdict: scan.verdict,
			distanceMetres: scan.distanceMetres,
			offPosition: scan.offPosition,
			note: scan.note,
			findings: scan.findings as unknown,
			requestId: scan.requestId,
		})
		.onConflictDoNothing({ target: [patrolScans.guardId, patrolScans.checkpointId, patrolScans.roundId] })
		.returning();
	return row ? toStored(row) : null;
}

export async function findGuardScan(
	db: Executor,
	key: { readonly guardId: string; readonly checkpointId: string; readonly roundId: string },
): Promise<StoredScan | null> {
	const [row] = await db
		.select()
		.from(patrolScans)
		.where(
			and(
				eq(patrolScans.guardId, key.guardId),
				eq(patrolScans.checkpointId, key.checkpointId),
				eq(patrolScans.roundId, key.roundId),
			),
		);
	return row ? toStored(row) : null;
}

/** The scans of some rounds, oldest first. */
export async function scansOfRounds(db: Executor, roundIds: readonly string[]): Promise<StoredScan[]> {
	if (roundIds.length === 0) return [];
	const rows = await db
		.select()
		.from(patrolScans)
		.where(inArray(patrolScans.roundId, [...roundIds]))
		.orderBy(asc(patrolScans.scannedAt), asc(patrolScans.id));
	return rows.map(toStored);
}

/** The patrol log's lines: scans in `[from, to)` with their route, checkpoint and guard names. */
export async function scansBetween(db: Executor, estateId: string, from: Date, to: Date) {
	const rows = await db
		.select({
			scan: patrolScans,
			routeName: patrolRoutes.name,
			checkpointName: patrolCheckpoints.name,
			guardName: staff.displayName,
		})
		.from(patrolScans)
		.innerJoin(patrolRoutes, eq(patrolRoutes.id, patrolScans.routeId))
		.innerJoin(patrolCheckpoints, eq(patrolCheckpoints.id, patrolScans.checkpointId))
		.innerJoin(staff, eq(staff.id, patrolScans.guardId))
		.where(
			and(
				eq(patrolScans.estateId, estateId),
				gte(patrolScans.scannedAt, from),
				lt(patrolScans.scannedAt, to),
			),
		)
		.orderBy(asc(patrolScans.scannedAt), asc(patrolScans.id));
	return rows.map((row) => ({
		scan: toStored(row.scan),
		routeName: row.routeName,
		checkpointName: row.checkpointName,
		guardName: row.guardName,
	}));
}
