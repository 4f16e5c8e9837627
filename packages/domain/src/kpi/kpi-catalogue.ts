import { z } from 'zod';
import type { KpiComplaintRecord } from './customer-service-kpis';
import { complaintMeanRating, complaintSatisfactionRate } from './customer-service-kpis';
import type { KpiCleaningTaskRecord } from './cleaning-kpis';
import { cleaningTaskCompletionRate } from './cleaning-kpis';
import type { KpiGroup } from './group-by';
import { groupKpiRecords } from './group-by';
import type { KpiAttribution, KpiDimension } from './kpi-attribution';
import type { KpiFigure } from './kpi-figure';
import type { PeriodKey, PeriodUnit } from './period-key';
import type { KpiIncidentRecord, KpiPatrolRoundRecord } from './security-kpis';
import { incidentResponseMedian, incidentResponseP90, patrolCompletion } from './security-kpis';
import type { KpiSpotCheckRecord } from './spot-check-kpis';
import { spotCheckMeanScore, spotCheckPassRate } from './spot-check-kpis';
import type { KpiWorkOrderRecord } from './technician-kpis';
import { technicianOnTimeRate, technicianReworkRate, technicianSatisfaction } from './technician-kpis';

export const KpiId = z.enum([
	'complaintSatisfactionRate',
	'complaintMeanRating',
	'technicianOnTimeRate',
	'technicianReworkRate',
	'technicianSatisfaction',
	'patrolCompletion',
	'incidentResponseMedian',
	'incidentResponseP90',
	'cleaningTaskCompletionRate',
	'spotCheckPassRate',
	'spotCheckMeanScore',
]);
export type KpiId = z.infer<typeof KpiId>;

/** How the UI formats a value: ratio 0..1 as a percentage, rating 1–5, minutes, score 0–100. */
export type KpiUnit = 'ratio' | 'rating' | 'minutes' | 'score';

/**
 * A KPI: how to compute it over a group of records, and which instant of a record puts it in a week or a
 * month (an order counts in the week it was resolved, a round in the week it was due…).
 */
export type KpiDefinition<R extends KpiAttribution> = {
	readonly id: KpiId;
	readonly unit: KpiUnit;
	readonly instantOf: (record: R) => Date | null;
	readonly compute: (records: readonly R[]) => KpiFigure;
};

const complaintKpi = (
	id: KpiId,
	unit: KpiUnit,
	compute: (records: readonly KpiComplaintRecord[]) => KpiFigure,
): KpiDefinition<KpiComplaintRecord> => ({ id, unit, compute, instantOf: (r) => r.feedbackAt });
const workOrderKpi = (
	id: KpiId,
	unit: KpiUnit,
	compute: (records: readonly KpiWorkOrderRecord[]) => KpiFigure,
): KpiDefinition<KpiWorkOrderRecord> => ({ id, unit, compute, instantOf: (r) => r.resolvedAt });
const incidentKpi = (
	id: KpiId,
	compute: (records: readonly KpiIncidentRecord[]) => KpiFigure,
): KpiDefinition<KpiIncidentRecord> => ({ id, unit: 'minutes', compute, instantOf: (r) => r.reportedAt });
const spotCheckKpi = (
	id: KpiId,
	unit: KpiUnit,
	compute: (records: readonly KpiSpotCheckRecord[]) => KpiFigure,
): KpiDefinition<KpiSpotCheckRecord> => ({ id, unit, compute, instantOf: (r) => r.submittedAt });

