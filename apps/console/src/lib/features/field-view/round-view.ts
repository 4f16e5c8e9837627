import type { CheckpointProgress, CheckpointState, PatrolRound, RoundsOfDay } from './api/patrol-api';

/**
 * The rounds a guard walks now: the open rounds assigned to them; when none is, every round open now (the
 * estate's guards share unassigned rounds, and a guard standing in covers anyone's).
 */
export function roundsToWalk(current: readonly PatrolRound[], meId: string): PatrolRound[] {
	const mine = current.filter((round) => round.assigneeId === meId);
	const chosen = mine.length > 0 ? mine : [...current];
	return chosen.sort(
		(a, b) => a.startsAt.localeCompare(b.startsAt) || a.routeName.localeCompare(b.routeName),
	);
}

/** The next round of the day to open after `now`, for the screen between rounds. */
export function nextRound(day: RoundsOfDay, now: Date): { routeName: string; startsAt: string } | null {
	let next: { routeName: string; startsAt: string } | null = null;
	for (const route of day.routes)
		for (const round of route.rounds) {
			if (Date.parse(round.startsAt) <= now.getTime()) continue;
			if (next === null || round.startsAt < next.startsAt)
				next = { routeName: round.routeName, startsAt: round.startsAt };
		}
	return next;
}

/** One checkpoint as the guard's list shows it. */
export type CheckpointRow = {
	readonly checkpointId: string;
	readonly sequence: number;
	readonly name: string;
	readonly state: CheckpointState;
	/** The plate's code when this phone has scanned it; the api does not tell guards codes. */
	readonly code: string | null;
	readonly dueAt: string;
	readonly scannedAt: string | null;
	/** The first checkpoint still to visit: where to walk next. */
	readonly next: boolean;
	readonly behind: boolean;
	readonly offPosition: boolean;
};

const STILL_TO_VISIT: ReadonlySet<CheckpointState> = new Set(['due', 'upcoming']);

/** The round's checkpoints in walking order, with the next one to visit marked. */
export function checkpointRows(round: PatrolRound, codes: ReadonlyMap<string, string>): CheckpointRow[] {
	const ordered = [...round.checkpoints].sort((a, b) => a.sequence - b.sequence);
	const next = ordered.find((checkpoint) => STILL_TO_VISIT.has(checkpoint.state));
	return ordered.map((checkpoint: CheckpointProgress) => ({
		checkpointId: checkpoint.checkpointId,
		sequence: checkpoint.sequence,
		name: checkpoint.name,
		state: checkpoint.state,
		code: codes.get(checkpoint.checkpointId) ?? null,
		dueAt: checkpoint.dueAt,
		scannedAt: checkpoint.scannedAt,
		next: checkpoint === next,
		behind: checkpoint.behind,
		offPosition: checkpoint.flags.includes('off_position'),
	}));
}

/** How far the round has come: checkpoints visited (late ones included) out of all. */
export function roundProgress(round: PatrolRound): { readonly visited: number; readonly total: number } {
	const visited = round.checkpoints.filter(
		(checkpoint) => checkpoint.state === 'visited' || checkpoint.state === 'late',
	).length;
	return { visited, total: round.checkpoints.length };
}

/** The rounds with one replaced by a newer evaluation of it (the answer to a scan); others untouched. */
export const withRound = (rounds: readonly PatrolRound[], updated: PatrolRound): PatrolRound[] =>
	rounds.some((round) => round.id === updated.id)
		? rounds.map((round) => (round.id === updated.id ? updated : round))
		: [...rounds, updated];
