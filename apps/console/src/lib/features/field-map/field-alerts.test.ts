import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import { applyAlertEvent, sosByPerson } from './field-alerts';

const alert = (change: Record<string, unknown> = {}) => ({
	id: 'a1',
	kind: 'sos',
	status: 'open',
	personId: 'g1',
	personName: '王保安',
	lng: 121.5,
	lat: 31.2,
	note: null,
	raisedAt: '2026-03-02T01:00:00.000Z',
	repeats: 0,
	acknowledgedAt: null,
	acknowledgedBy: null,
	resolvedAt: null,
	resolvedBy: null,
	resolution: null,
	version: 1,
	...change,
});

const event = (type: string, payload: unknown, seq = 1): WireEvent => ({
	seq,
	estateId: 'e1',
	type,
	aggregateType: 'alert',
	aggregateId: 'a1',
	at: '2026-03-02T01:00:00.000Z',
	payload,
});

describe('applyAlertEvent', () => {
	it('opens a raised SOS and says it must flash and sound', () => {
		const outcome = applyAlertEvent(new Map(), event('alert.raised', { type: 'alert.raised', alert: alert() }));
		expect(outcome.open.get('a1')).toMatchObject({ status: 'open', personName: '王保安' });
		expect(outcome.raised?.id).toBe('a1');
	});

	it('sounds again for a repeated press, and not for an acknowledgement', () => {
		const open = applyAlertEvent(new Map(), event('alert.raised', { alert: alert() })).open;
		const repeated = applyAlertEvent(open, event('alert.repeated', { alert: alert({ repeats: 1, version: 2 }) }));
		expect(repeated.raised?.repeats).toBe(1);
		const acknowledged = applyAlertEvent(
			repeated.open,
			event('alert.acknowledged', {
				alert: alert({ status: 'acknowledged', acknowledgedAt: '2026-03-02T01:01:00.000Z', version: 3 }),
			}),
		);
		expect(acknowledged.raised).toBeUndefined();
		expect(acknowledged.open.get('a1')?.status).toBe('acknowledged');
	});

	it('drops a resolved alert', () => {
		const open = applyAlertEvent(new Map(), event('alert.raised', { alert: alert() })).open;
		const outcome = applyAlertEvent(open, event('alert.resolved', { alert: alert({ status: 'resolved', version: 2 }) }));
		expect(outcome.open.size).toBe(0);
	});

	it('ignores an event older than the alert held, and events it cannot read', () => {
		const open = applyAlertEvent(new Map(), event('alert.acknowledged', { alert: alert({ status: 'acknowledged', version: 2 }) })).open;
		expect(applyAlertEvent(open, event('alert.raised', { alert: alert() })).open).toBe(open);
		expect(applyAlertEvent(open, event('alert.raised', { nothing: true })).open).toBe(open);
		expect(applyAlertEvent(open, event('workOrder.accepted', {})).open).toBe(open);
	});
});

describe('sosByPerson', () => {
	it('keeps each person’s newest SOS', () => {
		let open = applyAlertEvent(new Map(), event('alert.raised', { alert: alert() })).open;
		open = applyAlertEvent(
			open,
			event('alert.raised', { alert: alert({ id: 'a2', raisedAt: '2026-03-02T02:00:00.000Z', lng: 121.6 }) }),
		).open;
		expect(sosByPerson(open).get('g1')?.id).toBe('a2');
	});
});
