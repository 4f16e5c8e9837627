import { describe, expect, it } from 'vitest';
import {
	KpiWorkOrderRecord,
	technicianOnTimeRate,
	technicianReworkRate,
	technicianSatisfaction,
} from './technician-kpis';

const resolvedAt = new Date('2026-03-03T16:00:00+08:00');
const order = (
	id: string,
	resolved: boolean,
	resolveClockMet: boolean | null,
	reopenCount: number,
	ratings: [number, number, number] | null,
) =>
	KpiWorkOrderRecord.parse({
		id,
		estateId: 'estate-1',
		personId: 'staff-tech-1',
		teamId: 'team-plumbing',
		department: 'engineering',
		resolvedAt: resolved ? resolvedAt : null,
		resolveClockMet,
		reopenCount,
		ratings: ratings && { speed: ratings[0], result: ratings[1], attitude: ratings[2] },
	});

const orders = [
	order('w1', true, true, 0, [5, 5, 5]), // mean 5
	order('w2', true, false, 1, [3, 4, 2]), // mean 3
	order('w3', true, null, 2, null), // a suggestion-like order with no solution clock
	order('w4', false, null, 1, null), // reopened and open again
	order('w5', true, true, 0, [4, 4, 4]), // mean 4
];

describe('technicianOnTimeRate', () => {
	it('is the share of resolved orders that met their solution clock', () => {
		// Resolved with a clock: w1, w2, w5; met: w1, w5 → 2 / 3.
		expect(technicianOnTimeRate(orders)).toEqual({
			value: 2 / 3,
			numerator: 2,
			denominator: 3,
			recordIds: ['w1', 'w2', 'w5'],
			numeratorRecordIds: ['w1', 'w5'],
		});
	});

	it('is null when nothing was resolved', () => {
		expect(technicianOnTimeRate([order('w4', false, null, 1, null)]).value).toBeNull();
	});
});

describe('technicianReworkRate', () => {
	it('is the share of resolved orders reopened at least once', () => {
		// Resolved: w1, w2, w3, w5; reopened: w2 (1), w3 (2) → 2 / 4 = 0.5. w4 is open, so not counted.
		expect(technicianReworkRate(orders)).toEqual({
			value: 0.5,
			numerator: 2,
			denominator: 4,
			recordIds: ['w1', 'w2', 'w3', 'w5'],
			numeratorRecordIds: ['w2', 'w3'],
		});
	});
});

describe('technicianSatisfaction', () => {
	it('is the mean of the rated orders’ three-rating means', () => {
		// (5 + 3 + 4) / 3 = 4.
		expect(technicianSatisfaction(orders)).toEqual({
			value: 4,
			numerator: 12,
			denominator: 3,
			recordIds: ['w1', 'w2', 'w5'],
			numeratorRecordIds: ['w1', 'w2', 'w5'],
		});
	});

	it('is null when no order was rated', () => {
		expect(technicianSatisfaction([order('w3', true, null, 0, null)]).value).toBeNull();
	});

	it('rejects a rating outside 1–5', () => {
		expect(() => order('w9', true, true, 0, [6, 5, 5])).toThrow();
	});
});
