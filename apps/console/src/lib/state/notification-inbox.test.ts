import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/api/http';
import type { Notification, NotificationList } from '$lib/api/notifications';
import { NotificationInbox } from './notification-inbox.svelte';

const at = (hhmm: string) => `2026-03-09T${hhmm}:00.000Z`;

const notification = (id: string, change: Partial<Notification> = {}): Notification => ({
	id,
	recipientId: 'st-head',
	workOrderId: `wo-${id}`,
	alert: 'sla.breached',
	level: 2,
	reasons: ['department_head'],
	code: 'R7KQ2MX',
	urgency: 'general',
	clock: 'resolve',
	dueAt: at('00:00'),
	deliverAt: at('00:30'),
	deliveredAt: at('00:30'),
	readAt: null,
	...change,
});

/** An api that answers from a list the test holds, and a stream the test pushes into. */
function setUp(server: Notification[]) {
	const stream: { push?: (raw: unknown) => void; connect?: () => void; closed: boolean } = { closed: false };
	const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
	const inbox = new NotificationInbox({
		now: () => new Date(at('01:00')),
		api: {
			list: () =>
				Promise.resolve(
					ok<NotificationList>({ items: server, unread: server.filter((n) => n.readAt === null).length }),
				),
			markRead: (id) => {
				const index = server.findIndex((n) => n.id === id);
				const read = { ...(server[index] ?? notification(id)), readAt: at('01:00') };
				server[index] = read;
				return Promise.resolve(ok(read));
			},
			markAllRead: (upTo) => {
				server.forEach((n, i) => {
					if (n.readAt === null && (n.deliveredAt ?? '') <= upTo.toISOString())
						server[i] = { ...n, readAt: upTo.toISOString() };
				});
				return Promise.resolve(ok({ unread: server.filter((n) => n.readAt === null).length }));
			},
		},
		openStream: (handlers) => {
			stream.push = handlers.onNotification;
			stream.connect = handlers.onConnect;
			return () => {
				stream.closed = true;
			};
		},
	});
	return { inbox, stream };
}

describe('NotificationInbox', () => {
	it('loads what was delivered while away when it connects', async () => {
		const { inbox, stream } = setUp([notification('a'), notification('b', { readAt: at('00:40') })]);
		const stop = inbox.start();
		stream.connect?.();
		await inbox.load();
		expect(inbox.items.map((n) => n.id)).toEqual(['a', 'b']);
		expect(inbox.unread).toBe(1);
		stop();
		expect(stream.closed).toBe(true);
	});

	it('puts a delivered notification on top and counts it once, even when a reload already has it', async () => {
		const { inbox, stream } = setUp([notification('a')]);
		inbox.start();
		await inbox.load();
		stream.push?.(notification('c', { deliveredAt: at('00:50') }));
		stream.push?.(notification('c', { deliveredAt: at('00:50') }));
		stream.push?.({ id: 'not a notification' });
		expect(inbox.items.map((n) => n.id)).toEqual(['c', 'a']);
		expect(inbox.unread).toBe(2);
	});

	it('marks one read, and then the rest, up to now', async () => {
		const { inbox } = setUp([notification('a'), notification('b')]);
		await inbox.load();
		await inbox.markRead('a');
		expect(inbox.unread).toBe(1);
		expect(inbox.items.find((n) => n.id === 'a')?.readAt).toBe(at('01:00'));
		await inbox.markRead('a');
		expect(inbox.unread).toBe(1);
		await inbox.markAllRead();
		expect(inbox.unread).toBe(0);
		expect(inbox.items.every((n) => n.readAt !== null)).toBe(true);
	});
});
