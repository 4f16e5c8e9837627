import type { Datum } from '@estate-ops/domain/positions';
import {
	evaluateRound,
	patrolLateAlerts,
	type CheckpointScan,
	type PatrolFinding,
	type ScanMethod,
} from '@estate-ops/domain/patrols';
import {
	CheckpointId,
	HOUR_MS,
	MINUTE_MS,
	StaffId,
	err,
	ok,
	type DomainError,
	type Result,
	addDays,
	localDateOf,
	zonedInstant,
} from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import { findAttachmentMetas } from '../db/repositories/attachment.repository';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import {
	insertPatrolAlertKeys,
	listRouteRoundsBetween,
	updateRoundProgress,
	type StoredPatrolRound,
} from '../db/repositories/patrol-round.repository';
import {
	estateTimeZone,
	findCheckpointByCode,
	findPatrolRoute,
} from '../db/repositories/patrol-route.repository';
import {
	domainScanOf,
	findGuardScan,
	insertScan,
	scansBetween,
	scansOfRounds,
	type StoredScan,
} from '../db/repositories/patrol-scan.repository';
import { isUuid } from '../db/repositories/site.repository';
import {
	isFinal,
	patrolAlertEvent,
	roundClosedEvent,
	roundClosedKey,
	type RoundContext,
} from './patrol-alert-events';
import { materialiseRounds } from './patrol-round.service';
import { roundView, type RoundView } from './patrol-round-view';
import { countsAsVisit, scanView, type ScanView } from './patrol-scan-view';
import { toWgs84 } from './position-datum';

/** A device clock may run a little ahead of ours; further than this, a scan's time is not believed. */
export const SCAN_FUTURE_SKEW_MS = 2 * MINUTE_MS;
/** Scans queued offline are accepted for this long; older ones no longer tell the control room anything. */
export const SCAN_MAX_AGE_MS = 48 * HOUR_MS;

export type ScanInput = {
	readonly checkpointCode: string;
	readonly scannedAt: Date;
	readonly lng: number;
	readonly lat: number;
	readonly accuracyM: number;
	readonly datum?: Datum | undefined;
	readonly method?: ScanMethod | undefined;
	readonly note?: string | undefined;
	readonly findings?: readonly PatrolFinding[] | undefined;
};

/** Who scans: the guard, and the field phone when it came from one. */
export type Scanner = { readonly guardId: string; readonly deviceId: string | null };

export type RecordedScan = {
	readonly scan: ScanView;
	readonly round: RoundView;
	/** The same guard had already scanned this checkpoint in this round: nothing new was stored. */
	readonly duplicate: boolean;
};

/** `patrol.checkpointVisited`: the first counting scan of a checkpoint in a round (the map marks it at once). */
export type CheckpointVisitedPayload = {
	readonly roundId: string;
	readonly routeId: string;
	readonly routeName: string;
	readonly checkpointId: string;
	readonly checkpointName: string;
	readonly point: readonly [number, number];
	readonly scanId: string;
	readonly guardId: string;
	readonly scannedAt: string;
	readonly state: 'visited' | 'late';
	readonly offPosition: boolean;
	readonly distanceMetres: number | null;
	readonly findings: number;
	readonly roundStatus: string;
	readonly completion: number;
};

/** `patrol.scanNotCounted`: a scan stored but not counted (before or after its window, another guard's repeat …). */
export type ScanNotCountedPayload = {
	readonly roundId: string;
	readonly routeId: string;
	readonly routeName: string;
	readonly checkpointId: string;
	readonly checkpointName: string;
	readonly scanId: string;
	readonly guardId: string;
	readonly scannedAt: string;
	readonly verdict: string;
};

export type PatrolScanServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

/**
 * The round a scan belongs to: the one whose window holds it; else the latest that had started (the guard is
 * after its window); else the first to come (before its window). The domain then says whether it counts.
 */
function roundOf(rounds: readonly StoredPatrolRound[], at: Date): StoredPatrolRound | undefined {
	const open = rounds.find((entry) => entry.round.startsAt <= at && at < entry.round.windowEndsAt);
	if (open) return open;
	return rounds.filter((entry) => entry.round.startsAt <= at).at(-1) ?? rounds[0];
}

/**
 * Guards' scans (巡更打卡): each is checked by the domain's round evaluation (before or after the window, a
 * repeat, too far from the plate), stored with its verdict, and announced at once; a retry of the same guard's
 * scan of the same checkpoint in the same round answers the first scan again.
 */
