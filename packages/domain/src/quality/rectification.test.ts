import { describe, expect, it } from 'vitest';
import { RectificationOrder, rectificationsFor } from './rectification';
import { ScoringTemplate } from './scoring-template';
import { SpotCheck } from './spot-check';
import { scoreSpotCheck } from './spot-check-scoring';

const template = ScoringTemplate.parse({
	id: 'tpl-cleaning',
	version: 1,
	department: 'cleaning',
	name: { 'zh-Hans': '保洁抽查', en: 'Cleaning check' },
	passMark: 85,
	criteria: [
		{
			id: 'floor-clean',
			label: { 'zh-Hans': '地面干净', en: 'Floor clean' },
			weight: 40,
			maxScore: 10,
			passMark: 8,
		},
		{
			id: 'lift-disinfected',
			label: { 'zh-Hans': '电梯已消毒', en: 'Lift disinfected' },
			weight: 30,
			maxScore: 10,
			passMark: 8,
			critical: true,
		},
		{
			id: 'bins-not-overflowing',
			label: { 'zh-Hans': '垃圾桶未满溢', en: 'Bins not overflowing' },
			weight: 30,
			maxScore: 10,
			passMark: 8,
		},
	],
});

const now = new Date('2026-03-02T09:30:00+08:00');

const check = (values: readonly [number, number, number]) =>
	SpotCheck.parse({
		status: 'submitted',
		id: 'sc-7',
		estateId: 'estate-1',
		templateId: 'tpl-cleaning',
		templateVersion: 1,
		department: 'cleaning',
		target: { kind: 'building', buildingId: 'bldg-3' },
		supervisorId: 'staff-qa-1',
		startedAt: new Date('2026-03-02T09:00:00+08:00'),
		scores: [
			{
				criterionId: 'floor-clean',
				value: values[0],
				note: '三楼电梯厅有积水 / standing water by the 3F lifts',
				photoIds: ['ph-1', 'ph-2'],
			},
			{ criterionId: 'lift-disinfected', value: values[1] },
			{ criterionId: 'bins-not-overflowing', value: values[2] },
		],
		signature: { imageId: 'sig-1', signedAt: now },
		submittedAt: now,
		outcome: { total: 0, passed: false, criticalFailure: false, failedCriterionIds: [] },
	});

function ordersFor(
	values: readonly [number, number, number],
	policy?: { criticalHours: number; standardHours: number },
) {
	const c = check(values);
	const score = scoreSpotCheck(template, c.scores);
	if (!score.ok) throw new Error(score.error.code);
	return rectificationsFor(c, template, score.value, now, policy);
}

describe('rectificationsFor', () => {
	it('raises one order per failed criterion with the default deadlines', () => {
		// floor 5 < 8 and lift 6 < 8 fail; bins 9 passes. Critical: +24 h, others: +72 h from 09:30 on 2 March.
		const orders = ordersFor([5, 6, 9]);
		expect(orders.map((o) => [o.criterionId, o.critical, o.deadline.toISOString()])).toEqual([
			['floor-clean', false, new Date('2026-03-05T09:30:00+08:00').toISOString()],
			['lift-disinfected', true, new Date('2026-03-03T09:30:00+08:00').toISOString()],
		]);
	});

	it('describes the failure from the criterion, the marks and the supervisor’s note, keeping the photos', () => {
		const [floor, lift] = ordersFor([5, 6, 9]);
		expect(floor).toMatchObject({
			estateId: 'estate-1',
			spotCheckId: 'sc-7',
			department: 'cleaning',
			target: { kind: 'building', buildingId: 'bldg-3' },
			raisedById: 'staff-qa-1',
			raisedAt: now,
			photoIds: ['ph-1', 'ph-2'],
			description: {
				'zh-Hans':
					'整改：地面干净（得分 5/10，合格线 8）。情况：三楼电梯厅有积水 / standing water by the 3F lifts',
				en: 'Rectify: Floor clean (scored 5/10, pass mark 8). Found: 三楼电梯厅有积水 / standing water by the 3F lifts',
			},
		});
		expect(lift?.description).toEqual({
			'zh-Hans': '整改：电梯已消毒（得分 6/10，合格线 8，一票否决项）',
			en: 'Rectify: Lift disinfected (scored 6/10, pass mark 8, critical)',
		});
		expect(lift?.photoIds).toEqual([]);
	});

	it('uses a configured deadline policy', () => {
		// critical +4 h → 13:30 the same day; others +48 h → 09:30 on 4 March.
		const orders = ordersFor([5, 6, 9], { criticalHours: 4, standardHours: 48 });
		expect(orders.map((o) => o.deadline.toISOString())).toEqual([
			new Date('2026-03-04T09:30:00+08:00').toISOString(),
			new Date('2026-03-02T13:30:00+08:00').toISOString(),
		]);
	});

	it('raises nothing for a check where every criterion passed', () => {
		expect(ordersFor([8, 10, 9])).toEqual([]);
	});

	it('produces orders that satisfy their schema', () => {
		for (const order of ordersFor([0, 0, 0])) expect(RectificationOrder.parse(order)).toEqual(order);
	});

	it('refuses a score that belongs to another template', () => {
		const c = check([5, 6, 9]);
		const score = scoreSpotCheck(template, c.scores);
		if (!score.ok) throw new Error(score.error.code);
		const other = { ...template, criteria: template.criteria.slice(1) };
		expect(() => rectificationsFor(c, other, score.value, now)).toThrow(/does not belong/);
	});
});
