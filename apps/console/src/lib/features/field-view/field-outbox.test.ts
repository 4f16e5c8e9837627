import { describe, expect, it } from 'vitest';
import type { Delivery } from './delivery';
import { deliveryOf } from './delivery';
import { FieldOutbox } from './field-outbox';

/** An api that takes what it is sent while up, refuses the codes it does not know, and records both. */
function api() {
	const taken: string[] = [];
	const state = { up: false };
	const send = (item: string): Promise<Delivery> => {
		if (!state.up) return Promise.resolve('retry');
		if (item.startsWith('bad')) return Promise.resolve('refused');
		taken.push(item);
		return Promise.resolve('taken');
	};
	return { taken, state, send };
}

describe('FieldOutbox', () => {
	it('keeps what was done offline and sends it once, in order, when the network returns', async () => {
		const server = api();
		const outbox = new FieldOutbox({ send: server.send, now: () => 0 });
		outbox.enqueue('scan-1', 'P01');
		outbox.enqueue('scan-2', 'P02');
		await outbox.drain();
		expect(server.taken).toEqual([]);
		expect(outbox.waiting.map((queued) => queued.key)).toEqual(['scan-1', 'scan-2']);
		server.state.up = true;
		await Promise.all([outbox.drain(), outbox.drain()]);
		await outbox.drain();
		expect(server.taken).toEqual(['P01', 'P02']);
		expect(outbox.waiting).toEqual([]);
	});

	it('does not queue the same thing twice', () => {
		const outbox = new FieldOutbox({ send: api().send, now: () => 0 });
		outbox.enqueue('done-1', 'a');
		outbox.enqueue('done-1', 'a');
		expect(outbox.waiting).toHaveLength(1);
		expect(outbox.has('done-1')).toBe(true);
	});

	it('tells of an item the api refuses for good and goes on with the next', async () => {
		const server = api();
		server.state.up = true;
		const refused: string[] = [];
		const outbox = new FieldOutbox({
			send: server.send,
			now: () => 0,
			onRefused: (queued) => refused.push(queued.key),
		});
		outbox.enqueue('scan-1', 'bad-code');
		outbox.enqueue('scan-2', 'P02');
		await outbox.drain();
		expect(refused).toEqual(['scan-1']);
		expect(server.taken).toEqual(['P02']);
	});

	it.each([
		[{ ok: true, value: null }, 'taken'],
		[{ ok: false, failure: { kind: 'network' } }, 'retry'],
		[{ ok: false, failure: { kind: 'problem', problem: { status: 502, title: '' } } }, 'retry'],
		[{ ok: false, failure: { kind: 'problem', problem: { status: 422, title: '' } } }, 'refused'],
	] as const)('reads %j as %s', (result, expected) => {
		expect(deliveryOf(result)).toBe(expected);
	});
});
