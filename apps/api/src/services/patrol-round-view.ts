import type {
	CheckpointFlag,
	CheckpointState,
	LngLat,
	RoundEvaluation,
	RoundStatus,
} from '@estate-ops/domain/patrols';
import type { StoredPatrolRound } from '../db/repositories/patrol-round.repository';

/** One checkpoint of a round as the console's patrol page and map layer show it. */
export type CheckpointProgress = {
	readonly checkpointId: string;
	readonly name: string;
	/** 1 for the first checkpoint of the route. */
	readonly sequence: number;
	readonly point: LngLat;
	readonly zoneId: string | null;
	readonly state: CheckpointState;
	readonly dueAt: Date;
	readonly lateAfter: Date;
	/** Unscanned past its tolerance while the window is still open: the guard is behind. */
	readonly behind: boolean;
	readonly scannedAt: Date | null;
	readonly guardId: string | null;
	readonly flags: CheckpointFlag[];
};

export type RoundCounts = Readonly<Record<CheckpointState, number>>;

/** A round with the state of each checkpoint, as evaluated at `evaluatedAt`. Codes are left out on purpose. */
export type RoundView = {
	readonly id: string;
	readonly routeId: string;
	readonly routeName: string;
	readonly localDate: string;
	readonly period: 'day' | 'night';
	readonly startsAt: Date;
	readonly windowEndsAt: Date;
	readonly assigneeId: string | null;
	readonly status: RoundStatus;
	readonly completion: number;
	readonly closedAt: Date | null;
	readonly evaluatedAt: Date;
	readonly counts: RoundCounts;
	readonly checkpoints: CheckpointProgress[];
};

export const emptyCounts = (): Record<CheckpointState, number> => ({
	visited: 0,
	late: 0,
	missed: 0,
	due: 0,
	upcoming: 0,
});

/** The view of `stored` evaluated as `evaluation` (which the caller made from the round's scans). */
export function roundView(
	stored: StoredPatrolRound,
	routeName: string,
	zoneOf: ReadonlyMap<string, string | null>,
	evaluation: RoundEvaluation,
): RoundView {
	const { round } = stored;
	const counts = emptyCounts();
	const pointOf = new Map(round.checkpoints.map((checkpoint) => [checkpoint.checkpointId, checkpoint.point]));
	const checkpoints = evaluation.checkpoints.map((outcome, index): CheckpointProgress => {
		counts[outcome.state] += 1;
		return {
			checkpointId: outcome.checkpointId,
			name: outcome.name,
			sequence: index + 1,
			point: [...(pointOf.get(outcome.checkpointId) ?? [0, 0])] as LngLat,
			zoneId: zoneOf.get(outcome.checkpointId) ?? null,
			state: outcome.state,
			dueAt: outcome.dueAt,
			lateAfter: outcome.lateAfter,
			behind: outcome.behind,
			scannedAt: outcome.scannedAt,
			guardId: outcome.guardId,
			flags: [...outcome.flags],
		};
	});
	return {
		id: round.id,
		routeId: round.routeId,
		routeName,
		localDate: round.localDate,
		period: round.period,
		startsAt: round.startsAt,
		windowEndsAt: round.windowEndsAt,
		assigneeId: stored.assigneeId,
		status: evaluation.status,
		completion: evaluation.completion,
		closedAt: stored.closedAt,
		evaluatedAt: evaluation.evaluatedAt,
		counts,
		checkpoints,
	};
}
