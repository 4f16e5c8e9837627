import { z } from 'zod';
import { Instant } from '../shared/time';
import { WorkOrderId } from '../shared/ids';
import { KpiAttribution } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import { meanFigure, rateFigure } from './kpi-figure';
import { meanOfRatings, ServiceRatings } from './service-ratings';

/**
 * A complaint (投诉) work order as the customer-service KPIs see it. Map one row per complaint:
 * - `personId`: the responsible person (首问负责人), the agent who took the complaint, not the technician;
 * - `feedbackAt`: when the follow-up visit (回访) recorded the resident's answer; null before it;
 * - `satisfied`: the resident's yes/no answer; null when not asked or not reached;
 * - `ratings`: the three survey ratings, null when not given.
 */
export const KpiComplaintRecord = KpiAttribution.extend({
	id: WorkOrderId,
	feedbackAt: Instant.nullable(),
	satisfied: z.boolean().nullable(),
	ratings: ServiceRatings.nullable(),
});
export type KpiComplaintRecord = z.infer<typeof KpiComplaintRecord>;

/** Complaint satisfaction (投诉满意率): satisfied answers / answers given. */
export function complaintSatisfactionRate(records: readonly KpiComplaintRecord[]): KpiFigure {
	return rateFigure(records, (r) => r.satisfied);
}

/** Mean rating of complaint follow-ups (1–5): each complaint's three ratings averaged, then the mean of those. */
export function complaintMeanRating(records: readonly KpiComplaintRecord[]): KpiFigure {
	return meanFigure(records, (r) => (r.ratings ? meanOfRatings(r.ratings) : null));
}
