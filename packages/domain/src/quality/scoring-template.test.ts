import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_TEMPLATES, defaultScoringTemplate } from './default-scoring-templates';
import { Department } from './department';
import { ScoringTemplate } from './scoring-template';

const criterion = (id: string, overrides: Record<string, unknown> = {}) => ({
	id,
	label: { 'zh-Hans': '地面干净', en: 'Floor clean' },
	weight: 10,
	maxScore: 10,
	passMark: 8,
	...overrides,
});

const template = (overrides: Record<string, unknown> = {}) => ({
	id: 'tpl-cleaning-a',
	version: 1,
	department: 'cleaning',
	name: { 'zh-Hans': '保洁抽查', en: 'Cleaning check' },
	passMark: 85,
	criteria: [criterion('floor-clean'), criterion('bins-not-overflowing')],
	...overrides,
});

describe('ScoringTemplate', () => {
	it('accepts a well-formed template and defaults critical to false', () => {
		const parsed = ScoringTemplate.parse(template());
		expect(parsed.criteria.map((c) => c.critical)).toEqual([false, false]);
	});

	it.each([
		['no criteria', template({ criteria: [] }), ['criteria']],
		['a zero weight', template({ criteria: [criterion('a', { weight: 0 })] }), ['criteria', 0, 'weight']],
		[
			'a negative weight',
			template({ criteria: [criterion('a', { weight: -5 })] }),
			['criteria', 0, 'weight'],
		],
		[
			'an infinite weight',
			template({ criteria: [criterion('a', { weight: Infinity })] }),
			['criteria', 0, 'weight'],
		],
		['a NaN weight', template({ criteria: [criterion('a', { weight: NaN })] }), ['criteria', 0, 'weight']],
		[
			'a zero maximum',
			template({ criteria: [criterion('a', { maxScore: 0, passMark: 0 })] }),
			['criteria', 0, 'maxScore'],
		],
		[
			'a pass mark above the maximum',
			template({ criteria: [criterion('a', { maxScore: 5, passMark: 6 })] }),
			['criteria', 0, 'passMark'],
		],
		[
			'duplicate criterion ids',
			template({ criteria: [criterion('floor-clean'), criterion('floor-clean')] }),
			['criteria', 1, 'id'],
		],
		['a template pass mark above 100', template({ passMark: 101 }), ['passMark']],
		[
			'a criterion id that is not a slug',
			template({ criteria: [criterion('Floor Clean')] }),
			['criteria', 0, 'id'],
		],
		['an unknown department', template({ department: 'finance' }), ['department']],
	])('rejects %s', (_name, input, path) => {
		const result = ScoringTemplate.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
	});
});

describe('DEFAULT_SCORING_TEMPLATES', () => {
	it('has one template for every department', () => {
		expect(DEFAULT_SCORING_TEMPLATES.map((t) => t.department).sort()).toEqual([...Department.options].sort());
	});

	it.each(DEFAULT_SCORING_TEMPLATES.map((t) => [t.department, t] as const))(
		'%s: parses, weights add up to 100 and has a critical criterion',
		(_department, t) => {
			expect(ScoringTemplate.parse(t)).toEqual(t);
			expect(t.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
			expect(t.criteria.some((c) => c.critical)).toBe(true);
		},
	);

	it('cleaning checks floors, handrails, lifts, bins and toilet odour', () => {
		const ids = defaultScoringTemplate('cleaning').criteria.map((c) => c.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'floor-clean',
				'handrails-clean',
				'lift-disinfected',
				'bins-not-overflowing',
				'toilets-no-odour',
			]),
		);
	});

	it('security checks uniform at post, patrol log, visitor register and fire exits', () => {
		const ids = defaultScoringTemplate('security').criteria.map((c) => c.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'guard-at-post',
				'patrol-log-complete',
				'visitor-register-complete',
				'fire-exits-clear',
			]),
		);
	});
});
