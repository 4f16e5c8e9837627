import type { Position } from '@estate-ops/domain/estate';
import type { Dice } from '../seed/random';
import type { Pace } from './pace';

/**
 * What a simulated guard on a route does next (巡更): wait for the route's round to open, set out a little
 * after its start (now and then late), walk the checkpoints in order and scan each, now and then passing one
 * by. Pure: the guard actor feeds it what `GET /api/v1/patrols/rounds` says and does what it returns.
 */

/** One checkpoint of a round as `GET /api/v1/patrols/rounds` shows it. */
export type RoundCheckpoint = {
	readonly checkpointId: string;
	readonly name: string;
	readonly sequence: number;
	readonly point: Position;
	readonly state: 'visited' | 'late' | 'missed' | 'due' | 'upcoming';
};

/** A round as `GET /api/v1/patrols/rounds` shows it (the fields the guard reads). */
export type Round = {
	readonly id: string;
	readonly routeId: string;
	readonly status: 'scheduled' | 'in_progress' | 'completed' | 'completed_with_issues' | 'missed';
	readonly startsAt: string;
	readonly windowEndsAt: string;
	readonly checkpoints: readonly RoundCheckpoint[];
};

/** The walk a guard has decided on for one round. */
export type RoundPlan = {
	readonly roundId: string;
	readonly windowEndsMs: number;
	/** When the guard sets out. */
	readonly setOutMs: number;
	/** Checkpoints still to scan, in the route's order. */
	readonly toVisit: readonly RoundCheckpoint[];
	/** The checkpoint passed by this time, if any: it will be missed. */
	readonly skipped: string | null;
};

/** Share of rounds in which the guard passes one checkpoint by without scanning it. */
export const SKIP_ONE_SHARE = 0.12;

/** The open round of the route, if its window is open at `nowMs` and it is not over. */
export function openRoundOf(current: readonly Round[], routeId: string, nowMs: number): Round | null {
	return (
		current.find(
			(round) =>
				round.routeId === routeId &&
				(round.status === 'scheduled' || round.status === 'in_progress') &&
				Date.parse(round.startsAt) <= nowMs &&
				nowMs < Date.parse(round.windowEndsAt),
		) ?? null
	);
}

/**
 * How long after a round opens the guard sets out: mostly within minutes, sometimes a quarter of an hour later
 * (the first checkpoints come out late), at `SIMULATE_SPEED` 1.
 */
export function setOutDelayMs(dice: Dice, pace: Pace): number {
	const late = dice.weighted([
		['prompt', 70],
		['unhurried', 22],
		['late', 8],
	] as const);
	const minutes = late === 'prompt' ? [0, 4] : late === 'unhurried' ? [5, 11] : [14, 22];
	return pace.between((minutes[0] ?? 0) * 60_000, (minutes[1] ?? 0) * 60_000);
}

/** Plans the round: what is left to scan, in order, and which one (not the first) the guard will pass by. */
export function planRound(round: Round, nowMs: number, dice: Dice, pace: Pace): RoundPlan {
	const left = [...round.checkpoints]
		.sort((a, b) => a.sequence - b.sequence)
		.filter((checkpoint) => checkpoint.state === 'due' || checkpoint.state === 'upcoming');
	const skippable = left.slice(1);
	const skipped =
		skippable.length > 0 && dice.chance(SKIP_ONE_SHARE) ? dice.pick(skippable).checkpointId : null;
	const setOutMs = Math.max(nowMs, Date.parse(round.startsAt) + setOutDelayMs(dice, pace));
	return {
		roundId: round.id,
		windowEndsMs: Date.parse(round.windowEndsAt),
		setOutMs,
		toVisit: left.filter((checkpoint) => checkpoint.checkpointId !== skipped),
		skipped,
	};
}

/** What the guard does now: wait to set out, walk to (and scan) the next checkpoint, or go back to base. */
export type PatrolStep =
	| { readonly kind: 'wait' }
	| { readonly kind: 'visit'; readonly checkpoint: RoundCheckpoint }
	| { readonly kind: 'done' };

export function nextPatrolStep(plan: RoundPlan, scanned: ReadonlySet<string>, nowMs: number): PatrolStep {
	if (nowMs >= plan.windowEndsMs) return { kind: 'done' };
	if (nowMs < plan.setOutMs) return { kind: 'wait' };
	const next = plan.toVisit.find((checkpoint) => !scanned.has(checkpoint.checkpointId));
	return next ? { kind: 'visit', checkpoint: next } : { kind: 'done' };
}
