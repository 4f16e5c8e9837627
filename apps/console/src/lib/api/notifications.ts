import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/** One of my SLA notifications, as the api and the `notification` socket event carry it. */
export const Notification = z.object({
	id: z.string(),
	recipientId: z.string(),
	workOrderId: z.string(),
	alert: z.string(),
	level: z.number(),
	reasons: z.array(z.string()),
	code: z.string().nullable(),
	urgency: z.string().nullable(),
	clock: z.string().nullable(),
	dueAt: z.string().nullable(),
	deliverAt: z.string(),
	deliveredAt: z.string().nullable(),
	readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

const NotificationList = z.object({ items: z.array(Notification), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationList>;
const Unread = z.object({ unread: z.number() });

export const notificationsApi = (api: ApiClient) => ({
	list: (): Promise<ApiResult<NotificationList>> =>
		api.request('/api/v1/notifications?limit=30', NotificationList),
	markRead: (id: string): Promise<ApiResult<Notification>> =>
		api.request(`/api/v1/notifications/${encodeURIComponent(id)}/read`, Notification, { method: 'POST' }),
	/** Marks read what was delivered up to `upTo`: what the person has seen, not what arrived since. */
	markAllRead: (upTo: Date): Promise<ApiResult<{ unread: number }>> =>
		api.request('/api/v1/notifications/read-all', Unread, {
			method: 'POST',
			body: { upTo: upTo.toISOString() },
		}),
});
export type NotificationsApi = ReturnType<typeof notificationsApi>;

type ServerEvents = { notification: (notification: unknown) => void };

/** My notifications as they are delivered: their own socket on this origin (the server sends to `user:<id>`). */
export function openNotificationStream(handlers: {
	readonly onNotification: (notification: unknown) => void;
	readonly onConnect: () => void;
}): () => void {
	const socket: Socket<ServerEvents> = io({
		path: '/socket.io',
		withCredentials: true,
		transports: ['websocket', 'polling'],
		forceNew: true,
	});
	socket.on('connect', handlers.onConnect);
	socket.on('notification', handlers.onNotification);
	return () => {
		socket.removeAllListeners();
		socket.close();
	};
}
