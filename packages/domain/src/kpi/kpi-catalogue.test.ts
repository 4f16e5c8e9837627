import { describe, expect, it } from 'vitest';
import { KpiCleaningTaskRecord } from './cleaning-kpis';
import { KpiComplaintRecord } from './customer-service-kpis';
import { computeAllKpis, computeKpiTable, KPI_DEFINITIONS, KpiId } from './kpi-catalogue';
import { KpiIncidentRecord, KpiPatrolRoundRecord } from './security-kpis';
import { KpiSpotCheckRecord } from './spot-check-kpis';
import { KpiWorkOrderRecord } from './technician-kpis';

const zone = 'Asia/Shanghai';
const base = { estateId: 'estate-1', department: 'engineering' };

const workOrders = [
	// tech-a: W09 met (w1), W10 missed (w2); tech-b: W10 met (w3).
	{ id: 'w1', personId: 'tech-a', resolvedAt: '2026-03-01T10:00:00+08:00', met: true },
	{ id: 'w2', personId: 'tech-a', resolvedAt: '2026-03-02T11:00:00+08:00', met: false },
	{ id: 'w3', personId: 'tech-b', resolvedAt: '2026-03-04T15:00:00+08:00', met: true },
].map((o) =>
	KpiWorkOrderRecord.parse({
		...base,
		id: o.id,
		personId: o.personId,
		resolvedAt: new Date(o.resolvedAt),
		resolveClockMet: o.met,
		reopenCount: 0,
		ratings: { speed: 5, result: 4, attitude: 3 },
	}),
);

describe('computeKpiTable', () => {
	const onTime = KPI_DEFINITIONS.workOrders[0];

	it('computes one KPI for every period and dimension asked for', () => {
		const rows = computeKpiTable(onTime, workOrders, {
			periods: ['week', 'month'],
			dimensions: ['person', 'estate'],
			timeZone: zone,
		});
		expect(
			rows.map((r) => [r.period, r.periodKey, r.dimension, r.groupKey, r.figure.value, r.figure.recordIds]),
		).toEqual([
			['week', '2026-W09', 'person', 'tech-a', 1, ['w1']],
			['week', '2026-W10', 'person', 'tech-a', 0, ['w2']],
			['week', '2026-W10', 'person', 'tech-b', 1, ['w3']],
			['week', '2026-W09', 'estate', 'estate-1', 1, ['w1']],
			// W10: w3 met, w2 missed → 1 / 2.
			['week', '2026-W10', 'estate', 'estate-1', 0.5, ['w2', 'w3']],
			// March holds all three: tech-a 1 of 2 met (w1 yes, w2 no); the estate 2 of 3 (w1, w3).
			['month', '2026-03', 'person', 'tech-a', 0.5, ['w1', 'w2']],
			['month', '2026-03', 'person', 'tech-b', 1, ['w3']],
			['month', '2026-03', 'estate', 'estate-1', 2 / 3, ['w1', 'w2', 'w3']],
		]);
		expect(rows.every((r) => r.kpi === 'technicianOnTimeRate' && r.unit === 'ratio')).toBe(true);
	});

	it('makes no rows when there are no records', () => {
		expect(
			computeKpiTable(onTime, [], { periods: ['week'], dimensions: ['person'], timeZone: zone }),
		).toEqual([]);
	});
});

describe('computeAllKpis', () => {
	const at = new Date('2026-03-03T10:00:00+08:00');
	const records = {
		workOrders,
		complaints: [
			KpiComplaintRecord.parse({ ...base, id: 'c1', feedbackAt: at, satisfied: true, ratings: null }),
		],
		patrolRounds: [
			KpiPatrolRoundRecord.parse({
				...base,
				id: 'r1',
				startsAt: at,
				finished: true,
				scheduledCheckpoints: 8,
				visitedCheckpoints: 6,
			}),
		],
		incidents: [
			KpiIncidentRecord.parse({
				...base,
				id: 'i1',
				reportedAt: at,
				respondingAt: new Date(at.getTime() + 5 * 60_000),
			}),
		],
		cleaningTasks: [KpiCleaningTaskRecord.parse({ ...base, id: 't1', dueAt: at, status: 'done' })],
		spotChecks: [KpiSpotCheckRecord.parse({ ...base, id: 's1', submittedAt: at, passed: false, total: 70 })],
	};

	it('computes every KPI for every grouping in one call', () => {
		const rows = computeAllKpis(records, { periods: ['month'], dimensions: ['estate'], timeZone: zone });
		expect(Object.fromEntries(rows.map((r) => [r.kpi, r.figure.value]))).toEqual({
			complaintSatisfactionRate: 1,
			// Nothing rated: a row with a null value, not a zero.
			complaintMeanRating: null,
			technicianOnTimeRate: 2 / 3,
			technicianReworkRate: 0,
			// (5 + 4 + 3) / 3 = 4 for each order.
			technicianSatisfaction: 4,
			patrolCompletion: 6 / 8,
			incidentResponseMedian: 5,
			incidentResponseP90: 5,
			cleaningTaskCompletionRate: 1,
			spotCheckPassRate: 0,
			spotCheckMeanScore: 70,
		});
		expect(new Set(rows.map((r) => r.kpi))).toEqual(new Set(KpiId.options));
	});

	it('skips kinds of records that are not given', () => {
		const rows = computeAllKpis(
			{ spotChecks: records.spotChecks },
			{ periods: ['week'], dimensions: ['department'], timeZone: zone },
		);
		expect(rows.map((r) => [r.kpi, r.periodKey, r.groupKey])).toEqual([
			['spotCheckPassRate', '2026-W10', 'engineering'],
			['spotCheckMeanScore', '2026-W10', 'engineering'],
		]);
	});
});
