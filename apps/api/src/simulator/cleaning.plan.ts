import type { Dice } from '../seed/random';
import type { Pace } from './pace';

/**
 * What a simulated cleaner (保洁员) does next: the open round of their zones that is due first, a while of
 * work there, and now and then a break first (so some rounds are done late). Pure: the cleaner actor feeds it
 * what `GET /api/v1/cleaning/today` says.
 */

/** A round as `GET /api/v1/cleaning/today` shows it (the fields the cleaner reads). */
export type CleaningTask = {
	readonly id: string;
	readonly taskName: string;
	readonly windowStartsAt: string;
	readonly dueAt: string;
	readonly state: 'upcoming' | 'due' | 'overdue' | 'done';
};

export type CleaningZone = {
	readonly zoneId: string;
	readonly name: string;
	readonly kind: string;
	readonly buildingId: string | null;
	readonly tasks: readonly CleaningTask[];
};

/**
 * Shares the zones out among `cleaners` people: a tower's corridors, lift and lobby go to one person, as
 * towers are in the demo roster, and the grounds (roads, greens, toilets, garbage points) are dealt out one
 * by one so nobody has them all.
 */
export function shareZones(
	zones: readonly Pick<CleaningZone, 'zoneId' | 'buildingId'>[],
	cleaners: number,
): string[][] {
	const shares: string[][] = Array.from({ length: cleaners }, () => []);
	if (cleaners === 0) return shares;
	const towers = [...new Set(zones.flatMap((zone) => (zone.buildingId === null ? [] : [zone.buildingId])))];
	let turn = 0;
	const deal = (zoneIds: string[]) => {
		shares[turn % cleaners]?.push(...zoneIds);
		turn += 1;
	};
	for (const tower of towers)
		deal(zones.filter((zone) => zone.buildingId === tower).map((zone) => zone.zoneId));
	for (const zone of zones.filter((candidate) => candidate.buildingId === null)) deal([zone.zoneId]);
	return shares;
}

/** The open round (window open, not done) of the cleaner's zones that is due first. */
export function nextCleaningTask(
	zones: readonly CleaningZone[],
	mine: ReadonlySet<string>,
	nowMs: number,
): { readonly zone: CleaningZone; readonly task: CleaningTask } | null {
	const open = zones
		.filter((zone) => mine.has(zone.zoneId))
		.flatMap((zone) =>
			zone.tasks
				.filter(
					(task) =>
						(task.state === 'due' || task.state === 'overdue') && Date.parse(task.windowStartsAt) <= nowMs,
				)
				.map((task) => ({ zone, task })),
		)
		.sort(
			(a, b) => Date.parse(a.task.dueAt) - Date.parse(b.task.dueAt) || a.task.id.localeCompare(b.task.id),
		);
	return open[0] ?? null;
}

/** Minutes of work a round takes by zone kind at `SIMULATE_SPEED` 1: a lift is quick, a road takes a while. */
const WORK_MINUTES: Readonly<Record<string, readonly [number, number]>> = {
	corridor: [12, 25],
	lift: [5, 10],
	lobby: [6, 12],
	road: [15, 30],
	green: [15, 30],
	toilet: [6, 12],
	garbage_point: [5, 10],
};

export function workDurationMs(kind: string, pace: Pace): number {
	const [min, max] = WORK_MINUTES[kind] ?? [8, 15];
	return pace.between(min * 60_000, max * 60_000);
}

/** Share of rounds before which the cleaner takes a break (and may finish late). */
export const BREAK_SHARE = 0.12;

/** A break before the next round, or none. */
export function breakBeforeMs(dice: Dice, pace: Pace): number {
	return dice.chance(BREAK_SHARE) ? pace.between(10 * 60_000, 25 * 60_000) : 0;
}
