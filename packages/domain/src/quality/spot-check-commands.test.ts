import { describe, expect, it } from 'vitest';
import { EstateId, ScoringTemplateId, SpotCheckId, StaffId, ZoneId } from '../shared/ids';
import { ScoringTemplate } from './scoring-template';
import type { CriterionScore, DraftSpotCheck, SpotCheck } from './spot-check';
import { SpotCheck as SpotCheckSchema } from './spot-check';
import { recordCriterionScore, signSpotCheck, startSpotCheck, submitSpotCheck } from './spot-check-commands';

const template = ScoringTemplate.parse({
	id: 'tpl-cleaning',
	version: 3,
	department: 'cleaning',
	name: { 'zh-Hans': '保洁抽查', en: 'Cleaning check' },
	passMark: 85,
	criteria: [
		{
			id: 'floor-clean',
			label: { 'zh-Hans': '地面干净', en: 'Floor clean' },
			weight: 60,
			maxScore: 10,
			passMark: 8,
		},
		{
			id: 'lift-disinfected',
			label: { 'zh-Hans': '电梯已消毒', en: 'Lift disinfected' },
			weight: 40,
			maxScore: 10,
			passMark: 8,
			critical: true,
		},
	],
});

const startedAt = new Date('2026-03-02T09:00:00+08:00');
const signedAt = new Date('2026-03-02T09:20:00+08:00');
const submittedAt = new Date('2026-03-02T09:21:00+08:00');

const score = (criterionId: string, value: number): CriterionScore => ({
	criterionId,
	value,
	note: '',
	photoIds: [],
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
	if (!result.ok) throw new Error(result.error.code);
	return result.value;
}

function started(): DraftSpotCheck {
	return unwrap(
		startSpotCheck(
			{
				id: SpotCheckId.parse('sc-1'),
				estateId: EstateId.parse('estate-1'),
				templateId: ScoringTemplateId.parse('tpl-cleaning'),
				target: { kind: 'zone', zoneId: ZoneId.parse('zone-lobby-3') },
				supervisorId: StaffId.parse('staff-qa-1'),
			},
			template,
			startedAt,
		),
	);
}

function scored(values: readonly [number, number]): DraftSpotCheck {
	const first = unwrap(recordCriterionScore(started(), template, score('floor-clean', values[0])));
	return unwrap(recordCriterionScore(first, template, score('lift-disinfected', values[1])));
}

const signed = (values: readonly [number, number]): DraftSpotCheck =>
	unwrap(signSpotCheck(scored(values), template, { imageId: 'sig-1' }, signedAt));

describe('startSpotCheck', () => {
	it('opens a draft stamped with the template version and department', () => {
		expect(started()).toMatchObject({
			status: 'draft',
			templateVersion: 3,
			department: 'cleaning',
			startedAt,
			scores: [],
			signature: null,
		});
	});

	it('refuses a template other than the one named', () => {
		const result = startSpotCheck(
			{ ...started(), templateId: ScoringTemplateId.parse('tpl-security') },
			template,
			startedAt,
		);
		expect(result.ok ? null : result.error.code).toBe('SPOT_CHECK.TEMPLATE_MISMATCH');
	});
});

describe('recordCriterionScore', () => {
	it('replaces an earlier mark for the same criterion', () => {
		const once = unwrap(recordCriterionScore(started(), template, score('floor-clean', 5)));
		const twice = unwrap(recordCriterionScore(once, template, score('floor-clean', 9)));
		expect(twice.scores).toEqual([score('floor-clean', 9)]);
	});

	it.each([
		['an unknown criterion', score('toilets-no-odour', 5), 'SPOT_CHECK.UNKNOWN_CRITERION'],
		['a mark above the maximum', score('floor-clean', 11), 'SPOT_CHECK.SCORE_OUT_OF_RANGE'],
	])('rejects %s', (_name, input, code) => {
		const result = recordCriterionScore(started(), template, input);
		expect(result.ok ? null : result.error.code).toBe(code);
	});

	it('refuses a newer version of the template than the check was started with', () => {
		const result = recordCriterionScore(started(), { ...template, version: 4 }, score('floor-clean', 9));
		expect(result.ok ? null : result.error.code).toBe('SPOT_CHECK.TEMPLATE_MISMATCH');
	});
});

describe('submitSpotCheck', () => {
	it('submits a complete, signed sheet with its outcome', () => {
		// 100 × (60·9/10 + 40·10/10) / 100 = 54 + 40 = 94 ≥ 85.
		const submitted = unwrap(submitSpotCheck(signed([9, 10]), template, submittedAt));
		expect(submitted).toMatchObject({
			status: 'submitted',
			submittedAt,
			signature: { imageId: 'sig-1', signedAt },
			outcome: { total: 94, passed: true, criticalFailure: false, failedCriterionIds: [] },
		});
		expect(SpotCheckSchema.parse(submitted)).toEqual(submitted);
	});

	it('keeps a failed outcome on the submitted check', () => {
		// 60·10/10 + 40·6/10 = 60 + 24 = 84 < 85, and the critical lift criterion failed (6 < 8).
		const submitted = unwrap(submitSpotCheck(signed([10, 6]), template, submittedAt));
		expect(submitted.outcome).toEqual({
			total: 84,
			passed: false,
			criticalFailure: true,
			failedCriterionIds: ['lift-disinfected'],
		});
	});

	it('refuses a sheet with a criterion not scored', () => {
		const partial = unwrap(recordCriterionScore(started(), template, score('floor-clean', 9)));
		const result = submitSpotCheck(
			unwrap(signSpotCheck(partial, template, { imageId: 'sig-1' }, signedAt)),
			template,
			submittedAt,
		);
		expect(result.ok ? null : result.error).toMatchObject({
			code: 'SPOT_CHECK.CRITERIA_MISSING',
			details: { missingCriterionIds: ['lift-disinfected'] },
		});
	});

	it('refuses an unsigned sheet', () => {
		const result = submitSpotCheck(scored([9, 10]), template, submittedAt);
		expect(result.ok ? null : result.error.code).toBe('SPOT_CHECK.SIGNATURE_MISSING');
	});

	it.each([
		['submit', (check: SpotCheck) => submitSpotCheck(check, template, submittedAt)],
		['score', (check: SpotCheck) => recordCriterionScore(check, template, score('floor-clean', 1))],
		['sign', (check: SpotCheck) => signSpotCheck(check, template, { imageId: 'sig-2' }, submittedAt)],
	])('refuses to %s a check already submitted', (_name, command) => {
		const submitted = unwrap(submitSpotCheck(signed([9, 10]), template, submittedAt));
		const result = command(submitted);
		expect(result.ok ? null : result.error.code).toBe('SPOT_CHECK.ALREADY_SUBMITTED');
	});
});
