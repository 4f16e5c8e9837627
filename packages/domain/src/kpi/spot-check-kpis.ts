import { z } from 'zod';
import { Instant } from '../shared/time';
import type { SubmittedSpotCheck } from '../quality/spot-check';
import type { StaffId } from '../shared/ids';
import { SpotCheckId } from '../shared/ids';
import type { TeamId } from './kpi-attribution';
import { KpiAttribution } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import { meanFigure, rateFigure } from './kpi-figure';

/**
 * A submitted spot-check (抽查) as the quality KPIs see it. `personId` and `teamId` are whoever answers
 * for the target (the cleaner of the zone, the guard of the route, or the person checked); `department`
 * is the template's, so cleaning's pass rate is the 'cleaning' department group.
 */
export const KpiSpotCheckRecord = KpiAttribution.extend({
	id: SpotCheckId,
	submittedAt: Instant,
	passed: z.boolean(),
	total: z.number().min(0).max(100),
});
export type KpiSpotCheckRecord = z.infer<typeof KpiSpotCheckRecord>;

/**
 * The KPI record of a submitted check. A check of a person is credited to that person unless `credit`
 * says otherwise; for a zone, building or route the api says who answers for it.
 */
export function kpiSpotCheckRecord(
	check: SubmittedSpotCheck,
	credit: { readonly personId?: StaffId | null; readonly teamId?: TeamId | null } = {},
): KpiSpotCheckRecord {
	const checkedPerson = check.target.kind === 'person' ? check.target.staffId : null;
	return {
		id: check.id,
		estateId: check.estateId,
		personId: credit.personId ?? checkedPerson,
		teamId: credit.teamId ?? null,
		department: check.department,
		submittedAt: check.submittedAt,
		passed: check.outcome.passed,
		total: check.outcome.total,
	};
}

/** Spot-check pass rate (抽查合格率): passed checks / submitted checks. */
export function spotCheckPassRate(records: readonly KpiSpotCheckRecord[]): KpiFigure {
	return rateFigure(records, (r) => r.passed);
}

/** Mean spot-check total (平均得分, 0–100). */
export function spotCheckMeanScore(records: readonly KpiSpotCheckRecord[]): KpiFigure {
	return meanFigure(records, (r) => r.total);
}
