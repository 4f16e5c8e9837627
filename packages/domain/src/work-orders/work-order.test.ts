import { describe, expect, it } from 'vitest';
import { StaffId } from '../shared/ids';
import { isPaused, WorkOrder } from './work-order';
import { agent, minutesLater, orderAt } from './work-order.fixtures';
import type { WorkOrderStatus } from './work-order-status';
import { canMove, isOpenStatus } from './work-order-status';

describe('the WorkOrder schema', () => {
	it('accepts an order at every step of the happy path', () => {
		for (const stage of [
			'submitted',
			'accepted',
			'assigned',
			'contacted',
			'on_site',
			'resolved',
			'feedback',
			'closed',
		] as const) {
			expect(WorkOrder.safeParse(orderAt(stage)).success).toBe(true);
		}
	});

	it.each([
		['a step time missing for its status', { ...orderAt('on_site'), arrivedAt: null }],
		['a later step filled in too early', { ...orderAt('accepted'), resolvedAt: minutesLater(9) }],
		['a category of another kind', { ...orderAt('submitted'), category: 'greening' }],
		['a reopen count that disagrees with the reworks', { ...orderAt('submitted'), reopenCount: 2 }],
		[
			'an assignee who is not the last assignment',
			{ ...orderAt('assigned'), assigneeId: StaffId.parse('st-x') },
		],
		[
			'an open pause followed by another',
			{
				...orderAt('accepted'),
				pauses: [minutesLater(6), minutesLater(7)].map((from) => ({
					from,
					to: null,
					cause: 'other',
					reason: 'x',
					by: agent,
					resumedBy: null,
				})),
			},
		],
	])('rejects %s', (_name, order) => {
		expect(WorkOrder.safeParse(order).success).toBe(false);
	});

	it('tells a paused order by its open pause', () => {
		const paused = orderAt('accepted', [
			[{ type: 'pause', cause: 'other', reason: '住户要求延后' }, agent, minutesLater(6)],
		]);
		expect(isPaused(paused)).toBe(true);
		expect(isPaused(orderAt('accepted'))).toBe(false);
	});
});

describe('the status graph', () => {
	it.each([
		['submitted', 'accepted', true],
		['submitted', 'assigned', false],
		['assigned', 'resolved', false],
		['feedback', 'assigned', true],
		['closed', 'assigned', true],
		['cancelled', 'submitted', false],
	] as const)('%s → %s is allowed: %s', (from, to, allowed) => {
		expect(canMove(from, to)).toBe(allowed);
	});

	it('counts closed and cancelled orders as no longer open', () => {
		const statuses: WorkOrderStatus[] = ['feedback', 'closed', 'cancelled'];
		expect(statuses.map(isOpenStatus)).toEqual([true, false, false]);
	});
});
