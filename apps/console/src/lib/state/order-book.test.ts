import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import { applyWireEvent, byDeadline, shownSlaState } from './order-book';
import type { LiveOrder } from './order-book';

const at = '2026-03-02T01:00:00.000Z';
const staff = { kind: 'staff', staffId: '11111111-1111-4111-8111-111111111111' };
const orderId = '22222222-2222-4222-8222-222222222222';

const wire = (seq: number, type: string, payload: unknown, aggregateId = orderId): WireEvent => ({
	seq,
	estateId: 'e1',
	type,
	aggregateType: 'workOrder',
	aggregateId,
	at,
	payload,
});

const submitted = {
	type: 'workOrder.submitted',
	workOrderId: orderId,
	at,
	actor: staff,
	estateId: '33333333-3333-4333-8333-333333333333',
	code: 'R7K2M9P',
	kind: 'repair',
	category: 'plumbing',
	channel: 'phone',
	description: '水管爆裂',
	location: {
		kind: 'room',
		roomId: '44444444-4444-4444-8444-444444444444',
		buildingId: '55555555-5555-4555-8555-555555555555',
	},
	residentId: null,
	contact: null,
	desiredWindow: null,
	areaM2: null,
	reportedAt: null,
	suggestedUrgency: 'urgent',
	urgencyKeywords: ['爆裂'],
	responsibleStaffId: staff.staffId,
	attachments: [],
};

describe('applyWireEvent', () => {
	it('adds a filed order with the domain reducer, raises an urgent alert and asks the api for its deadline', () => {
		const outcome = applyWireEvent(new Map(), wire(7, 'workOrder.submitted', submitted));
		expect(outcome.put?.order).toMatchObject({
			id: orderId,
			status: 'submitted',
			version: 1,
			urgency: 'urgent',
		});
		expect(outcome.alert).toMatchObject({ kind: 'urgent_order', code: 'R7K2M9P', workOrderId: orderId });
		expect(outcome.refetch).toBe(orderId);
	});

	it('moves a held order on to its next step', () => {
		const put = applyWireEvent(new Map(), wire(7, 'workOrder.submitted', submitted)).put as LiveOrder;
		const accepted = {
			type: 'workOrder.accepted',
			workOrderId: orderId,
			at,
			actor: staff,
			responsibleStaffId: staff.staffId,
		};
		const outcome = applyWireEvent(new Map([[orderId, put]]), wire(8, 'workOrder.accepted', accepted));
		expect(outcome.put?.order).toMatchObject({ status: 'accepted', version: 2 });
		expect(outcome.alert).toBeUndefined();
	});

	it.each([
		[
			'an order it never loaded',
			new Map<string, LiveOrder>(),
			{ type: 'workOrder.arrived', workOrderId: orderId, at, actor: staff },
		],
		['a payload the schema refuses', new Map<string, LiveOrder>(), { type: 'workOrder.arrived' }],
	])('reads the order again from the api for %s', (_, book, payload) => {
		expect(applyWireEvent(book, wire(9, 'workOrder.arrived', payload))).toEqual({ refetch: orderId });
	});

	it('reads the order again when the reducer refuses the event (a step it already took)', () => {
		const put = applyWireEvent(new Map(), wire(7, 'workOrder.submitted', submitted)).put as LiveOrder;
		expect(applyWireEvent(new Map([[orderId, put]]), wire(9, 'workOrder.submitted', submitted))).toEqual({
			refetch: orderId,
		});
	});

	it('marks an order breached and raises an alert on sla.breached', () => {
		const put = applyWireEvent(new Map(), wire(7, 'workOrder.submitted', submitted)).put as LiveOrder;
		const payload = {
			workOrderId: orderId,
			code: 'R7K2M9P',
			clock: 'accept',
			level: 2,
			dueAt: at,
			urgency: 'urgent',
		};
		const outcome = applyWireEvent(new Map([[orderId, put]]), wire(10, 'sla.breached', payload));
		expect(outcome.put?.slaState).toBe('breached');
		expect(outcome.alert).toMatchObject({ kind: 'sla_breached', code: 'R7K2M9P' });
	});

	it('ignores events of other aggregates', () => {
		expect(
			applyWireEvent(new Map(), { ...wire(11, 'notice.published', {}), aggregateType: 'notice' }),
		).toEqual({});
	});
});

describe('deadlines', () => {
	const entry = (due: string | null, slaState: LiveOrder['slaState'] = 'on_track') =>
		({ order: { submittedAt: new Date(at) }, nextDueAt: due ? new Date(due) : null, slaState }) as LiveOrder;

	it('shows a passed deadline as breached before the api says so, but never a paused one', () => {
		const now = new Date('2026-03-02T02:00:00Z');
		expect(shownSlaState(entry('2026-03-02T01:30:00Z'), now)).toBe('breached');
		expect(shownSlaState(entry('2026-03-02T03:00:00Z'), now)).toBe('on_track');
		expect(shownSlaState(entry('2026-03-02T01:30:00Z', 'paused'), now)).toBe('paused');
	});

	it('sorts the soonest deadline first and orders without one last', () => {
		const list = [entry(null), entry('2026-03-02T05:00:00Z'), entry('2026-03-02T01:00:00Z')].sort(byDeadline);
		expect(list.map((e) => e.nextDueAt?.toISOString() ?? null)).toEqual([
			'2026-03-02T01:00:00.000Z',
			'2026-03-02T05:00:00.000Z',
			null,
		]);
	});
});
