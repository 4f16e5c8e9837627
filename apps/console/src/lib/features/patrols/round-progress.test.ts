import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import type { RoundCheckpoint, RoundsOfDay, RoundView } from './patrols-api';
import {
	applyPatrolEvent,
	applyPatrolEventToDay,
	checkpointExceptions,
	shownCheckpointState,
	totalsOf,
} from './round-progress';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

const checkpoint = (sequence: number, change: Partial<RoundCheckpoint> = {}): RoundCheckpoint => ({
	checkpointId: `c${sequence}`,
	name: `点${sequence}`,
	sequence,
	point: [121.5, 31.2],
	zoneId: null,
	state: 'due',
	dueAt: at(`01:${String(sequence * 10).padStart(2, '0')}:00`),
	lateAfter: at(`01:${String(sequence * 10 + 5).padStart(2, '0')}:00`),
	behind: false,
	scannedAt: null,
	guardId: null,
	flags: [],
	...change,
});

const round = (change: Partial<RoundView> = {}): RoundView => ({
	id: 'r1',
	routeId: 'route1',
	routeName: '周界巡逻路线',
	localDate: '2026-03-02',
	period: 'night',
	startsAt: at('01:00:00'),
	windowEndsAt: at('01:50:00'),
	assigneeId: null,
	status: 'in_progress',
	completion: 0,
	closedAt: null,
	evaluatedAt: at('01:00:00'),
	counts: { visited: 0, late: 0, missed: 0, due: 3, upcoming: 0 },
	checkpoints: [checkpoint(1), checkpoint(2), checkpoint(3)],
	...change,
});

const event = (type: string, payload: unknown): WireEvent => ({
	seq: 1,
	estateId: 'e1',
	type,
	aggregateType: 'patrolRound',
	aggregateId: 'r1',
	at: '2026-03-02T01:12:00.000Z',
	payload,
});

const visited = (checkpointId: string, state: 'visited' | 'late', change: Record<string, unknown> = {}) =>
	event('patrol.checkpointVisited', {
		roundId: 'r1',
		routeId: 'route1',
		routeName: '周界巡逻路线',
		checkpointId,
		checkpointName: '点',
		point: [121.5, 31.2],
		scanId: 's1',
		guardId: 'g1',
		scannedAt: '2026-03-02T01:12:00.000Z',
		state,
		offPosition: false,
		distanceMetres: 3,
		findings: 0,
		roundStatus: 'in_progress',
		completion: 1 / 3,
		...change,
	});

