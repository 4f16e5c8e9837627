import { describe, expect, it } from 'vitest';
import { complaintMeanRating, complaintSatisfactionRate, KpiComplaintRecord } from './customer-service-kpis';

const at = new Date('2026-03-03T10:00:00+08:00');
const complaint = (id: string, satisfied: boolean | null, ratings: [number, number, number] | null) =>
	KpiComplaintRecord.parse({
		id,
		estateId: 'estate-1',
		personId: 'staff-cs-1',
		feedbackAt: satisfied === null && ratings === null ? null : at,
		satisfied,
		ratings: ratings && { speed: ratings[0], result: ratings[1], attitude: ratings[2] },
	});

const complaints = [
	complaint('c1', true, [5, 5, 4]), // mean 14/3
	complaint('c2', false, [2, 3, 1]), // mean 2
	complaint('c3', true, null),
	complaint('c4', null, null), // no follow-up yet
];

describe('complaintSatisfactionRate', () => {
	it('is the share of answered follow-ups that were satisfied', () => {
		// Satisfied c1, c3 of answered c1, c2, c3: 2 / 3.
		expect(complaintSatisfactionRate(complaints)).toEqual({
			value: 2 / 3,
			numerator: 2,
			denominator: 3,
			recordIds: ['c1', 'c2', 'c3'],
			numeratorRecordIds: ['c1', 'c3'],
		});
	});

	it('is null when no follow-up was answered', () => {
		expect(complaintSatisfactionRate([complaint('c4', null, null)]).value).toBeNull();
	});
});

describe('complaintMeanRating', () => {
	it('averages each rated complaint’s three ratings, then the complaints', () => {
		// c1: (5 + 5 + 4) / 3 = 14/3; c2: (2 + 3 + 1) / 3 = 2; mean (14/3 + 2) / 2 = (20/3) / 2 = 10/3.
		const figure = complaintMeanRating(complaints);
		expect(figure.value).toBeCloseTo(10 / 3, 12);
		expect(figure.numerator).toBeCloseTo(20 / 3, 12);
		expect(figure).toMatchObject({ denominator: 2, recordIds: ['c1', 'c2'] });
	});

	it('is null with no records at all', () => {
		expect(complaintMeanRating([])).toMatchObject({ value: null, denominator: 0, recordIds: [] });
	});
});
