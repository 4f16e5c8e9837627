import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import type { ApiResult } from '$lib/api/http';
import type { UndeliveredFiling, UndeliveredList } from '$lib/api/kiosk-undelivered';
import { byOpenFirst, isUndeliveredEvent, UndeliveredInbox } from './undelivered-inbox.svelte';

const filing = (id: string, status: 'open' | 'handled', receivedAt: string): UndeliveredFiling => ({
	id,
	device: { id: 'k1', name: '会所大堂' },
	filing: { kind: 'repair', description: id },
	room: null,
	problem: { status: 422, title: 'Unprocessable Content', detail: null, code: 'KIOSK.VERIFICATION_FAILED' },
	queuedAt: new Date(receivedAt),
	receivedAt: new Date(receivedAt),
	status,
	handled:
		status === 'handled'
			? { by: { id: 's1', name: '客服小王' }, at: new Date(receivedAt), note: '已补录' }
			: null,
});

const a = filing('a', 'open', '2026-03-02T01:00:00Z');
const b = filing('b', 'open', '2026-03-02T02:00:00Z');
const c = filing('c', 'handled', '2026-03-02T03:00:00Z');

/** An api whose answers the test sets, counting the calls. */
function fakeApi(list: UndeliveredList) {
	const calls = { list: 0, handle: [] as [string, string][] };
	let answer: ApiResult<UndeliveredList> = { ok: true, value: list };
	let handleAnswer: (id: string) => ApiResult<UndeliveredFiling> = (id) => ({
		ok: true,
		value: { ...filing(id, 'handled', '2026-03-02T01:00:00Z'), receivedAt: new Date('2026-03-02T01:00:00Z') },
	});
	return {
		calls,
		setList: (next: ApiResult<UndeliveredList>) => (answer = next),
		setHandle: (next: (id: string) => ApiResult<UndeliveredFiling>) => (handleAnswer = next),
		api: {
			list: async () => {
				calls.list++;
				await Promise.resolve();
				return answer;
			},
			handle: async (id: string, note: string) => {
				calls.handle.push([id, note]);
				return handleAnswer(id);
			},
		},
	};
}

/** A stand-in for the live estate's event stream: the test emits events. */
function stream() {
	const listeners = new Set<(event: WireEvent) => void>();
	return {
		onEvent: (listener: (event: WireEvent) => void) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		emit: (type: string) => {
			for (const listener of listeners)
				listener({ seq: 1, estateId: 'e', type, aggregateType: 'x', aggregateId: 'y', at: '', payload: {} });
		},
		size: () => listeners.size,
	};
}

describe('UndeliveredInbox', () => {
	it('loads the list open first and the open count', async () => {
		const fake = fakeApi({ items: [c, a, b], openCount: 2 });
		const inbox = new UndeliveredInbox(fake.api);
		expect(inbox.loaded).toBe(false);
		await inbox.load();
		expect(inbox.items.map((item) => item.id)).toEqual(['b', 'a', 'c']);
		expect(inbox.openCount).toBe(2);
		expect(inbox.loaded).toBe(true);
		expect(inbox.failure).toBeNull();
	});

	it('keeps the last list and says why when a reload fails', async () => {
		const fake = fakeApi({ items: [a], openCount: 1 });
		const inbox = new UndeliveredInbox(fake.api);
		await inbox.load();
		fake.setList({ ok: false, failure: { kind: 'network' } });
		await inbox.load();
		expect(inbox.items.map((item) => item.id)).toEqual(['a']);
		expect(inbox.failure).toEqual({ kind: 'network' });
	});

	it('runs a load asked for during another once more afterwards, not in parallel', async () => {
		const fake = fakeApi({ items: [a], openCount: 1 });
		const inbox = new UndeliveredInbox(fake.api);
		const first = inbox.load();
		void inbox.load();
		void inbox.load();
		await first;
		expect(fake.calls.list).toBe(2);
	});

	it('marks one handled in place and counts it out of the open ones', async () => {
		const fake = fakeApi({ items: [a, b, c], openCount: 2 });
		const inbox = new UndeliveredInbox(fake.api);
		await inbox.load();
		const result = await inbox.handle('a', '已电话联系');
		expect(result.ok).toBe(true);
		expect(fake.calls.handle).toEqual([['a', '已电话联系']]);
		expect(inbox.openCount).toBe(1);
		expect(inbox.items.map((item) => [item.id, item.status])).toEqual([
			['b', 'open'],
			['c', 'handled'],
			['a', 'handled'],
		]);
	});

	it('reads the list again when another desk was first (409)', async () => {
		const fake = fakeApi({ items: [a], openCount: 1 });
		const inbox = new UndeliveredInbox(fake.api);
		await inbox.load();
		fake.setHandle(() => ({
			ok: false,
			failure: {
				kind: 'problem',
				problem: { status: 409, title: 'Conflict', code: 'KIOSK_UNDELIVERED.ALREADY_HANDLED' },
			},
		}));
		fake.setList({ ok: true, value: { items: [{ ...a, status: 'handled' }], openCount: 0 } });
		const result = await inbox.handle('a', 'x');
		expect(result.ok).toBe(false);
		expect(fake.calls.list).toBe(2);
		expect(inbox.openCount).toBe(0);
	});

	it('reloads on undelivered-filing events from the live stream only, until it stops following', async () => {
		const fake = fakeApi({ items: [], openCount: 0 });
		const inbox = new UndeliveredInbox(fake.api);
		const events = stream();
		const stop = inbox.follow(events);
		events.emit('workOrder.assigned');
		expect(fake.calls.list).toBe(0);
		fake.setList({ ok: true, value: { items: [a], openCount: 1 } });
		events.emit('kioskUndelivered.received');
		await Promise.resolve();
		await Promise.resolve();
		expect(fake.calls.list).toBe(1);
		await inbox.load();
		expect(inbox.openCount).toBe(1);
		stop();
		expect(events.size()).toBe(0);
	});
});

describe('isUndeliveredEvent and byOpenFirst', () => {
	it.each([
		['kioskUndelivered.received', true],
		['kioskUndelivered.handled', true],
		['notice.published', false],
		['workOrder.submitted', false],
	])('%s is an undelivered-filing event: %s', (type, expected) => {
		expect(isUndeliveredEvent({ type })).toBe(expected);
	});

	it('puts open ones first, newest first', () => {
		expect([c, a, b].sort(byOpenFirst).map((item) => item.id)).toEqual(['b', 'a', 'c']);
	});
});
