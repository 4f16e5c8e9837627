import { z } from 'zod';
import type { WireEvent } from '$lib/api/events';
import { RoundStatus } from './patrols-api';
import type { CheckpointState, RoundCheckpoint, RoundsOfDay, RoundView, RouteDay } from './patrols-api';

/** What a patrol event did to the rounds on screen, and whether only a fresh read can say the rest. */
export type RoundsOutcome = {
	readonly rounds: readonly RoundView[];
	/** A round or route we do not hold changed (a new round, an edited route): read them again. */
	readonly reload: boolean;
};

const Iso = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const Visited = z.object({
	roundId: z.string(),
	checkpointId: z.string(),
	guardId: z.string(),
	scannedAt: Iso,
	state: z.enum(['visited', 'late']),
	offPosition: z.boolean(),
	roundStatus: RoundStatus,
	completion: z.number(),
});
const CheckpointRef = z.object({ roundId: z.string(), checkpointId: z.string() });
const RoundRef = z.object({ roundId: z.string() });
const Closed = z.object({ roundId: z.string(), status: RoundStatus, completion: z.number() });

export const isPatrolEvent = (event: Pick<WireEvent, 'type'>): boolean => event.type.startsWith('patrol.');

const countsOf = (checkpoints: readonly RoundCheckpoint[]): Record<CheckpointState, number> => {
	const counts: Record<CheckpointState, number> = { visited: 0, late: 0, missed: 0, due: 0, upcoming: 0 };
	for (const checkpoint of checkpoints) counts[checkpoint.state]++;
	return counts;
};

function updateRound(
	rounds: readonly RoundView[],
	roundId: string,
	change: (round: RoundView) => RoundView,
): RoundsOutcome {
	const index = rounds.findIndex((round) => round.id === roundId);
	const round = rounds[index];
	if (!round) return { rounds, reload: true };
	const changed = change(round);
	const next = [...rounds];
	next[index] = { ...changed, counts: countsOf(changed.checkpoints) };
	return { rounds: next, reload: false };
}

const updateCheckpoint = (
	round: RoundView,
	checkpointId: string,
	change: (checkpoint: RoundCheckpoint) => RoundCheckpoint,
): RoundView => ({
	...round,
	checkpoints: round.checkpoints.map((checkpoint) =>
		checkpoint.checkpointId === checkpointId ? change(checkpoint) : checkpoint,
	),
});

/** The first scan decides a checkpoint (the domain's rule): a visit never goes back to due or missed. */
const scanned = (checkpoint: RoundCheckpoint): boolean =>
	checkpoint.state === 'visited' || checkpoint.state === 'late';

/**
 * Folds one patrol event into the rounds the map and the patrol page show, from the facts the event carries:
 * a checkpoint visited (on time or late), late while still unscanned, missed; a round missed or closed. An
 * event about a round not held, or a route edit, asks for a reload instead of guessing.
 */
export function applyPatrolEvent(rounds: readonly RoundView[], event: WireEvent): RoundsOutcome {
	switch (event.type) {
		case 'patrol.checkpointVisited': {
			const parsed = Visited.safeParse(event.payload);
			if (!parsed.success) return { rounds, reload: true };
			const visit = parsed.data;
			return updateRound(rounds, visit.roundId, (round) => ({
				...updateCheckpoint(round, visit.checkpointId, (checkpoint) =>
					scanned(checkpoint)
						? checkpoint
						: {
								...checkpoint,
								state: visit.state,
								behind: false,
								scannedAt: visit.scannedAt,
								guardId: visit.guardId,
								flags: visit.offPosition ? ['off_position'] : [],
							},
				),
				status: visit.roundStatus,
				completion: visit.completion,
			}));
		}
		case 'patrol.checkpointLate': {
			const parsed = CheckpointRef.safeParse(event.payload);
			if (!parsed.success) return { rounds, reload: true };
			const { roundId, checkpointId } = parsed.data;
			return updateRound(rounds, roundId, (round) =>
				updateCheckpoint(round, checkpointId, (checkpoint) =>
					scanned(checkpoint) ? checkpoint : { ...checkpoint, behind: true },
				),
			);
		}
		case 'patrol.checkpointMissed': {
			const parsed = CheckpointRef.safeParse(event.payload);
			if (!parsed.success) return { rounds, reload: true };
			const { roundId, checkpointId } = parsed.data;
			return updateRound(rounds, roundId, (round) =>
				updateCheckpoint(round, checkpointId, (checkpoint) =>
					scanned(checkpoint) ? checkpoint : { ...checkpoint, state: 'missed', behind: false },
				),
			);
		}
		case 'patrol.roundMissed': {
			const parsed = RoundRef.safeParse(event.payload);
			if (!parsed.success) return { rounds, reload: true };
			return updateRound(rounds, parsed.data.roundId, (round) => ({
				...round,
				status: 'missed',
				completion: 0,
				checkpoints: round.checkpoints.map((checkpoint) =>
					scanned(checkpoint) ? checkpoint : { ...checkpoint, state: 'missed', behind: false },
				),
			}));
		}
		case 'patrol.roundClosed': {
			const parsed = Closed.safeParse(event.payload);
			if (!parsed.success) return { rounds, reload: true };
			const closed = parsed.data;
			const outcome = updateRound(rounds, closed.roundId, (round) => ({
				...round,
				status: closed.status,
				completion: closed.completion,
				closedAt: new Date(event.at),
			}));
			// The next round of the route may already be open; only the api knows which.
			return { rounds: outcome.rounds, reload: true };
		}
		case 'patrol.roundLate':
		case 'patrol.scanNotCounted':
			return { rounds, reload: false };
		default:
			// patrol.routeCreated / routeUpdated / routeArchived, and anything newer than this console.
			return { rounds, reload: isPatrolEvent(event) };
	}
}

