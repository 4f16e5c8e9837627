import { describe, expect, it } from 'vitest';
import {
	incidentResponseMedian,
	incidentResponseP90,
	KpiIncidentRecord,
	KpiPatrolRoundRecord,
	patrolCompletion,
	responseMinutes,
} from './security-kpis';

const round = (id: string, finished: boolean, scheduledCheckpoints: number, visitedCheckpoints: number) =>
	KpiPatrolRoundRecord.parse({
		id,
		estateId: 'estate-1',
		personId: 'staff-guard-1',
		startsAt: new Date('2026-03-03T20:00:00+08:00'),
		finished,
		scheduledCheckpoints,
		visitedCheckpoints,
	});

const reportedAt = new Date('2026-03-03T22:00:00+08:00');
const incident = (id: string, minutes: number | null) =>
	KpiIncidentRecord.parse({
		id,
		estateId: 'estate-1',
		personId: 'staff-guard-1',
		reportedAt,
		respondingAt: minutes === null ? null : new Date(reportedAt.getTime() + minutes * 60_000),
	});

describe('patrolCompletion', () => {
	it('divides visited by scheduled checkpoints over finished rounds only', () => {
		// r1 10/10, r2 6/8, r3 0/4 finished; r4 (3/10) still under way. (10 + 6 + 0) / (10 + 8 + 4) = 16/22.
		const figure = patrolCompletion([
			round('r1', true, 10, 10),
			round('r2', true, 8, 6),
			round('r3', true, 4, 0),
			round('r4', false, 10, 3),
		]);
		expect(figure).toEqual({
			value: 16 / 22,
			numerator: 16,
			denominator: 22,
			recordIds: ['r1', 'r2', 'r3'],
			numeratorRecordIds: ['r1', 'r2'],
		});
	});

	it('is null when no round has finished', () => {
		expect(patrolCompletion([round('r4', false, 10, 3)])).toMatchObject({ value: null, recordIds: [] });
	});

	it('rejects a round with more visits than checkpoints', () => {
		expect(() => round('r5', true, 4, 5)).toThrow(/more checkpoints/);
	});
});

describe('incident response time', () => {
	// Minutes: i1 4, i2 12, i3 7, i4 30, i5 unanswered, i6 stamped 1 min early (→ 0). Sorted: 0, 4, 7, 12, 30.
	const incidents = [
		incident('i1', 4),
		incident('i2', 12),
		incident('i3', 7),
		incident('i4', 30),
		incident('i5', null),
		incident('i6', -1),
	];

	it('takes the median minutes from report to response over answered incidents', () => {
		// h = (5 − 1) × 0.5 = 2 → 7 minutes; i1, i3, i6 answered within 7.
		expect(incidentResponseMedian(incidents)).toEqual({
			value: 7,
			numerator: 3,
			denominator: 5,
			recordIds: ['i1', 'i2', 'i3', 'i4', 'i6'],
			numeratorRecordIds: ['i1', 'i3', 'i6'],
		});
	});

	it('takes the 90th percentile by interpolation', () => {
		// h = 4 × 0.9 = 3.6 → 12 + 0.6 × (30 − 12) = 22.8 minutes; all but i4 within it.
		const figure = incidentResponseP90(incidents);
		expect(figure.value).toBeCloseTo(22.8, 10);
		expect(figure).toMatchObject({
			numerator: 4,
			denominator: 5,
			numeratorRecordIds: ['i1', 'i2', 'i3', 'i6'],
		});
	});

	it('is null when no incident was answered', () => {
		expect(incidentResponseMedian([incident('i5', null)]).value).toBeNull();
		expect(incidentResponseP90([]).value).toBeNull();
	});

	it('counts a response stamped before the report as immediate', () => {
		expect(responseMinutes(incident('i6', -1))).toBe(0);
	});
});
