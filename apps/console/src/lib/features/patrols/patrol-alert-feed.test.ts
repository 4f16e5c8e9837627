import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import { addFeedAlert, patrolFeedAlertOf } from './patrol-alert-feed';

const event = (seq: number, type: string, payload: Record<string, unknown>, at = '2026-03-02T01:20:00.000Z'): WireEvent => ({
	seq,
	estateId: 'e1',
	type,
	aggregateType: 'patrolRound',
	aggregateId: 'r1',
	at,
	payload: { roundId: 'r1', routeId: 'p', routeName: '周界巡逻路线', ...payload },
});

describe('patrolFeedAlertOf', () => {
	it('lists a checkpoint missed with its route and name', () => {
		expect(
			patrolFeedAlertOf(event(7, 'patrol.checkpointMissed', { checkpointId: 'c2', checkpointName: '东北角围墙' })),
		).toMatchObject({ id: '7', kind: 'checkpoint_missed', routeName: '周界巡逻路线', checkpointId: 'c2' });
	});

	it('lists a round missed with the time it started', () => {
		expect(
			patrolFeedAlertOf(event(8, 'patrol.roundMissed', { startsAt: '2026-03-02T00:00:00.000Z', checkpointCount: 12 })),
		).toMatchObject({ kind: 'round_missed', checkpointId: null, startsAt: new Date('2026-03-02T00:00:00.000Z') });
	});

	it('leaves out a late scan (the guard was there) and every other event', () => {
		expect(patrolFeedAlertOf(event(9, 'patrol.checkpointLate', { checkpointId: 'c1', checkpointName: 'x', scanned: true }))).toBeNull();
		expect(patrolFeedAlertOf(event(9, 'patrol.checkpointLate', { checkpointId: 'c1', checkpointName: 'x', scanned: false }))?.kind).toBe(
			'checkpoint_late',
		);
		expect(patrolFeedAlertOf(event(10, 'patrol.checkpointVisited', {}))).toBeNull();
	});
});

describe('addFeedAlert', () => {
	it('keeps the feed newest first, each alert once, and short', () => {
		const older = patrolFeedAlertOf(event(1, 'patrol.roundLate', {}, '2026-03-02T01:00:00.000Z'));
		const newer = patrolFeedAlertOf(event(2, 'patrol.roundLate', {}, '2026-03-02T02:00:00.000Z'));
		if (!older || !newer) throw new Error('fixture');
		const feed = addFeedAlert(addFeedAlert([], older), newer);
		expect(feed.map((alert) => alert.id)).toEqual(['2', '1']);
		expect(addFeedAlert(feed, older)).toBe(feed);
		expect(addFeedAlert(feed, { ...newer, id: '3' }, 2)).toHaveLength(2);
	});
});
