import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database } from '../db/database';
import {
	listDeliveredNotifications,
	markAllNotificationsRead,
	markNotificationRead,
	releaseDueNotifications,
	type StoredNotification,
} from '../db/repositories/notification.repository';
import { isUuid } from '../db/repositories/site.repository';

export type DutyNotificationServiceDeps = { readonly db: Database; readonly now: () => Date };

/** A notification as its recipient sees it on the wire (and in the bell). */
export type NotificationView = {
	readonly id: string;
	readonly recipientId: string;
	readonly workOrderId: string;
	readonly alert: string;
	readonly level: number;
	readonly reasons: string[];
	readonly code: string | null;
	readonly urgency: string | null;
	readonly clock: string | null;
	readonly dueAt: string | null;
	readonly deliverAt: string;
	readonly deliveredAt: string | null;
	readonly readAt: string | null;
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const notificationView = (n: StoredNotification): NotificationView => ({
	id: n.id,
	recipientId: n.recipientId,
	workOrderId: n.workOrderId,
	alert: n.alert,
	level: n.level,
	reasons: [...n.reasons],
	code: text(n.details['code']),
	urgency: text(n.details['urgency']),
	clock: text(n.details['clock']),
	dueAt: text(n.details['dueAt']),
	deliverAt: n.deliverAt.toISOString(),
	deliveredAt: n.deliveredAt?.toISOString() ?? null,
	readAt: n.readAt?.toISOString() ?? null,
});

/**
 * A person's notifications (the console's bell): what the SLA watch decided they should hear, shown once it has
 * been delivered, read when they say so. Queued notifications stay out of their sight until their shift starts.
 */
export function createDutyNotificationService(deps: DutyNotificationServiceDeps) {
	const { db, now } = deps;
	return {
		async list(recipientId: string, options: { unreadOnly: boolean; limit: number }) {
			const { items, unread } = await listDeliveredNotifications(db, recipientId, options);
			return { items: items.map(notificationView), unread };
		},

		async markRead(recipientId: string, id: string): Promise<Result<NotificationView, DomainError>> {
			const read = isUuid(id) ? await markNotificationRead(db, recipientId, id, now()) : null;
			return read
				? ok(notificationView(read))
				: err('NOTIFICATION.NOT_FOUND', 'No such notification of yours.');
		},

		/** Marks read what was delivered up to `upTo` (what the person has seen), by default everything so far. */
		markAllRead: (recipientId: string, upTo?: Date) => {
			const at = now();
			return markAllNotificationsRead(db, recipientId, at, upTo && upTo < at ? upTo : at);
		},

		/** The delivery step: releases every notification whose time has come (each once). */
		releaseDue: (at: Date) => releaseDueNotifications(db, at),
	};
}

export type DutyNotificationService = ReturnType<typeof createDutyNotificationService>;
