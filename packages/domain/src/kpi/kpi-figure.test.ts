import { describe, expect, it } from 'vitest';
import { meanFigure, quantileFigure, rateFigure } from './kpi-figure';

const rows = (values: readonly (number | null)[]) => values.map((value, i) => ({ id: `r${i + 1}`, value }));

describe('rateFigure', () => {
	it('counts hits over measured records, leaving unmeasured ones out of both', () => {
		const records = [
			{ id: 'a', hit: true },
			{ id: 'b', hit: null },
			{ id: 'c', hit: false },
			{ id: 'd', hit: true },
		];
		// 2 hits (a, d) of 3 measured (a, c, d).
		expect(rateFigure(records, (r) => r.hit)).toEqual({
			value: 2 / 3,
			numerator: 2,
			denominator: 3,
			recordIds: ['a', 'c', 'd'],
			numeratorRecordIds: ['a', 'd'],
		});
	});

	it('is null, not zero, when nothing is measured', () => {
		expect(rateFigure([{ id: 'a' }], () => null)).toEqual({
			value: null,
			numerator: 0,
			denominator: 0,
			recordIds: [],
			numeratorRecordIds: [],
		});
	});
});

describe('meanFigure', () => {
	it('averages the records that have a value', () => {
		// (2 + 4 + 9) / 3 = 5.
		expect(meanFigure(rows([2, null, 4, 9]), (r) => r.value)).toEqual({
			value: 5,
			numerator: 15,
			denominator: 3,
			recordIds: ['r1', 'r3', 'r4'],
			numeratorRecordIds: ['r1', 'r3', 'r4'],
		});
	});
});

describe('quantileFigure', () => {
	// Sorted: 1, 2, 3, 4, 10 (ids r2, r4, r3, r1, r5).
	const odd = rows([4, 1, 3, 2, 10]);

	it.each([
		// h = (5 − 1) × 0.5 = 2 → x₂ = 3; r2, r4, r3 are ≤ 3.
		{ q: 0.5, value: 3, numerator: 3 },
		// h = 4 × 0.9 = 3.6 → x₃ + 0.6 × (x₄ − x₃) = 4 + 0.6 × 6 = 7.6; four values are ≤ 7.6.
		{ q: 0.9, value: 7.6, numerator: 4 },
		{ q: 0, value: 1, numerator: 1 },
		{ q: 1, value: 10, numerator: 5 },
	])('q=$q of 4,1,3,2,10 is $value', ({ q, value, numerator }) => {
		const figure = quantileFigure(odd, (r) => r.value, q);
		expect(figure.value).toBeCloseTo(value, 10);
		expect(figure).toMatchObject({ numerator, denominator: 5, recordIds: ['r1', 'r2', 'r3', 'r4', 'r5'] });
	});

	it('takes the mean of the two middle values as the median of an even count', () => {
		// 1, 2, 3, 4: h = 1.5 → 2 + 0.5 × (3 − 2) = 2.5.
		expect(quantileFigure(rows([4, 3, 2, 1]), (r) => r.value, 0.5).value).toBe(2.5);
	});

	it('is null when no record has a value', () => {
		expect(quantileFigure(rows([null]), (r) => r.value, 0.5)).toEqual({
			value: null,
			numerator: 0,
			denominator: 0,
			recordIds: [],
			numeratorRecordIds: [],
		});
	});
});
