import { AreaGeometry } from '@estate-ops/domain/estate';
import {
	type Datum,
	type FieldFix,
	type FieldRole,
	type FramePosition,
	type PositionFixReport,
	type RefusedFix,
	fieldPresence,
	fieldRoleOf,
	takeInFixes,
} from '@estate-ops/domain/positions';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import {
	type LatestPosition,
	type StoredFix,
	type TrackPoint,
	keptFixTimes,
	latestFixTime,
	latestPositions,
	trackOf,
	writeFixBatch,
} from '../db/repositories/position.repository';
import { findEstate } from '../db/repositories/site-plan.repository';
import { findStaffInEstate } from '../db/repositories/staff.repository';
import { toWgs84 } from './position-datum';
import { createPositionWriter, type PositionWriterOptions } from './position-writer';

/** Who is reporting: the staff member behind a field session or a field phone. */
export type PositionReporter = {
	readonly estateId: string;
	readonly personId: string;
	/** The field phone, when the report came with a device token. */
	readonly deviceId: string | null;
};

/** The answer to a report: how many fixes were kept and why the others were not. */
export type ReportOutcome = {
	readonly accepted: number;
	readonly duplicates: number;
	readonly outOfOrder: number;
	readonly refused: readonly (RefusedFix & { readonly path: string })[];
};

/** A person's latest position with what the map shows of it at `now`. */
export type PositionView = LatestPosition & { readonly stale: boolean; readonly outside: boolean };

/** Told of every person whose position changed, as soon as a report is taken in (the frames coalesce them). */
export type PositionListener = (estateId: string, position: FramePosition) => void;

export type PositionServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly writer?: PositionWriterOptions;
};

export const MAX_TRACK_MINUTES = 240;
/** Enough for four hours at one fix every 1.5 s; phones report every few seconds. */
const MAX_TRACK_POINTS = 10_000;

const NOT_FIELD_STAFF = 'POSITION.NOT_FIELD_STAFF';

/** The estate's boundary, or null when it has none the map could judge by (an empty polygon). */
export async function estateBoundary(db: Executor, estateId: string): Promise<AreaGeometry | null> {
	const estate = await findEstate(db, estateId);
	const parsed = AreaGeometry.safeParse(estate?.boundary);
	return parsed.success ? parsed.data : null;
}

/**
 * Field positions (DESIGN.md: high-rate telemetry is not an outbox event per fix). A report is converted to
 * WGS-84 at the edge, sorted out by the domain against the person's latest fix, written in batches by the
 * group-commit writer, and announced to the listeners (the coalesced `guard.positions` frames).
 *
 * The latest fix per person is known twice: in memory (what this instance took in, possibly not yet written)
 * and in `positions_latest` (what every instance wrote). A report is judged against the later of the two, so
 * a phone whose reports land on two instances is still judged right, and the database keeps both guards:
 * the track's key drops a fix resent to another instance, and the latest row never moves back.
 */
