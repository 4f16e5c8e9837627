import { describe, expect, it } from 'vitest';
import { SpotCheck } from './spot-check';
import { weeklyQuotaProgress } from './weekly-quota';

const zone = 'Asia/Shanghai';

const check = (id: string, submittedAt: string | null) =>
	SpotCheck.parse({
		status: submittedAt ? 'submitted' : 'draft',
		id,
		estateId: 'estate-1',
		templateId: 'tpl-cleaning',
		templateVersion: 1,
		department: 'cleaning',
		target: { kind: 'zone', zoneId: 'zone-1' },
		supervisorId: 'staff-qa-1',
		startedAt: new Date('2026-02-20T09:00:00+08:00'),
		scores: [],
		signature: submittedAt ? { imageId: 'sig', signedAt: new Date(submittedAt) } : null,
		...(submittedAt
			? {
					submittedAt: new Date(submittedAt),
					outcome: { total: 90, passed: true, criticalFailure: false, failedCriterionIds: [] },
				}
			: {}),
	});

// ISO week 2026-W10 runs Monday 2 March to Sunday 8 March 2026.
const checks = [
	check('sun-late', '2026-03-01T23:30:00+08:00'), // Sunday of W09 in Shanghai
	check('mon-early', '2026-03-02T00:10:00+08:00'), // still Sunday 16:10 in UTC, but Monday of W10 in Shanghai
	check('tue', '2026-03-03T14:00:00+08:00'),
	check('draft', null),
	check('next-mon', '2026-03-09T00:00:00+08:00'), // W11
];

describe('weeklyQuotaProgress', () => {
	it('counts the checks submitted in the estate’s local week', () => {
		// Wednesday (weekday 3): pace ⌊5 × 3 / 7⌋ = ⌊2.14⌋ = 2; done 2 (mon-early, tue) → on track, 3 to go.
		expect(weeklyQuotaProgress(checks, 5, '2026-03-04', zone)).toEqual({
			week: '2026-W10',
			weekStart: '2026-03-02',
			weekEnd: '2026-03-08',
			weekday: 3,
			quota: 5,
			done: 2,
			remaining: 3,
			expectedByToday: 2,
			onTrack: true,
			spotCheckIds: ['mon-early', 'tue'],
		});
	});

	it.each([
		// Monday: ⌊5 × 1 / 7⌋ = 0, so a week that has not started yet is on track.
		{ date: '2026-03-02', week: '2026-W10', done: 2, expected: 0, onTrack: true },
		// Friday: ⌊5 × 5 / 7⌋ = ⌊3.57⌋ = 3 > 2 done → behind.
		{ date: '2026-03-06', week: '2026-W10', done: 2, expected: 3, onTrack: false },
		// Sunday: ⌊5 × 7 / 7⌋ = 5, the whole quota; 2 done → behind, 3 remaining.
		{ date: '2026-03-08', week: '2026-W10', done: 2, expected: 5, onTrack: false },
		// The Sunday before belongs to W09 (23 Feb – 1 Mar), where only sun-late was submitted.
		{ date: '2026-03-01', week: '2026-W09', done: 1, expected: 5, onTrack: false },
		{ date: '2026-03-09', week: '2026-W11', done: 1, expected: 0, onTrack: true },
	])('on $date ($week): $done done, $expected expected', ({ date, week, done, expected, onTrack }) => {
		const progress = weeklyQuotaProgress(checks, 5, date, zone);
		expect(progress).toMatchObject({ week, done, expectedByToday: expected, onTrack, remaining: 5 - done });
	});

	it('counts by the estate’s zone, not UTC', () => {
		// In UTC mon-early is Sunday 1 March 16:10, so it falls in W09 there.
		expect(weeklyQuotaProgress(checks, 5, '2026-03-01', 'UTC').spotCheckIds).toEqual([
			'sun-late',
			'mon-early',
		]);
	});

	it('never reports a negative remainder when the quota is exceeded', () => {
		expect(weeklyQuotaProgress(checks, 1, '2026-03-04', zone)).toMatchObject({
			done: 2,
			remaining: 0,
			onTrack: true,
		});
	});

	it('is on track with a quota of zero', () => {
		expect(weeklyQuotaProgress([], 0, '2026-03-08', zone)).toMatchObject({
			done: 0,
			remaining: 0,
			onTrack: true,
		});
	});

	it.each([-1, 2.5, NaN])('refuses a quota of %s', (quota) => {
		expect(() => weeklyQuotaProgress([], quota, '2026-03-04', zone)).toThrow(/quotaPerWeek/);
	});
});