export function createPatrolScanService(deps: PatrolScanServiceDeps) {
	const { db, now } = deps;

	async function checkPhotos(
		estateId: string,
		findings: readonly PatrolFinding[],
	): Promise<Result<null, DomainError>> {
		const wanted = findings.flatMap((finding) =>
			finding.photoAttachmentId ? [finding.photoAttachmentId] : [],
		);
		const found = new Set(
			(await findAttachmentMetas(db, estateId, wanted.filter(isUuid))).map((meta) => meta.id),
		);
		const missing = findings.findIndex(
			(finding) => finding.photoAttachmentId !== undefined && !found.has(finding.photoAttachmentId),
		);
		return missing < 0
			? ok(null)
			: err('ATTACHMENT.NOT_FOUND', 'No such photo in this estate: upload it first.', {
					path: ['findings', missing, 'photoAttachmentId'],
				});
	}

	async function answer(
		stored: StoredPatrolRound,
		routeName: string,
		zoneOf: ReadonlyMap<string, string | null>,
		scan: StoredScan,
		duplicate: boolean,
	): Promise<RecordedScan> {
		const scans = await scansOfRounds(db, [stored.round.id]);
		const evaluation = evaluateRound(stored.round, scans.map(domainScanOf), now());
		return { scan: scanView(scan), round: roundView(stored, routeName, zoneOf, evaluation), duplicate };
	}

	return {
		async record(
			estateId: string,
			scanner: Scanner,
			input: ScanInput,
			requestId: string | null,
		): Promise<Result<RecordedScan, DomainError>> {
			const at = now();
			if (input.scannedAt.getTime() > at.getTime() + SCAN_FUTURE_SKEW_MS) {
				return err(
					'PATROL.SCAN_IN_FUTURE',
					"The scan's time is ahead of the server's clock: check the phone's time.",
					{
						path: ['scannedAt'],
					},
				);
			}
			if (input.scannedAt.getTime() < at.getTime() - SCAN_MAX_AGE_MS) {
				return err('PATROL.SCAN_TOO_OLD', 'Scans older than 48 hours are no longer accepted.', {
					path: ['scannedAt'],
				});
			}
			const code = input.checkpointCode.trim();
			const checkpoint = await findCheckpointByCode(db, estateId, code);
			if (!checkpoint) {
				return err('PATROL.UNKNOWN_CHECKPOINT', 'No checkpoint of this estate has this code.', {
					path: ['checkpointCode'],
				});
			}
			const findings = input.findings ?? [];
			const photos = await checkPhotos(estateId, findings);
			if (!photos.ok) return photos;
			const [route, timeZone] = await Promise.all([
				findPatrolRoute(db, estateId, checkpoint.routeId),
				estateTimeZone(db, estateId),
			]);
			if (!route || !timeZone) throw new Error(`checkpoint ${checkpoint.id} has no active route or estate`);

			// The job stores each day's rounds; a scan does not wait for it.
			const localDate = localDateOf(input.scannedAt, timeZone);
			await materialiseRounds(db, route, [addDays(localDate, -1), localDate], timeZone);
			const rounds = await listRouteRoundsBetween(
				db,
				route.route.id,
				new Date(input.scannedAt.getTime() - 2 * 24 * HOUR_MS),
				new Date(input.scannedAt.getTime() + 24 * HOUR_MS),
			);
			const stored = roundOf(rounds, input.scannedAt);
			if (!stored) {
				return err('PATROL.NO_ROUND', 'The route has no round this scan could belong to.', {
					path: ['scannedAt'],
				});
			}
			const { round } = stored;
			const routeName = route.route.name;
			const key = { guardId: scanner.guardId, checkpointId: checkpoint.id, roundId: round.id };
			const earlier = await findGuardScan(db, key);
			if (earlier) return ok(await answer(stored, routeName, route.zoneOf, earlier, true));

			const point = toWgs84([input.lng, input.lat], input.datum ?? 'wgs84');
			const scan: CheckpointScan = {
				checkpointId: CheckpointId.parse(checkpoint.id),
				code,
				at: input.scannedAt,
				guardId: StaffId.parse(scanner.guardId),
				position: point,
				method: input.method ?? 'qr',
			};
			const previous = await scansOfRounds(db, [round.id]);
			const evaluation = evaluateRound(round, [...previous.map(domainScanOf), scan], at);
			const classified = evaluation.scans.find((candidate) => candidate.scan === scan);
			if (!classified) throw new Error('the evaluation lost the scan it was given');

			const context: RoundContext = { round, routeName };
			const inserted = await db.transaction(async (tx) => {
				const row = await insertScan(tx, {
					id: deps.newId(),
					estateId,
					roundId: round.id,
					routeId: round.routeId,
					checkpointId: checkpoint.id,
					guardId: scanner.guardId,
					deviceId: scanner.deviceId,
					code,
					method: scan.method,
					scannedAt: input.scannedAt,
					receivedAt: at,
					point,
					accuracyM: input.accuracyM,
					reportedDatum: input.datum ?? 'wgs84',
					verdict: classified.verdict,
					distanceMetres: classified.distanceMetres,
					offPosition: classified.offPosition,
					note: input.note?.trim() || null,
					findings,
					requestId,
				});
				// A retry that raced this one stored first: answer with its scan, write nothing.
				if (!row) return null;

				const events: NewOutboxEvent[] = [];
				const outcome = evaluation.checkpoints.find((candidate) => candidate.checkpointId === checkpoint.id);
				if (classified.verdict === 'late_visit') {
					const late = patrolLateAlerts(evaluation).filter(
						(alert) => alert.type === 'patrol.checkpointLate' && alert.checkpointId === checkpoint.id,
					);
					const fresh = await insertPatrolAlertKeys(
						tx,
						late.map((alert) => ({
							key: alert.key,
							estateId,
							roundId: round.id,
							type: alert.type,
							at: alert.at,
						})),
					);
					events.push(
						...late
							.filter((alert) => fresh.has(alert.key))
							.map((alert) => patrolAlertEvent(alert, context, at)),
					);
				}
				if (countsAsVisit(classified.verdict) && outcome) {
					const payload: CheckpointVisitedPayload = {
						roundId: round.id,
						routeId: round.routeId,
						routeName,
						checkpointId: checkpoint.id,
						checkpointName: outcome.name,
						point: [point[0], point[1]],
						scanId: row.id,
						guardId: scanner.guardId,
						scannedAt: input.scannedAt.toISOString(),
						state: classified.verdict === 'late_visit' ? 'late' : 'visited',
						offPosition: classified.offPosition,
						distanceMetres: classified.distanceMetres,
						findings: findings.length,
						roundStatus: evaluation.status,
						completion: evaluation.completion,
					};
					events.push({
						estateId,
						type: 'patrol.checkpointVisited',
						aggregateType: 'patrolRound',
						aggregateId: round.id,
						payload,
						at,
					});
				} else {
					const payload: ScanNotCountedPayload = {
						roundId: round.id,
						routeId: round.routeId,
						routeName,
						checkpointId: checkpoint.id,
						checkpointName: checkpoint.name,
						scanId: row.id,
						guardId: scanner.guardId,
						scannedAt: input.scannedAt.toISOString(),
						verdict: classified.verdict,
					};
					events.push({
						estateId,
						type: 'patrol.scanNotCounted',
						aggregateType: 'patrolRound',
						aggregateId: round.id,
						payload,
						at,
					});
				}

				// The last checkpoint of a round closes it at once, without waiting for the watch.
				const closes = stored.closedAt === null && isFinal(evaluation);
				if (stored.closedAt === null) {
					await updateRoundProgress(tx, {
						id: round.id,
						status: evaluation.status,
						completion: evaluation.completion,
						closedAt: closes ? at : null,
					});
				}
				if (closes) {
					const key = roundClosedKey(round.id);
					const fresh = await insertPatrolAlertKeys(tx, [
						{ key, estateId, roundId: round.id, type: 'patrol.roundClosed', at },
					]);
					if (fresh.has(key)) events.push(roundClosedEvent(evaluation, context, at));
				}
				await deps.appendEvents(tx, events);
				return row;
			});
			const recorded = inserted ?? (await findGuardScan(db, key));
			if (!recorded) throw new Error('a scan that lost its insert race is not there either');
			return ok(await answer(stored, routeName, route.zoneOf, recorded, inserted === null));
		},

		/** The patrol log (巡逻记录) of a local date: every scan with its verdict, note and findings. */
		async log(estateId: string, date: string | undefined) {
			const timeZone = await estateTimeZone(db, estateId);
			if (!timeZone) throw new Error(`estate ${estateId} has no row`);
			const day = date ?? localDateOf(now(), timeZone);
			const from = zonedInstant(day, 0, timeZone);
			const to = zonedInstant(addDays(day, 1), 0, timeZone);
			const rows = await scansBetween(db, estateId, from, to);
			return {
				date: day,
				timeZone,
				entries: rows.map((row) => ({
					...scanView(row.scan),
					routeName: row.routeName,
					checkpointName: row.checkpointName,
					guardName: row.guardName,
				})),
			};
		},
	};
}

export type PatrolScanService = ReturnType<typeof createPatrolScanService>;