export function createPositionService(deps: PositionServiceDeps) {
	const { db, now } = deps;
	const writer = createPositionWriter((fixes) => writeFixBatch(db, fixes), deps.writer);
	/** Latest device time (ms) taken in here per person; dropped when its batch fails to be written. */
	const takenIn = new Map<string, number>();
	const listeners = new Set<PositionListener>();

	const laterOf = (stored: Date | null, personId: string): Date | null => {
		const local = takenIn.get(personId);
		if (local === undefined) return stored;
		return stored && stored.getTime() >= local ? stored : new Date(local);
	};

	async function fieldRoleOfPerson(estateId: string, personId: string): Promise<FieldRole | null> {
		const person = await findStaffInEstate(db, estateId, personId);
		return person?.active ? fieldRoleOf(person.roles) : null;
	}

	return {
		/**
		 * Takes in one report of one person. Answers once the accepted fixes are written (group commit), so a
		 * phone may drop what it sent as soon as it hears back; a failed write answers with an error and
		 * forgets the fixes here, so that the phone's retry is taken in again rather than called a duplicate.
		 */
		async report(
			reporter: PositionReporter,
			fixes: readonly PositionFixReport[],
		): Promise<Result<ReportOutcome, DomainError>> {
			const receivedAt = now();
			const role = await fieldRoleOfPerson(reporter.estateId, reporter.personId);
			if (!role) {
				return err(NOT_FIELD_STAFF, 'Only active guards, cleaners and technicians report positions.');
			}
			const converted = fixes.map((fix): FieldFix & { datum: Datum } => {
				const datum = fix.datum ?? 'wgs84';
				return {
					at: fix.deviceTime,
					point: toWgs84([fix.lng, fix.lat], datum),
					accuracyM: fix.accuracyM,
					headingDeg: fix.headingDeg ?? null,
					speedMps: fix.speedMps ?? null,
					batteryPct: fix.batteryPct ?? null,
					datum,
				};
			});
			const [storedLatest, boundary] = await Promise.all([
				latestFixTime(db, reporter.personId),
				estateBoundary(db, reporter.estateId),
			]);
			const before = laterOf(storedLatest, reporter.personId);
			// Only an older fix can be a resend of one already kept; ask the track about those alone.
			const older = before ? converted.filter((fix) => fix.at <= before).map((fix) => fix.at) : [];
			const alreadyKept = await keptFixTimes(db, reporter.personId, older);

			// No await from here to the write: the judgement and the memory move together.
			const intake = takeInFixes(laterOf(storedLatest, reporter.personId), converted, receivedAt, {
				alreadyKept,
			});
			const newest = intake.accepted.at(-1);
			if (newest) {
				takenIn.set(reporter.personId, newest.at.getTime());
				// Announced now, not after the write: the map lags the phone by a frame, not by a batch.
				const presence = fieldPresence(newest, receivedAt, boundary);
				const position: FramePosition = {
					personId: reporter.personId,
					role,
					lng: newest.point[0],
					lat: newest.point[1],
					accuracyM: newest.accuracyM,
					headingDeg: newest.headingDeg,
					at: newest.at,
					...presence,
				};
				for (const listener of listeners) listener(reporter.estateId, position);
			}
			const rows: StoredFix[] = intake.accepted.map((fix) => ({
				estateId: reporter.estateId,
				personId: reporter.personId,
				role,
				deviceId: reporter.deviceId,
				deviceTime: fix.at,
				receivedAt,
				lng: fix.point[0],
				lat: fix.point[1],
				accuracyM: fix.accuracyM,
				headingDeg: fix.headingDeg,
				speedMps: fix.speedMps,
				batteryPct: fix.batteryPct,
				reportedDatum: fix.datum,
			}));
			try {
				await writer.write(rows);
			} catch (error) {
				takenIn.delete(reporter.personId);
				throw error;
			}
			return ok({
				accepted: intake.accepted.length,
				duplicates: intake.duplicates,
				outOfOrder: intake.outOfOrder,
				refused: intake.refused.map((refusal) => ({
					...refusal,
					path: `fixes.${refusal.index}.deviceTime`,
				})),
			});
		},

		/** Everyone of the estate who ever reported, with stale and outside judged at `now`. */
		async latest(estateId: string): Promise<{ at: Date; positions: PositionView[] }> {
			const at = now();
			const [positions, boundary] = await Promise.all([
				latestPositions(db, estateId),
				estateBoundary(db, estateId),
			]);
			return {
				at,
				positions: positions.map((position) => ({
					...position,
					...fieldPresence({ at: position.deviceTime, point: [position.lng, position.lat] }, at, boundary),
				})),
			};
		},

		/** A person's track over the last `minutes` (at most four hours), oldest first; null for no such person. */
		async track(
			estateId: string,
			personId: string,
			minutes: number,
		): Promise<{ from: Date; to: Date; points: TrackPoint[] } | null> {
			const person = await findStaffInEstate(db, estateId, personId);
			if (!person) return null;
			const to = now();
			const from = new Date(to.getTime() - Math.min(minutes, MAX_TRACK_MINUTES) * 60_000);
			const points = await trackOf(db, { estateId, personId, since: from, limit: MAX_TRACK_POINTS });
			return { from, to, points };
		},

		/** Subscribes to taken-in positions; returns the unsubscribe. */
		onPosition(listener: PositionListener): () => void {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},

		/** Writes the fixes waiting for their batch (tests, and before the track is read at once). */
		flush: () => writer.flush(),

		/** Writes what is queued and takes no more reports: call before the database closes. */
		close: () => writer.close(),
	};
}

export type PositionService = ReturnType<typeof createPositionService>;
