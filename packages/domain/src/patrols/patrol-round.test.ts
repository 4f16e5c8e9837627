import { describe, expect, it } from 'vitest';
import { gardenRoute } from './patrol-fixtures';
import { generateRounds } from './patrol-round';

const starts = (rounds: { startsAt: Date }[]): string[] =>
	rounds.map((round) => round.startsAt.toISOString());

describe('generateRounds', () => {
	it('plans day rounds every 2 h and night rounds every 3 h, the night running into the next date', () => {
		const rounds = generateRounds(gardenRoute(), '2026-03-02', 'Asia/Shanghai');
		expect(rounds.map((round) => [round.period, round.startsAt.toISOString()])).toEqual([
			['day', '2026-03-01T22:00:00.000Z'],
			['day', '2026-03-02T00:00:00.000Z'],
			['day', '2026-03-02T02:00:00.000Z'],
			['day', '2026-03-02T04:00:00.000Z'],
			['day', '2026-03-02T06:00:00.000Z'],
			['day', '2026-03-02T08:00:00.000Z'],
			['day', '2026-03-02T10:00:00.000Z'],
			['day', '2026-03-02T12:00:00.000Z'],
			['night', '2026-03-02T14:00:00.000Z'],
			['night', '2026-03-02T17:00:00.000Z'],
			['night', '2026-03-02T20:00:00.000Z'],
		]);
		expect(new Set(rounds.map((round) => round.localDate))).toEqual(new Set(['2026-03-02']));
	});

	it('derives the id from route and start, and the due times from the expected minutes', () => {
		const [first] = generateRounds(gardenRoute(), '2026-03-02', 'Asia/Shanghai');
		expect(first?.id).toBe('route-garden:2026-03-01T22:00:00.000Z');
		expect(first?.windowEndsAt).toEqual(new Date('2026-03-02T07:00:00+08:00'));
		expect(
			first?.checkpoints.map((checkpoint) => [
				checkpoint.dueAt.toISOString(),
				checkpoint.lateAfter.toISOString(),
			]),
		).toEqual([
			['2026-03-01T22:15:00.000Z', '2026-03-01T22:25:00.000Z'],
			['2026-03-01T22:30:00.000Z', '2026-03-01T22:40:00.000Z'],
			['2026-03-01T22:45:00.000Z', '2026-03-01T22:55:00.000Z'],
		]);
	});

	it('is deterministic: the same day gives the same rounds', () => {
		const route = gardenRoute();
		expect(generateRounds(route, '2026-03-02', 'Asia/Shanghai')).toEqual(
			generateRounds(route, '2026-03-02', 'Asia/Shanghai'),
		);
	});

	it('leaves the early hours to the night that started the evening before', () => {
		const rounds = generateRounds(gardenRoute(), '2026-03-03', 'Asia/Shanghai');
		expect(starts(rounds)).not.toContain('2026-03-02T17:00:00.000Z');
		expect(rounds[0]?.startsAt).toEqual(new Date('2026-03-03T06:00:00+08:00'));
	});

	it('uses a checkpoint’s own tolerance over the route’s', () => {
		const base = gardenRoute();
		const route = gardenRoute({
			checkpoints: base.checkpoints.map((checkpoint, index) =>
				index === 0 ? { ...checkpoint, toleranceMinutes: 0 } : checkpoint,
			),
		});
		const [first] = generateRounds(route, '2026-03-02', 'Asia/Shanghai');
		expect(first?.checkpoints[0]?.lateAfter).toEqual(first?.checkpoints[0]?.dueAt);
	});

	it('plans only day rounds when the route has no night period', () => {
		const rounds = generateRounds(gardenRoute({ night: null }), '2026-03-02', 'Asia/Shanghai');
		expect(rounds.every((round) => round.period === 'day')).toBe(true);
		expect(rounds).toHaveLength(8);
	});

	it('keeps a night that starts at midnight on its own date', () => {
		const route = gardenRoute({
			day: { start: '06:00', end: '24:00', intervalHours: 6 },
			night: { start: '00:00', end: '06:00', intervalHours: 2 },
		});
		const rounds = generateRounds(route, '2026-03-02', 'Asia/Shanghai');
		expect(starts(rounds)).toEqual([
			'2026-03-01T16:00:00.000Z',
			'2026-03-01T18:00:00.000Z',
			'2026-03-01T20:00:00.000Z',
			'2026-03-01T22:00:00.000Z',
			'2026-03-02T04:00:00.000Z',
			'2026-03-02T10:00:00.000Z',
		]);
	});

	describe('across DST in Europe/Berlin', () => {
		it.each<[string, string, Record<string, unknown>, string[]]>([
			[
				'the spring-forward night keeps wall-clock starts and merges the skipped 02:00 into 03:00',
				'2026-03-28',
				{
					night: { start: '22:00', end: '06:00', intervalHours: 1 },
					day: { start: '06:00', end: '22:00', intervalHours: 16 },
				},
				[
					'2026-03-28T05:00:00.000Z',
					'2026-03-28T21:00:00.000Z',
					'2026-03-28T22:00:00.000Z',
					'2026-03-28T23:00:00.000Z',
					'2026-03-29T00:00:00.000Z',
					'2026-03-29T01:00:00.000Z',
					'2026-03-29T02:00:00.000Z',
					'2026-03-29T03:00:00.000Z',
				],
			],
			[
				'the spring-forward day starts its rounds in summer time',
				'2026-03-29',
				{ night: null, day: { start: '06:00', end: '22:00', intervalHours: 8 } },
				['2026-03-29T04:00:00.000Z', '2026-03-29T12:00:00.000Z'],
			],
			[
				'the fall-back night runs the repeated 02:00 once, at its first occurrence',
				'2026-10-24',
				{
					night: { start: '22:00', end: '06:00', intervalHours: 2 },
					day: { start: '06:00', end: '22:00', intervalHours: 16 },
				},
				[
					'2026-10-24T04:00:00.000Z',
					'2026-10-24T20:00:00.000Z',
					'2026-10-24T22:00:00.000Z',
					'2026-10-25T00:00:00.000Z',
					'2026-10-25T03:00:00.000Z',
				],
			],
		])('%s', (_, date, overrides, expected) => {
			expect(starts(generateRounds(gardenRoute(overrides), date, 'Europe/Berlin'))).toEqual(expected);
		});
	});
});
