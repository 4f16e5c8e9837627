import { describe, expect, it } from 'vitest';
import { WorkOrderId } from '../shared/ids';
import { apply } from './apply';
import { agent, HAPPY_PATH, minutesLater, orderAt, run, TECH_ID } from './work-order.fixtures';
import { WorkOrderEvent } from './work-order-event';

const { state: closed, events } = run(Object.values(HAPPY_PATH));
const accepted: WorkOrderEvent = {
	type: 'workOrder.accepted',
	workOrderId: WorkOrderId.parse('wo-1'),
	at: minutesLater(5),
	actor: agent,
	responsibleStaffId: agent.kind === 'staff' ? agent.staffId : TECH_ID,
};

describe('apply', () => {
	it('rebuilds an order from its events alone', () => {
		expect(events.reduce<ReturnType<typeof apply> | null>(apply, null)).toEqual(closed);
	});

	it('emits past-tense events, each with its time and actor', () => {
		expect(events.map((event) => event.type)).toEqual([
			'workOrder.submitted',
			'workOrder.accepted',
			'workOrder.assigned',
			'workOrder.contactRecorded',
			'workOrder.arrived',
			'workOrder.resolved',
			'workOrder.feedbackRecorded',
			'workOrder.closed',
		]);
		for (const event of events)
			expect(event).toMatchObject({ workOrderId: 'wo-1', at: expect.any(Date), actor: expect.any(Object) });
	});

	it('emits events that parse with the event schema, as socket payloads will be parsed', () => {
		for (const event of events) expect(WorkOrderEvent.parse(event)).toEqual(event);
	});

	it.each([
		['an event before the order exists', () => apply(null, accepted), /does not exist/],
		['a second submission', () => apply(closed, events[0] as WorkOrderEvent), /already submitted/],
		[
			'an event of another order',
			() => apply(orderAt('submitted'), { ...accepted, workOrderId: WorkOrderId.parse('wo-2') }),
			/applied to wo-1/,
		],
		['an event out of order', () => apply(orderAt('accepted'), accepted), /in status accepted/],
		[
			'an arrival before contact',
			() =>
				apply(orderAt('assigned'), {
					type: 'workOrder.arrived',
					workOrderId: WorkOrderId.parse('wo-1'),
					at: minutesLater(20),
					actor: agent,
				}),
			/before contacting/,
		],
	])('refuses %s: the stream is corrupt', (_name, applying, message) => {
		expect(applying).toThrow(message);
	});
});
