import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringTemplate } from './scoring-template';
import { scoreSpotCheck } from './spot-check-scoring';

// a: weight 50, 0–10, passes at 6 · b: weight 30, 0–5, passes at 3 · c: weight 20, 0–10, passes at 8, critical.
const template = ScoringTemplate.parse({
	id: 'tpl-test',
	version: 1,
	department: 'cleaning',
	name: { 'zh-Hans': '测试', en: 'Test' },
	passMark: 80,
	criteria: [
		{ id: 'a', label: { 'zh-Hans': '甲', en: 'A' }, weight: 50, maxScore: 10, passMark: 6 },
		{ id: 'b', label: { 'zh-Hans': '乙', en: 'B' }, weight: 30, maxScore: 5, passMark: 3 },
		{ id: 'c', label: { 'zh-Hans': '丙', en: 'C' }, weight: 20, maxScore: 10, passMark: 8, critical: true },
	],
});

const scores = (a: number, b: number, c: number) => [
	{ criterionId: 'a', value: a },
	{ criterionId: 'b', value: b },
	{ criterionId: 'c', value: c },
];

describe('scoreSpotCheck', () => {
	it.each([
		// 100 × (50·8/10 + 30·4/5 + 20·9/10) / 100 = 40 + 24 + 18 = 82 ≥ 80, nothing failed.
		{ a: 8, b: 4, c: 9, total: 82, passed: true, critical: false, failed: [] },
		// 50·10/10 + 30·5/5 + 20·7/10 = 50 + 30 + 14 = 94, but c (critical) 7 < 8 fails the check.
		{ a: 10, b: 5, c: 7, total: 94, passed: false, critical: true, failed: ['c'] },
		// 50·5/10 + 30·5/5 + 20·10/10 = 25 + 30 + 20 = 75 < 80; a 5 < 6 fails, not critical.
		{ a: 5, b: 5, c: 10, total: 75, passed: false, critical: false, failed: ['a'] },
		// 50·8/10 + 30·5/5 + 20·5/10 = 40 + 30 + 10 = 80 = pass mark, but c 5 < 8 is critical.
		{ a: 8, b: 5, c: 5, total: 80, passed: false, critical: true, failed: ['c'] },
		// 50·6/10 + 30·5/5 + 20·10/10 = 30 + 30 + 20 = 80: exactly the pass mark passes.
		{ a: 6, b: 5, c: 10, total: 80, passed: true, critical: false, failed: [] },
		{ a: 0, b: 0, c: 0, total: 0, passed: false, critical: true, failed: ['a', 'b', 'c'] },
		{ a: 10, b: 5, c: 10, total: 100, passed: true, critical: false, failed: [] },
	])('a=$a b=$b c=$c totals $total (passed: $passed)', ({ a, b, c, total, passed, critical, failed }) => {
		const result = scoreSpotCheck(template, scores(a, b, c));
		expect(result.ok && result.value).toMatchObject({
			total,
			passed,
			criticalFailure: critical,
			failedCriterionIds: failed,
			passMark: 80,
		});
	});

	it('reports each criterion in template order with its share of the total', () => {
		// a: 100·50·0.8/100 = 40 points; b: 100·30·0.8/100 = 24; c: 100·20·0.9/100 = 18.
		const result = scoreSpotCheck(template, [...scores(8, 4, 9)].reverse());
		expect(result.ok && result.value.criteria.map((c) => [c.criterionId, c.points, c.passed])).toEqual([
			['a', 40, true],
			['b', 24, true],
			['c', 18, true],
		]);
	});

	it('normalises weights that do not add up to 100', () => {
		// Weights 2/1/1 (sum 4): 100 × (2·10/10 + 1·5/10 + 1·0/10) / 4 = 100 × 2.5 / 4 = 62.5.
		const t = ScoringTemplate.parse({
			...template,
			criteria: template.criteria.map((c, i) => ({ ...c, weight: [2, 1, 1][i], maxScore: 10, passMark: 0 })),
		});
		const result = scoreSpotCheck(t, scores(10, 5, 0));
		expect(result.ok && result.value.total).toBe(62.5);
	});

	it('rounds the total to hundredths', () => {
		// Equal weights, 0–3 each: 100 × (1/3 + 1/3 + 0) / 3 = 22.222… → 22.22.
		const t = ScoringTemplate.parse({
			...template,
			criteria: template.criteria.map((c) => ({
				...c,
				weight: 1,
				maxScore: 3,
				passMark: 0,
				critical: false,
			})),
		});
		const result = scoreSpotCheck(t, scores(1, 1, 0));
		expect(result.ok && result.value.total).toBe(22.22);
	});

	it('reports every missing criterion at once', () => {
		const result = scoreSpotCheck(template, [{ criterionId: 'b', value: 3 }]);
		expect(result).toEqual({
			ok: false,
			error: expect.objectContaining({
				code: 'SPOT_CHECK.CRITERIA_MISSING',
				details: { missingCriterionIds: ['a', 'c'] },
			}),
		});
	});

	it.each([
		[
			'an unknown criterion',
			[...scores(8, 4, 9), { criterionId: 'z', value: 1 }],
			'SPOT_CHECK.UNKNOWN_CRITERION',
		],
		[
			'a criterion scored twice',
			[...scores(8, 4, 9), { criterionId: 'a', value: 1 }],
			'SPOT_CHECK.DUPLICATE_SCORE',
		],
		['a mark above the maximum', scores(8, 6, 9), 'SPOT_CHECK.SCORE_OUT_OF_RANGE'],
		['a negative mark', scores(-1, 4, 9), 'SPOT_CHECK.SCORE_OUT_OF_RANGE'],
		['a NaN mark', scores(8, NaN, 9), 'SPOT_CHECK.SCORE_OUT_OF_RANGE'],
	])('rejects %s', (_name, input, code) => {
		const result = scoreSpotCheck(template, input);
		expect(result.ok ? null : result.error.code).toBe(code);
	});
});

