import type { CheckpointId, StaffId } from '../shared/ids';
import type { CheckpointScan } from './checkpoint-scan';
import { haversineMetres } from './geo';
import type { PatrolRound, PatrolRoundId, RoundCheckpoint } from './patrol-round';

/**
 * - visited: scanned inside the window, no later than due + tolerance
 * - late: scanned after due + tolerance but before the window closed
 * - missed: the window is over and it was not scanned
 * - due: not scanned yet and the window is open
 * - upcoming: the round has not started
 */
export type CheckpointState = 'visited' | 'late' | 'missed' | 'due' | 'upcoming';

export type RoundStatus = 'scheduled' | 'in_progress' | 'completed' | 'completed_with_issues' | 'missed';

/** Why a scan did or did not count. Every scan gets one, so that the control room sees the odd ones. */
export type ScanVerdict =
	'visit' | 'late_visit' | 'repeat' | 'wrong_code' | 'unknown_checkpoint' | 'before_window' | 'after_window';

export type ClassifiedScan = {
	readonly scan: CheckpointScan;
	readonly verdict: ScanVerdict;
	/** The scan's position was further than the checkpoint's radius from the plate. */
	readonly offPosition: boolean;
	readonly distanceMetres: number | null;
};

export type CheckpointFlag = 'off_position';

export type CheckpointOutcome = {
	readonly checkpointId: CheckpointId;
	readonly name: string;
	readonly state: CheckpointState;
	readonly dueAt: Date;
	readonly lateAfter: Date;
	/** Still unscanned while past due + tolerance: the guard is behind. */
	readonly behind: boolean;
	readonly scannedAt: Date | null;
	readonly guardId: StaffId | null;
	readonly flags: readonly CheckpointFlag[];
};

export type RoundEvaluation = {
	readonly roundId: PatrolRoundId;
	readonly status: RoundStatus;
	/** Scanned checkpoints (on time or late) over all checkpoints, 0…1. */
	readonly completion: number;
	readonly evaluatedAt: Date;
	readonly windowEndsAt: Date;
	readonly checkpoints: readonly CheckpointOutcome[];
	readonly scans: readonly ClassifiedScan[];
};

const byTime = (a: CheckpointScan, b: CheckpointScan): number => a.at.getTime() - b.at.getTime();

function classify(
	round: PatrolRound,
	checkpoint: RoundCheckpoint | undefined,
	scan: CheckpointScan,
	alreadyVisited: boolean,
): ScanVerdict {
	if (!checkpoint) return 'unknown_checkpoint';
	if (scan.code !== checkpoint.code) return 'wrong_code';
	if (scan.at < round.startsAt) return 'before_window';
	if (scan.at >= round.windowEndsAt) return 'after_window';
	if (alreadyVisited) return 'repeat';
	return scan.at > checkpoint.lateAfter ? 'late_visit' : 'visit';
}

/**
 * Where a round stands at `now` given the scans received so far. The first valid scan of a checkpoint
 * decides it: a later scan can neither undo a visit nor make it late. A scan too far from the plate still
 * counts, flagged, because indoor fixes are often off by more than the radius; a supervisor judges it.
 */
export function evaluateRound(
	round: PatrolRound,
	scans: readonly CheckpointScan[],
	now: Date,
): RoundEvaluation {
	const checkpointsById = new Map(
		round.checkpoints.map((checkpoint) => [checkpoint.checkpointId, checkpoint]),
	);
	const firstVisit = new Map<CheckpointId, ClassifiedScan>();
	const classified = [...scans].sort(byTime).map((scan): ClassifiedScan => {
		const checkpoint = checkpointsById.get(scan.checkpointId);
		const verdict = classify(round, checkpoint, scan, firstVisit.has(scan.checkpointId));
		const distanceMetres =
			checkpoint && scan.position ? haversineMetres(scan.position, checkpoint.point) : null;
		const result: ClassifiedScan = {
			scan,
			verdict,
			offPosition:
				checkpoint !== undefined && distanceMetres !== null && distanceMetres > checkpoint.radiusMetres,
			distanceMetres,
		};
		if (verdict === 'visit' || verdict === 'late_visit') firstVisit.set(scan.checkpointId, result);
		return result;
	});

	const started = now >= round.startsAt;
	const windowOver = now >= round.windowEndsAt;
	const outcomes = round.checkpoints.map((checkpoint): CheckpointOutcome => {
		const visit = firstVisit.get(checkpoint.checkpointId);
		const state: CheckpointState = visit
			? visit.verdict === 'visit'
				? 'visited'
				: 'late'
			: windowOver
				? 'missed'
				: started
					? 'due'
					: 'upcoming';
		return {
			checkpointId: checkpoint.checkpointId,
			name: checkpoint.name,
			state,
			dueAt: checkpoint.dueAt,
			lateAfter: checkpoint.lateAfter,
			behind: state === 'due' && now > checkpoint.lateAfter,
			scannedAt: visit?.scan.at ?? null,
			guardId: visit?.scan.guardId ?? null,
			flags: visit?.offPosition ? ['off_position'] : [],
		};
	});

	const scanned = outcomes.filter(
		(outcome) => outcome.state === 'visited' || outcome.state === 'late',
	).length;
	return {
		roundId: round.id,
		status: roundStatus(outcomes, scanned, started, windowOver),
		completion: scanned / outcomes.length,
		evaluatedAt: now,
		windowEndsAt: round.windowEndsAt,
		checkpoints: outcomes,
		scans: classified,
	};
}

function roundStatus(
	outcomes: readonly CheckpointOutcome[],
	scanned: number,
	started: boolean,
	windowOver: boolean,
): RoundStatus {
	const allScanned = scanned === outcomes.length;
	if (allScanned || windowOver) {
		if (scanned === 0) return 'missed';
		const clean = outcomes.every((outcome) => outcome.state === 'visited' && outcome.flags.length === 0);
		return clean ? 'completed' : 'completed_with_issues';
	}
	return started ? 'in_progress' : 'scheduled';
}
