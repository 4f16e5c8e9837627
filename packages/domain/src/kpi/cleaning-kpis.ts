import { z } from 'zod';
import { Instant } from '../shared/time';
import { CleaningTaskId } from '../shared/ids';
import { KpiAttribution } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import { rateFigure } from './kpi-figure';

/**
 * A cleaning task occurrence (保洁任务) as the cleaning KPIs see it, in the map's words:
 * - `personId`: the cleaner it was given to;
 * - `dueAt`: when it was due, which decides its week and month;
 * - `status`: done, overdue (its time passed undone) or due (its time has not come: not measured yet).
 */
export const KpiCleaningTaskRecord = KpiAttribution.extend({
	id: CleaningTaskId,
	dueAt: Instant,
	status: z.enum(['done', 'due', 'overdue']),
});
export type KpiCleaningTaskRecord = z.infer<typeof KpiCleaningTaskRecord>;

/** Task completion rate (任务完成率): done / (done + overdue). */
export function cleaningTaskCompletionRate(records: readonly KpiCleaningTaskRecord[]): KpiFigure {
	return rateFigure(records, (r) => {
		switch (r.status) {
			case 'done':
				return true;
			case 'overdue':
				return false;
			case 'due':
				return null;
		}
	});
}