/** Every KPI of the manager's dashboard (SPEC: "KPIs per role and per estate"), by the records it reads. */
export const KPI_DEFINITIONS = {
	complaints: [
		complaintKpi('complaintSatisfactionRate', 'ratio', complaintSatisfactionRate),
		complaintKpi('complaintMeanRating', 'rating', complaintMeanRating),
	],
	workOrders: [
		workOrderKpi('technicianOnTimeRate', 'ratio', technicianOnTimeRate),
		workOrderKpi('technicianReworkRate', 'ratio', technicianReworkRate),
		workOrderKpi('technicianSatisfaction', 'rating', technicianSatisfaction),
	],
	patrolRounds: [
		{
			id: 'patrolCompletion',
			unit: 'ratio',
			compute: patrolCompletion,
			instantOf: (r) => r.startsAt,
		} satisfies KpiDefinition<KpiPatrolRoundRecord>,
	],
	incidents: [
		incidentKpi('incidentResponseMedian', incidentResponseMedian),
		incidentKpi('incidentResponseP90', incidentResponseP90),
	],
	cleaningTasks: [
		{
			id: 'cleaningTaskCompletionRate',
			unit: 'ratio',
			compute: cleaningTaskCompletionRate,
			instantOf: (r) => r.dueAt,
		} satisfies KpiDefinition<KpiCleaningTaskRecord>,
	],
	spotChecks: [
		spotCheckKpi('spotCheckPassRate', 'ratio', spotCheckPassRate),
		spotCheckKpi('spotCheckMeanScore', 'score', spotCheckMeanScore),
	],
} as const;

/** The records the dashboard reads, each mapped by the api from its rows (see each record's doc). */
export type KpiRecords = {
	readonly complaints?: readonly KpiComplaintRecord[];
	readonly workOrders?: readonly KpiWorkOrderRecord[];
	readonly patrolRounds?: readonly KpiPatrolRoundRecord[];
	readonly incidents?: readonly KpiIncidentRecord[];
	readonly cleaningTasks?: readonly KpiCleaningTaskRecord[];
	readonly spotChecks?: readonly KpiSpotCheckRecord[];
};

export type KpiTableOptions = {
	readonly periods: readonly PeriodUnit[];
	readonly dimensions: readonly KpiDimension[];
	/** The estate's IANA zone. */
	readonly timeZone: string;
};

/** One cell of the KPI table: one KPI for one group in one period, with the records behind it. */
export type KpiRow = {
	readonly kpi: KpiId;
	readonly unit: KpiUnit;
	readonly period: PeriodUnit;
	readonly periodKey: PeriodKey;
	readonly dimension: KpiDimension;
	readonly groupKey: string;
	readonly figure: KpiFigure;
};

/** One KPI for every period unit × dimension asked for; groups without records make no row. */
export function computeKpiTable<R extends KpiAttribution>(
	definition: KpiDefinition<R>,
	records: readonly R[],
	options: KpiTableOptions,
): KpiRow[] {
	return options.periods.flatMap((period) =>
		options.dimensions.flatMap((dimension) =>
			groupKpiRecords(records, definition.instantOf, { period, dimension, timeZone: options.timeZone }).map(
				(group: KpiGroup<R>): KpiRow => ({
					kpi: definition.id,
					unit: definition.unit,
					period,
					periodKey: group.periodKey,
					dimension,
					groupKey: group.groupKey,
					figure: definition.compute(group.records),
				}),
			),
		),
	);
}

/** Every KPI over every period unit × dimension asked for, in one call. */
export function computeAllKpis(records: KpiRecords, options: KpiTableOptions): KpiRow[] {
	const table = <R extends KpiAttribution>(
		definitions: readonly KpiDefinition<R>[],
		rows: readonly R[] = [],
	) => definitions.flatMap((definition) => computeKpiTable(definition, rows, options));
	return [
		...table(KPI_DEFINITIONS.complaints, records.complaints),
		...table(KPI_DEFINITIONS.workOrders, records.workOrders),
		...table(KPI_DEFINITIONS.patrolRounds, records.patrolRounds),
		...table(KPI_DEFINITIONS.incidents, records.incidents),
		...table(KPI_DEFINITIONS.cleaningTasks, records.cleaningTasks),
		...table(KPI_DEFINITIONS.spotChecks, records.spotChecks),
	];
}
