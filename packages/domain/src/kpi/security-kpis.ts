import { z } from 'zod';
import { Instant, minutesBetween } from '../shared/time';
import { KpiAttribution } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import { fraction, quantileFigure } from './kpi-figure';

/**
 * A patrol round (巡逻) as the security KPIs see it:
 * - `personId`: the guard who walked it;
 * - `startsAt`: the start of its time window, which decides its week and month;
 * - `finished`: its window is over (completed or not); rounds still under way are not measured;
 * - `visitedCheckpoints`: checkpoints scanned, late ones included, out of `scheduledCheckpoints`.
 */
export const KpiPatrolRoundRecord = KpiAttribution.extend({
	id: z.string().min(1).max(64),
	startsAt: Instant,
	finished: z.boolean(),
	scheduledCheckpoints: z.number().int().min(1),
	visitedCheckpoints: z.number().int().min(0),
}).refine((r) => r.visitedCheckpoints <= r.scheduledCheckpoints, {
	message: 'cannot visit more checkpoints than scheduled',
	path: ['visitedCheckpoints'],
});
export type KpiPatrolRoundRecord = z.infer<typeof KpiPatrolRoundRecord>;

/**
 * An incident (突发事件) as the security KPIs see it:
 * - `personId`: the guard who responded first;
 * - `respondingAt`: when someone started responding; null while nobody has.
 */
export const KpiIncidentRecord = KpiAttribution.extend({
	id: z.string().min(1).max(64),
	reportedAt: Instant,
	respondingAt: Instant.nullable(),
});
export type KpiIncidentRecord = z.infer<typeof KpiIncidentRecord>;

/** Patrol completion (巡逻完成率): Σ visited / Σ scheduled checkpoints over finished rounds. */
export function patrolCompletion(records: readonly KpiPatrolRoundRecord[]): KpiFigure {
	const finished = records.filter((r) => r.finished);
	const visited = finished.reduce((sum, r) => sum + r.visitedCheckpoints, 0);
	const scheduled = finished.reduce((sum, r) => sum + r.scheduledCheckpoints, 0);
	const ids = finished.map((r) => r.id);
	return fraction(
		visited,
		scheduled,
		ids,
		finished.filter((r) => r.visitedCheckpoints > 0).map((r) => r.id),
	);
}

/** Minutes from report to response; a response stamped before the report (device clocks) counts as 0. */
export function responseMinutes(record: KpiIncidentRecord): number | null {
	return record.respondingAt === null
		? null
		: Math.max(0, minutesBetween(record.reportedAt, record.respondingAt));
}

/** Median minutes from an incident's report to the first response; unanswered incidents are not measured. */
export function incidentResponseMedian(records: readonly KpiIncidentRecord[]): KpiFigure {
	return quantileFigure(records, responseMinutes, 0.5);
}

/** 90th-percentile minutes from an incident's report to the first response. */
export function incidentResponseP90(records: readonly KpiIncidentRecord[]): KpiFigure {
	return quantileFigure(records, responseMinutes, 0.9);
}
