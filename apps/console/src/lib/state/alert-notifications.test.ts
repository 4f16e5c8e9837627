import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import { applyWireEvent } from './order-book';

const orderId = '22222222-2222-4222-8222-222222222222';
const head = '44444444-4444-4444-8444-444444444444';
const lead = '55555555-5555-4555-8555-555555555555';

const breach = (payload: Record<string, unknown>): WireEvent => ({
	seq: 12,
	estateId: 'e1',
	type: 'sla.breached',
	aggregateType: 'workOrder',
	aggregateId: orderId,
	at: '2026-03-06T15:01:00.000Z',
	payload: {
		workOrderId: orderId,
		code: 'R7K2M9P',
		clock: 'resolve',
		level: 2,
		urgency: 'general',
		...payload,
	},
});

describe('an SLA alert with the people the roster sends it to', () => {
	it('carries who is told at once and who only when their shift starts', () => {
		const outcome = applyWireEvent(
			new Map(),
			breach({
				notifications: [
					{
						recipientId: lead,
						reasons: ['on_duty_lead'],
						deliverAt: '2026-03-06T15:01:00.000Z',
						queued: false,
					},
					{
						recipientId: head,
						reasons: ['department_head'],
						deliverAt: '2026-03-09T00:30:00.000Z',
						queued: true,
					},
				],
			}),
		);
		expect(outcome.alert?.notifications).toEqual([
			{ recipientId: lead, deliverAt: new Date('2026-03-06T15:01:00.000Z'), queued: false },
			{ recipientId: head, deliverAt: new Date('2026-03-09T00:30:00.000Z'), queued: true },
		]);
	});

	it('leaves out what it cannot read, and has none for an alert from before the roster', () => {
		const outcome = applyWireEvent(
			new Map(),
			breach({
				notifications: [
					{ recipientId: head, deliverAt: 'someday' },
					{ deliverAt: '2026-03-09T00:30:00Z' },
					7,
				],
			}),
		);
		expect(outcome.alert?.notifications).toEqual([]);
		expect(applyWireEvent(new Map(), breach({})).alert?.notifications).toEqual([]);
	});
});
