import { describe, expect, it } from 'vitest';
import { MAX_FUTURE_SKEW_MS, takeInFixes } from './fix-intake';

const at = (time: string): Date => new Date(`2026-03-02T${time}+08:00`);
const fix = (time: string, tag = time) => ({ at: at(time), tag });
const now = at('10:05:00');

describe('takeInFixes', () => {
	it.each<[string, string | null, string[], { accepted: string[]; duplicates: number; outOfOrder: number }]>([
		[
			'a first report',
			null,
			['10:00:00', '10:00:05'],
			{ accepted: ['10:00:00', '10:00:05'], duplicates: 0, outOfOrder: 0 },
		],
		[
			'newer fixes',
			'10:00:00',
			['10:00:10', '10:00:20'],
			{ accepted: ['10:00:10', '10:00:20'], duplicates: 0, outOfOrder: 0 },
		],
		['the latest fix sent again', '10:00:20', ['10:00:20'], { accepted: [], duplicates: 1, outOfOrder: 0 }],
		['an older fix arriving late', '10:00:20', ['10:00:05'], { accepted: [], duplicates: 0, outOfOrder: 1 }],
		[
			'a report in any order',
			null,
			['10:00:30', '10:00:10', '10:00:20'],
			{ accepted: ['10:00:10', '10:00:20', '10:00:30'], duplicates: 0, outOfOrder: 0 },
		],
		[
			'the same fix twice in one report',
			null,
			['10:00:10', '10:00:10'],
			{ accepted: ['10:00:10'], duplicates: 1, outOfOrder: 0 },
		],
		[
			'old, repeated and new fixes mixed',
			'10:00:20',
			['10:00:05', '10:00:20', '10:00:25'],
			{ accepted: ['10:00:25'], duplicates: 1, outOfOrder: 1 },
		],
	])('takes in %s', (_, latest, times, expected) => {
		const intake = takeInFixes(
			latest === null ? null : at(latest),
			times.map((time) => fix(time)),
			now,
		);
		expect({
			accepted: intake.accepted.map((accepted) => accepted.tag),
			duplicates: intake.duplicates,
			outOfOrder: intake.outOfOrder,
		}).toEqual(expected);
		expect(intake.refused).toEqual([]);
	});

	it('counts a resent older fix the track already holds as a duplicate, not out of order', () => {
		const intake = takeInFixes(at('10:00:20'), [fix('10:00:05'), fix('10:00:10'), fix('10:00:20')], now, {
			alreadyKept: new Set([at('10:00:05').getTime(), at('10:00:10').getTime()]),
		});
		expect([intake.accepted.length, intake.duplicates, intake.outOfOrder]).toEqual([0, 3, 0]);
	});

	it('refuses fixes from beyond the allowed clock skew by their place in the report, and takes the rest', () => {
		const ahead = new Date(now.getTime() + MAX_FUTURE_SKEW_MS + 1);
		const justAhead = new Date(now.getTime() + MAX_FUTURE_SKEW_MS);
		const intake = takeInFixes(
			at('10:00:00'),
			[fix('10:01:00'), { at: ahead, tag: 'ahead' }, { at: justAhead, tag: 'justAhead' }],
			now,
		);
		expect(intake.accepted.map((accepted) => accepted.tag)).toEqual(['10:01:00', 'justAhead']);
		expect(intake.refused).toEqual([
			{ index: 1, code: 'POSITION.FROM_THE_FUTURE', message: expect.stringContaining('30 s') as unknown },
		]);
		expect(intake.latestAt).toEqual(justAhead);
	});

	it('takes a tighter skew from the caller', () => {
		const intake = takeInFixes(null, [{ at: new Date(now.getTime() + 5_000) }], now, {
			maxFutureSkewMs: 1_000,
		});
		expect(intake.refused.map((refusal) => refusal.index)).toEqual([0]);
		expect(intake.latestAt).toBeNull();
	});

	it('leaves the latest where it was when nothing is accepted', () => {
		expect(takeInFixes(at('10:00:20'), [fix('10:00:01')], now).latestAt).toEqual(at('10:00:20'));
	});
});
