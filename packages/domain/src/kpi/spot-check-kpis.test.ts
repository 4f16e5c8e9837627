import { describe, expect, it } from 'vitest';
import { SubmittedSpotCheck } from '../quality/spot-check';
import { StaffId } from '../shared/ids';
import {
	KpiSpotCheckRecord,
	kpiSpotCheckRecord,
	spotCheckMeanScore,
	spotCheckPassRate,
} from './spot-check-kpis';

const submittedAt = new Date('2026-03-03T10:00:00+08:00');
const record = (id: string, passed: boolean, total: number) =>
	KpiSpotCheckRecord.parse({ id, estateId: 'estate-1', department: 'cleaning', submittedAt, passed, total });

const submitted = (target: Record<string, string>) =>
	SubmittedSpotCheck.parse({
		status: 'submitted',
		id: 'sc-1',
		estateId: 'estate-1',
		templateId: 'tpl-cleaning',
		templateVersion: 1,
		department: 'cleaning',
		target,
		supervisorId: 'staff-qa-1',
		startedAt: submittedAt,
		scores: [],
		signature: { imageId: 'sig', signedAt: submittedAt },
		submittedAt,
		outcome: { total: 91.5, passed: true, criticalFailure: false, failedCriterionIds: [] },
	});

describe('spot-check KPIs', () => {
	const records = [record('s1', true, 92), record('s2', false, 70), record('s3', true, 88)];

	it('pass rate is passed over submitted checks', () => {
		// s1, s3 passed of 3 → 2 / 3.
		expect(spotCheckPassRate(records)).toEqual({
			value: 2 / 3,
			numerator: 2,
			denominator: 3,
			recordIds: ['s1', 's2', 's3'],
			numeratorRecordIds: ['s1', 's3'],
		});
	});

	it('mean score averages the totals', () => {
		// (92 + 70 + 88) / 3 = 250 / 3.
		expect(spotCheckMeanScore(records)).toMatchObject({ value: 250 / 3, numerator: 250, denominator: 3 });
	});

	it('is null with no checks', () => {
		expect(spotCheckPassRate([]).value).toBeNull();
	});
});

describe('kpiSpotCheckRecord', () => {
	it('credits a check of a person to that person', () => {
		expect(kpiSpotCheckRecord(submitted({ kind: 'person', staffId: 'staff-cleaner-7' }))).toEqual({
			id: 'sc-1',
			estateId: 'estate-1',
			personId: 'staff-cleaner-7',
			teamId: null,
			department: 'cleaning',
			submittedAt,
			passed: true,
			total: 91.5,
		});
	});

	it('credits a zone check to whoever the api says answers for it', () => {
		const check = submitted({ kind: 'zone', zoneId: 'zone-1' });
		expect(kpiSpotCheckRecord(check)).toMatchObject({ personId: null, teamId: null });
		expect(
			kpiSpotCheckRecord(check, { personId: StaffId.parse('staff-cleaner-2'), teamId: 'team-b' }),
		).toMatchObject({
			personId: 'staff-cleaner-2',
			teamId: 'team-b',
		});
	});
});