describe('scoreSpotCheck properties', () => {
	const criterionArb = fc.record({
		weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
		maxScore: fc.integer({ min: 1, max: 100 }),
		passFraction: fc.double({ min: 0, max: 1, noNaN: true }),
		critical: fc.boolean(),
		markFraction: fc.double({ min: 0, max: 1, noNaN: true }),
	});
	const sheetArb = fc.record({
		criteria: fc.array(criterionArb, { minLength: 1, maxLength: 10 }),
		passMark: fc.integer({ min: 0, max: 100 }),
		raised: fc.nat(),
		raiseFraction: fc.double({ min: 0, max: 1, noNaN: true }),
	});

	type Sheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

	const build = (sheet: Sheet) => {
		const t = ScoringTemplate.parse({
			...template,
			passMark: sheet.passMark,
			criteria: sheet.criteria.map((c, i) => ({
				id: `c${i}`,
				label: { 'zh-Hans': '项', en: 'Item' },
				weight: c.weight,
				maxScore: c.maxScore,
				passMark: c.passFraction * c.maxScore,
				critical: c.critical,
			})),
		});
		const marks = sheet.criteria.map((c, i) => ({
			criterionId: `c${i}`,
			value: c.markFraction * c.maxScore,
		}));
		return { t, marks };
	};

	it('always totals within 0..100', () => {
		fc.assert(
			fc.property(sheetArb, (sheet) => {
				const { t, marks } = build(sheet);
				const result = scoreSpotCheck(t, marks);
				expect(result.ok).toBe(true);
				const total = result.ok ? result.value.total : NaN;
				expect(total).toBeGreaterThanOrEqual(0);
				expect(total).toBeLessThanOrEqual(100);
			}),
		);
	});

	it('never lowers the total when one criterion is marked higher', () => {
		fc.assert(
			fc.property(sheetArb, (sheet) => {
				const { t, marks } = build(sheet);
				const index = sheet.raised % marks.length;
				const criterion = t.criteria[index];
				const before = marks[index];
				if (!criterion || !before) throw new Error('index out of range');
				// Clamped: before + f·(max − before) may round a hair above max.
				const raisedValue = Math.min(
					criterion.maxScore,
					before.value + sheet.raiseFraction * (criterion.maxScore - before.value),
				);
				const raisedMarks = marks.map((m, i) => (i === index ? { ...m, value: raisedValue } : m));
				const low = scoreSpotCheck(t, marks);
				const high = scoreSpotCheck(t, raisedMarks);
				expect(high.ok && low.ok && high.value.total >= low.value.total).toBe(true);
			}),
		);
	});
});
