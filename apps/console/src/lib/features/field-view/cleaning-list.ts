import type { CleaningDay, CleaningTask, CleaningTaskState, CleaningZone } from './api/cleaning-api';

/** A round of cleaning with the zone it is in, as the cleaner's list shows it. */
export type CleaningItem = {
	readonly zoneId: string;
	readonly zoneName: string;
	readonly task: CleaningTask;
};

/** What to do first: overdue, then due, then later ones; done ones last. */
const ORDER: Readonly<Record<CleaningTaskState, number>> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/**
 * Today's cleaning rounds of every zone as one list in the order to do them: overdue first, then due, then
 * upcoming, each by its deadline; done ones at the end, latest done first.
 */
export function cleaningList(zones: readonly CleaningZone[]): CleaningItem[] {
	const items = zones.flatMap((zone) =>
		zone.tasks.map((task) => ({ zoneId: zone.zoneId, zoneName: zone.name, task })),
	);
	return items.sort((a, b) => {
		const byState = ORDER[a.task.state] - ORDER[b.task.state];
		if (byState !== 0) return byState;
		if (a.task.state === 'done')
			return (b.task.completion?.doneAt ?? '').localeCompare(a.task.completion?.doneAt ?? '');
		return a.task.dueAt.localeCompare(b.task.dueAt) || a.zoneName.localeCompare(b.zoneName);
	});
}

/** How many rounds are in each state. */
export function cleaningCounts(items: readonly CleaningItem[]): Record<CleaningTaskState, number> {
	const counts: Record<CleaningTaskState, number> = { overdue: 0, due: 0, upcoming: 0, done: 0 };
	for (const item of items) counts[item.task.state] += 1;
	return counts;
}

/** The day with one zone replaced by the api's newer picture of it (the answer to marking a round done). */
export const withZone = (day: CleaningDay, zone: CleaningZone): CleaningDay => ({
	...day,
	zones: day.zones.map((candidate) => (candidate.zoneId === zone.zoneId ? zone : candidate)),
});

/** The list cut where the cleaner reads it: what to do now (overdue, due), later rounds, and done ones. */
export function cleaningSections(items: readonly CleaningItem[]): {
	readonly now: CleaningItem[];
	readonly later: CleaningItem[];
	readonly done: CleaningItem[];
} {
	return {
		now: items.filter((item) => item.task.state === 'overdue' || item.task.state === 'due'),
		later: items.filter((item) => item.task.state === 'upcoming'),
		done: items.filter((item) => item.task.state === 'done'),
	};
}
