import { z } from 'zod';
import { Instant } from '../shared/time';
import { WorkOrderId } from '../shared/ids';
import { KpiAttribution } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import { meanFigure, rateFigure } from './kpi-figure';
import { meanOfRatings, ServiceRatings } from './service-ratings';

/**
 * A work order as the technician KPIs see it. Map one row per order you want measured (e.g. repairs):
 * - `personId`: the assignee, the technician who did the work;
 * - `resolvedAt`: the latest resolution (已完成); null while open, including after a reopen;
 * - `resolveClockMet`: whether that resolution met the solution clock; null when the order had none;
 * - `reopenCount`: how many times the resident reopened it (返工);
 * - `ratings`: the resident's survey, null when not given.
 */
export const KpiWorkOrderRecord = KpiAttribution.extend({
	id: WorkOrderId,
	resolvedAt: Instant.nullable(),
	resolveClockMet: z.boolean().nullable(),
	reopenCount: z.number().int().min(0),
	ratings: ServiceRatings.nullable(),
});
export type KpiWorkOrderRecord = z.infer<typeof KpiWorkOrderRecord>;

/** On-time rate (及时率): resolved orders whose solution clock was met / resolved orders that had one. */
export function technicianOnTimeRate(records: readonly KpiWorkOrderRecord[]): KpiFigure {
	return rateFigure(records, (r) => (r.resolvedAt === null ? null : r.resolveClockMet));
}

/** Rework rate (返工率): resolved orders reopened at least once / resolved orders. */
export function technicianReworkRate(records: readonly KpiWorkOrderRecord[]): KpiFigure {
	return rateFigure(records, (r) => (r.resolvedAt === null ? null : r.reopenCount > 0));
}

/** Satisfaction (满意度, 1–5): each rated order's three ratings averaged, then the mean over rated orders. */
export function technicianSatisfaction(records: readonly KpiWorkOrderRecord[]): KpiFigure {
	return meanFigure(records, (r) => (r.ratings ? meanOfRatings(r.ratings) : null));
}