describe('applyPatrolEvent', () => {
	it('turns a checkpoint visited when a guard scans it, with who and when, and counts again', () => {
		const outcome = applyPatrolEvent([round()], visited('c1', 'visited'));
		const [next] = outcome.rounds;
		expect(outcome.reload).toBe(false);
		expect(next?.checkpoints[0]).toMatchObject({ state: 'visited', guardId: 'g1', scannedAt: at('01:12:00') });
		expect(next?.counts).toMatchObject({ visited: 1, due: 2 });
		expect(next?.completion).toBeCloseTo(1 / 3);
	});

	it('marks a late scan late and flags a scan far from its plate', () => {
		const [next] = applyPatrolEvent([round()], visited('c2', 'late', { offPosition: true })).rounds;
		expect(next?.checkpoints[1]).toMatchObject({ state: 'late', flags: ['off_position'] });
	});

	it('marks an unscanned checkpoint behind, then missed; a visit is never undone', () => {
		let rounds: readonly RoundView[] = [round()];
		rounds = applyPatrolEvent(rounds, visited('c1', 'visited')).rounds;
		rounds = applyPatrolEvent(rounds, event('patrol.checkpointLate', { roundId: 'r1', checkpointId: 'c2', scanned: false })).rounds;
		expect(rounds[0]?.checkpoints[1]).toMatchObject({ state: 'due', behind: true });
		rounds = applyPatrolEvent(rounds, event('patrol.checkpointMissed', { roundId: 'r1', checkpointId: 'c2' })).rounds;
		rounds = applyPatrolEvent(rounds, event('patrol.checkpointMissed', { roundId: 'r1', checkpointId: 'c1' })).rounds;
		expect(rounds[0]?.checkpoints.map((c) => c.state)).toEqual(['visited', 'missed', 'due']);
	});

	it('misses every unscanned checkpoint of a round missed whole', () => {
		const [next] = applyPatrolEvent([round()], event('patrol.roundMissed', { roundId: 'r1' })).rounds;
		expect(next?.status).toBe('missed');
		expect(next?.counts).toMatchObject({ missed: 3, due: 0 });
	});

	it('closes a round and asks for the next one', () => {
		const outcome = applyPatrolEvent(
			[round()],
			event('patrol.roundClosed', { roundId: 'r1', status: 'completed_with_issues', completion: 0.67 }),
		);
		expect(outcome.rounds[0]).toMatchObject({ status: 'completed_with_issues', closedAt: at('01:12:00') });
		expect(outcome.reload).toBe(true);
	});

	it('asks for a reload for a round it does not hold, a route edit or a payload it cannot read', () => {
		expect(applyPatrolEvent([round()], visited('c1', 'visited', { roundId: 'other' })).reload).toBe(true);
		expect(applyPatrolEvent([round()], event('patrol.routeUpdated', {})).reload).toBe(true);
		expect(applyPatrolEvent([round()], event('patrol.checkpointVisited', { roundId: 'r1' })).reload).toBe(true);
		expect(applyPatrolEvent([round()], event('patrol.scanNotCounted', {})).reload).toBe(false);
	});
});

describe('shownCheckpointState', () => {
	const shown = round({ startsAt: at('01:00:00'), windowEndsAt: at('01:50:00') });
	it.each([
		['upcoming', '00:59:00', 'upcoming'],
		['upcoming', '01:00:00', 'due'],
		['due', '01:49:59', 'due'],
		['due', '01:50:00', 'missed'],
		['visited', '02:00:00', 'visited'],
		['late', '02:00:00', 'late'],
	] as const)('a %s checkpoint at %s shows %s', (state, time, expected) => {
		expect(shownCheckpointState({ state }, shown, at(time))).toBe(expected);
	});
});

describe('checkpointExceptions', () => {
	it('lists missed checkpoints first, then late ones, each newest due first', () => {
		const rounds = [
			round({
				checkpoints: [
					checkpoint(1, { state: 'late', scannedAt: at('01:20:00') }),
					checkpoint(2, { state: 'missed' }),
					checkpoint(3, { state: 'visited' }),
				],
			}),
			round({
				id: 'r2',
				startsAt: at('00:00:00'),
				windowEndsAt: at('00:50:00'),
				checkpoints: [checkpoint(1, { state: 'due', dueAt: at('00:10:00') }), checkpoint(2, { state: 'late', dueAt: at('00:20:00') })],
			}),
		];
		const found = checkpointExceptions(rounds, at('01:30:00'));
		expect(found.map((item) => `${item.round.id}:${item.checkpoint.checkpointId}:${item.state}`)).toEqual([
			'r1:c2:missed',
			'r2:c1:missed',
			'r1:c1:late',
			'r2:c2:late',
		]);
	});
});

describe('applyPatrolEventToDay', () => {
	it('moves a round on wherever the day shows it and counts the route again', () => {
		const open = round();
		const day: RoundsOfDay = {
			date: '2026-03-02',
			timeZone: 'Asia/Shanghai',
			evaluatedAt: at('01:00:00'),
			current: [open],
			routes: [{ routeId: 'route1', name: '周界巡逻路线', archived: false, rounds: [open], totals: totalsOf([open]) }],
		};
		const { day: next } = applyPatrolEventToDay(day, visited('c1', 'visited'));
		expect(next.current[0]?.checkpoints[0]?.state).toBe('visited');
		expect(next.routes[0]?.rounds[0]?.checkpoints[0]?.state).toBe('visited');
		expect(next.routes[0]?.totals.checkpointsVisited).toBe(1);
	});
});
