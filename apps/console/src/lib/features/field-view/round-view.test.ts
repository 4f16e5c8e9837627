import { describe, expect, it } from 'vitest';
import type { CheckpointProgress, PatrolRound, RoundsOfDay } from './api/patrol-api';
import { checkpointRows, nextRound, roundProgress, roundsToWalk, withRound } from './round-view';

const ME = 'guard-me';

const checkpoint = (
	sequence: number,
	state: CheckpointProgress['state'],
	flags: string[] = [],
): CheckpointProgress => ({
	checkpointId: `cp-${sequence}`,
	name: `点位 ${sequence}`,
	sequence,
	point: [121.5, 31.2],
	state,
	dueAt: `2026-03-02T08:${String(sequence * 5).padStart(2, '0')}:00Z`,
	lateAfter: `2026-03-02T08:${String(sequence * 5 + 5).padStart(2, '0')}:00Z`,
	behind: false,
	scannedAt: state === 'visited' || state === 'late' ? '2026-03-02T08:03:00Z' : null,
	guardId: null,
	flags,
});

const round = (id: string, extra: Partial<PatrolRound> = {}): PatrolRound => ({
	id,
	routeId: 'route-1',
	routeName: '周界巡逻路线',
	period: 'day',
	startsAt: '2026-03-02T08:00:00Z',
	windowEndsAt: '2026-03-02T08:50:00Z',
	assigneeId: null,
	status: 'in_progress',
	completion: 0,
	counts: {},
	checkpoints: [
		checkpoint(1, 'visited'),
		checkpoint(2, 'late'),
		checkpoint(3, 'due'),
		checkpoint(4, 'upcoming'),
	],
	...extra,
});

describe('the round view', () => {
	it('walks the open rounds assigned to me, and only those', () => {
		const mine = round('r-mine', { assigneeId: ME });
		const other = round('r-other', { assigneeId: 'someone' });
		expect(roundsToWalk([other, mine], ME).map((r) => r.id)).toEqual(['r-mine']);
	});

	it('walks every open round, earliest first, when none is assigned to me', () => {
		const later = round('r-later', { startsAt: '2026-03-02T09:00:00Z' });
		const earlier = round('r-earlier', { routeName: '园区内部巡逻路线' });
		expect(roundsToWalk([later, earlier], ME).map((r) => r.id)).toEqual(['r-earlier', 'r-later']);
		expect(roundsToWalk([], ME)).toEqual([]);
	});

	it('lists checkpoints in walking order and marks the first one still to visit', () => {
		const shuffled = round('r', {
			checkpoints: [
				checkpoint(3, 'due'),
				checkpoint(1, 'visited'),
				checkpoint(4, 'upcoming'),
				checkpoint(2, 'missed'),
			],
		});
		const rows = checkpointRows(shuffled, new Map());
		expect(rows.map((row) => [row.sequence, row.state, row.next])).toEqual([
			[1, 'visited', false],
			[2, 'missed', false],
			[3, 'due', true],
			[4, 'upcoming', false],
		]);
	});

	it('shows the code of a plate this phone scanned, and flags a scan made away from the plate', () => {
		const scanned = round('r', {
			checkpoints: [checkpoint(1, 'visited', ['off_position']), checkpoint(2, 'due')],
		});
		const rows = checkpointRows(scanned, new Map([['cp-1', 'YJHT-P01']]));
		expect(rows.map((row) => [row.code, row.offPosition])).toEqual([
			['YJHT-P01', true],
			[null, false],
		]);
	});

	it('counts late visits as visited in the progress', () => {
		expect(roundProgress(round('r'))).toEqual({ visited: 2, total: 4 });
	});

	it('replaces a round with the evaluation a scan answered with', () => {
		const before = [round('a'), round('b')];
		const updated = round('b', { completion: 0.5 });
		expect(withRound(before, updated).map((r) => [r.id, r.completion])).toEqual([
			['a', 0],
			['b', 0.5],
		]);
	});

	it('names the next round of the day to open', () => {
		const day: RoundsOfDay = {
			date: '2026-03-02',
			timeZone: 'Asia/Shanghai',
			evaluatedAt: '2026-03-02T08:30:00Z',
			current: [],
			routes: [
				{
					routeId: 'a',
					name: 'A',
					rounds: [round('a1'), round('a2', { startsAt: '2026-03-02T12:00:00Z', routeName: 'A' })],
				},
				{
					routeId: 'b',
					name: 'B',
					rounds: [round('b1', { startsAt: '2026-03-02T10:00:00Z', routeName: 'B' })],
				},
			],
		};
		expect(nextRound(day, new Date('2026-03-02T08:30:00Z'))).toEqual({
			routeName: 'B',
			startsAt: '2026-03-02T10:00:00Z',
		});
		expect(nextRound(day, new Date('2026-03-02T13:00:00Z'))).toBeNull();
	});
});
