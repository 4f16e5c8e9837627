import type { KpiAttribution, KpiDimension } from './kpi-attribution';
import { dimensionKey } from './kpi-attribution';
import type { PeriodKey, PeriodUnit } from './period-key';
import { periodKey } from './period-key';

/** Records grouped by `keyOf`, groups in order of first appearance; records keyed null are left out. */
export function groupBy<R, K extends string = string>(
	records: readonly R[],
	keyOf: (record: R) => K | null | undefined,
): Map<K, R[]> {
	const groups = new Map<K, R[]>();
	for (const record of records) {
		const key = keyOf(record);
		if (key === null || key === undefined) continue;
		const group = groups.get(key);
		if (group) group.push(record);
		else groups.set(key, [record]);
	}
	return groups;
}

export type KpiGrouping = {
	readonly period: PeriodUnit;
	readonly dimension: KpiDimension;
	/** The estate's IANA zone: weeks and months start at its local midnight. */
	readonly timeZone: string;
};

export type KpiGroup<R> = {
	readonly period: PeriodUnit;
	readonly periodKey: PeriodKey;
	readonly dimension: KpiDimension;
	readonly groupKey: string;
	readonly records: readonly R[];
};

/**
 * Records grouped by period × dimension (e.g. each technician's resolved orders per ISO week), sorted by
 * period key, then group key. A record whose `instantOf` is null (an order not resolved yet) or that has
 * no key for the dimension (no team) is in no group.
 */
export function groupKpiRecords<R extends KpiAttribution>(
	records: readonly R[],
	instantOf: (record: R) => Date | null,
	grouping: KpiGrouping,
): KpiGroup<R>[] {
	const groups = groupBy(records, (record) => {
		const instant = instantOf(record);
		const group = dimensionKey(record, grouping.dimension);
		if (instant === null || group === null) return null;
		// A tab cannot occur in a period key, so it separates the two parts unambiguously.
		return `${periodKey(instant, grouping.period, grouping.timeZone)}\t${group}`;
	});
	return [...groups.entries()]
		.map(([key, members]): KpiGroup<R> => {
			const tab = key.indexOf('\t');
			return {
				period: grouping.period,
				periodKey: key.slice(0, tab),
				dimension: grouping.dimension,
				groupKey: key.slice(tab + 1),
				records: members,
			};
		})
		.sort((a, b) => compareText(a.periodKey, b.periodKey) || compareText(a.groupKey, b.groupKey));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
