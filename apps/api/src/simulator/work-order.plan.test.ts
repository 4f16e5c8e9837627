import { RecordFeedback, ResolveWorkOrder } from '@estate-ops/domain/work-orders';
import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from '../seed/random';
import { createPace } from './pace';
import {
	deskDelayMs,
	deskStepFor,
	followUpFor,
	nextOrderToWork,
	pickAssignee,
	technicianStepFor,
	workRecordFor,
	type Order,
} from './work-order.plan';

const order = (overrides: Partial<Order> = {}): Order => ({
	id: 'order-1',
	code: 'R2603110001',
	kind: 'repair',
	category: 'plumbing',
	status: 'assigned',
	urgency: 'general',
	assigneeId: 'tech-1',
	contactedAt: null,
	submittedAt: '2026-03-11T02:00:00.000Z',
	location: { kind: 'room', roomId: 'room-1', buildingId: 'tower-1' },
	pauses: [],
	...overrides,
});
const paused = [{ to: null }];

describe('technicianStepFor', () => {
	it.each<[string, Partial<Order>, string]>([
		['calls the resident first', {}, 'contact'],
		['then walks over', { contactedAt: '2026-03-11T02:05:00.000Z' }, 'go'],
		['works once on site', { status: 'on_site', contactedAt: '2026-03-11T02:05:00.000Z' }, 'work'],
		['waits while the order is paused', { status: 'on_site', pauses: paused }, 'none'],
		['has nothing to do once it is resolved', { status: 'resolved' }, 'none'],
	])('%s', (_, overrides, step) => {
		expect(technicianStepFor(order(overrides))).toBe(step);
	});
});

describe('nextOrderToWork', () => {
	it('finishes the job on site first, then the most urgent, then the oldest', () => {
		const old = order({ id: 'old', submittedAt: '2026-03-11T01:00:00.000Z' });
		const young = order({ id: 'young' });
		const urgent = order({ id: 'urgent', urgency: 'urgent', submittedAt: '2026-03-11T03:00:00.000Z' });
		const onSite = order({ id: 'on-site', status: 'on_site', contactedAt: '2026-03-11T02:05:00.000Z' });
		const waiting = order({ id: 'paused', urgency: 'urgent', pauses: paused });
		expect(nextOrderToWork([young, old, urgent, onSite, waiting])?.id).toBe('on-site');
		expect(nextOrderToWork([young, old, urgent, waiting])?.id).toBe('urgent');
		expect(nextOrderToWork([young, old])?.id).toBe('old');
		expect(nextOrderToWork([waiting])).toBeNull();
	});
});

describe('deskStepFor and deskDelayMs', () => {
	it.each<[Order['status'], string]>([
		['submitted', 'accept'],
		['accepted', 'assign'],
		['assigned', 'none'],
		['on_site', 'none'],
		['resolved', 'followUp'],
		['feedback', 'close'],
		['closed', 'none'],
		['cancelled', 'none'],
	])('takes a %s order on with %s', (status, step) => {
		expect(deskStepFor(order({ status }))).toBe(step);
	});

	it('leaves a paused order alone', () => {
		expect(deskStepFor(order({ status: 'accepted', pauses: paused }))).toBe('none');
	});

	it('takes urgent orders on at once and follows up after the work has settled', () => {
		const pace = createPace(createDice(mulberry32(2)), 1);
		const accept = Array.from({ length: 100 }, () => deskDelayMs('accept', 'general', pace));
		const urgent = Array.from({ length: 100 }, () => deskDelayMs('accept', 'urgent', pace));
		expect(Math.min(...accept)).toBeGreaterThanOrEqual(60_000);
		expect(Math.max(...urgent)).toBeLessThanOrEqual(48_000);
		expect(deskDelayMs('followUp', 'urgent', pace)).toBeGreaterThanOrEqual(10 * 60_000);
	});
});

describe('pickAssignee', () => {
	const driven = new Set(['ours-a', 'ours-b']);

	it.each([
		[
			'the best-ranked skilled technician the simulator drives',
			[
				{ staffId: 'login-tech', skillMatch: true },
				{ staffId: 'ours-a', skillMatch: false },
				{ staffId: 'ours-b', skillMatch: true },
			],
			'ours-b',
		],
		[
			'one of ours without the skill rather than nobody',
			[
				{ staffId: 'login-tech', skillMatch: true },
				{ staffId: 'ours-a', skillMatch: false },
			],
			'ours-a',
		],
		[
			'the best-ranked of all when none of ours is suggested',
			[{ staffId: 'login-tech', skillMatch: true }],
			'login-tech',
		],
		['nobody when nobody is suggested', [], null],
	])('picks %s', (_, suggestions, expected) => {
		expect(pickAssignee(suggestions, driven)).toBe(expected);
	});
});

describe('workRecordFor and followUpFor', () => {
	it('writes a work record the resolve command accepts, in the category’s words', () => {
		const dice = createDice(mulberry32(3));
		for (let i = 0; i < 50; i++) {
			const record = workRecordFor(
				order(),
				Date.parse('2026-03-11T02:10:00Z'),
				Date.parse('2026-03-11T02:40:00Z'),
				dice,
			);
			expect(ResolveWorkOrder.parse({ type: 'resolve', ...record })).toMatchObject({
				startedAt: new Date('2026-03-11T02:10:00Z'),
				endedAt: new Date('2026-03-11T02:40:00Z'),
			});
			expect(record.result.trim()).not.toBe('');
		}
	});

	it('has no sign-off for work in a public place', () => {
		const dice = createDice(mulberry32(3));
		const outside = order({ location: { kind: 'point', position: [121.545, 31.205], buildingId: null } });
		expect(workRecordFor(outside, 0, 1, dice).residentSignedOff).toBe(false);
	});

	it('calls residents back who are mostly satisfied, in a form the feedback command accepts', () => {
		const dice = createDice(mulberry32(6));
		const calls = Array.from({ length: 400 }, () => followUpFor(dice));
		for (const call of calls) RecordFeedback.parse({ type: 'recordFeedback', ...call });
		const satisfied = calls.filter((call) => call.satisfied);
		expect(satisfied.length / calls.length).toBeGreaterThan(0.9);
		expect(satisfied.every((call) => call.ratings.result >= 4)).toBe(true);
	});
});