/**
 * The state to show at `now`: the api's, moved on by the clock where no event says so. A round's checkpoints
 * fall due when it starts, and an unscanned one is missed once the window closes (the api's watch will say so
 * too, a few seconds later).
 */
export function shownCheckpointState(
	checkpoint: Pick<RoundCheckpoint, 'state'>,
	round: Pick<RoundView, 'startsAt' | 'windowEndsAt'>,
	now: Date,
): CheckpointState {
	if (checkpoint.state === 'visited' || checkpoint.state === 'late' || checkpoint.state === 'missed')
		return checkpoint.state;
	if (now.getTime() >= round.windowEndsAt.getTime()) return 'missed';
	if (now.getTime() >= round.startsAt.getTime()) return 'due';
	return 'upcoming';
}

/** How urgent a checkpoint's state is for the control room: missed first, then late, behind, due, the rest. */
export const CHECKPOINT_ATTENTION: Readonly<Record<CheckpointState, number>> = {
	missed: 0,
	late: 1,
	due: 2,
	upcoming: 3,
	visited: 4,
};

/** A checkpoint of the day that went wrong: missed or late, with its round, for the patrol page's top list. */
export type CheckpointException = {
	readonly round: RoundView;
	readonly checkpoint: RoundCheckpoint;
	readonly state: 'missed' | 'late';
};

/** The day's missed checkpoints first, then the late ones, each newest first: what the desk follows up. */
export function checkpointExceptions(rounds: readonly RoundView[], now: Date): CheckpointException[] {
	const found: CheckpointException[] = [];
	for (const round of rounds)
		for (const checkpoint of round.checkpoints) {
			const state = shownCheckpointState(checkpoint, round, now);
			if (state === 'missed' || state === 'late') found.push({ round, checkpoint, state });
		}
	return found.sort(
		(a, b) =>
			CHECKPOINT_ATTENTION[a.state] - CHECKPOINT_ATTENTION[b.state] ||
			b.checkpoint.dueAt.getTime() - a.checkpoint.dueAt.getTime(),
	);
}

/** The day's rounds after one event: the open ones and each route's, folded alike; totals counted again. */
export function applyPatrolEventToDay(day: RoundsOfDay, event: WireEvent): { day: RoundsOfDay; reload: boolean } {
	if (!isPatrolEvent(event)) return { day, reload: false };
	const byId = new Map<string, RoundView>();
	for (const round of [...day.current, ...day.routes.flatMap((route) => route.rounds)]) byId.set(round.id, round);
	const outcome = applyPatrolEvent([...byId.values()], event);
	if (outcome.rounds.length === 0) return { day, reload: outcome.reload };
	const next = new Map(outcome.rounds.map((round) => [round.id, round]));
	const fresh = (round: RoundView): RoundView => next.get(round.id) ?? round;
	return {
		day: {
			...day,
			current: day.current.map(fresh),
			routes: day.routes.map((route) => {
				const rounds = route.rounds.map(fresh);
				return { ...route, rounds, totals: totalsOf(rounds) };
			}),
		},
		reload: outcome.reload,
	};
}

/** A route's day in numbers: rounds by status, checkpoints visited, late and missed. */
export function totalsOf(rounds: readonly RoundView[]): RouteDay['totals'] {
	const totals = {
		scheduled: 0,
		in_progress: 0,
		completed: 0,
		completed_with_issues: 0,
		missed: 0,
		checkpointsVisited: 0,
		checkpointsLate: 0,
		checkpointsMissed: 0,
	};
	for (const round of rounds) {
		totals[round.status] += 1;
		totals.checkpointsVisited += round.counts['visited'] ?? 0;
		totals.checkpointsLate += round.counts['late'] ?? 0;
		totals.checkpointsMissed += round.counts['missed'] ?? 0;
	}
	return totals;
}
