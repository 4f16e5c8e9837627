import { and, count, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { notifications } from '../schema/index';

/** A person's notification of an SLA alert, as the api sees it. */
export type StoredNotification = {
	readonly id: string;
	readonly estateId: string;
	readonly recipientId: string;
	readonly workOrderId: string;
	readonly alert: string;
	readonly clock: string;
	readonly level: number;
	readonly reasons: readonly string[];
	readonly details: Readonly<Record<string, unknown>>;
	readonly deliverAt: Date;
	readonly deliveredAt: Date | null;
	readonly readAt: Date | null;
	readonly createdAt: Date;
};

export type NewNotification = Omit<StoredNotification, 'id' | 'deliveredAt' | 'readAt'> & {
	readonly deliveredAt: null;
};

type Row = typeof notifications.$inferSelect;

const toNotification = (row: Row): StoredNotification => ({
	id: row.id,
	estateId: row.estateId,
	recipientId: row.recipientId,
	workOrderId: row.workOrderId,
	alert: row.alert,
	clock: row.clock,
	level: row.level,
	reasons: row.reasons,
	details: row.details,
	deliverAt: row.deliverAt,
	deliveredAt: row.deliveredAt,
	readAt: row.readAt,
	createdAt: row.createdAt,
});

/** Writes notifications once each (per alert and person); returns the ones this call wrote. */
export async function insertNotifications(
	tx: Executor,
	rows: readonly NewNotification[],
): Promise<StoredNotification[]> {
	if (rows.length === 0) return [];
	const inserted = await tx
		.insert(notifications)
		.values(rows.map((row) => ({ ...row, reasons: [...row.reasons], details: { ...row.details } })))
		.onConflictDoNothing({
			target: [
				notifications.workOrderId,
				notifications.clock,
				notifications.level,
				notifications.recipientId,
			],
		})
		.returning();
	return inserted.map(toNotification);
}

/**
 * Marks every notification whose time has come as delivered, across estates, and returns them: the delivery step
 * then hands each to its person's realtime room. A row is released once, whichever instance runs the step.
 */
export async function releaseDueNotifications(
	db: Executor,
	at: Date,
	limit = 1_000,
): Promise<StoredNotification[]> {
	const due = db
		.select({ id: notifications.id })
		.from(notifications)
		.where(and(isNull(notifications.deliveredAt), lte(notifications.deliverAt, at)))
		.orderBy(notifications.deliverAt)
		.limit(limit);
	const rows = await db
		.update(notifications)
		.set({ deliveredAt: at })
		.where(and(isNull(notifications.deliveredAt), inArray(notifications.id, due)))
		.returning();
	return rows.map(toNotification).sort((a, b) => a.deliverAt.getTime() - b.deliverAt.getTime());
}

/** A person's delivered notifications, newest first; queued ones stay out of sight until their time. */
export async function listDeliveredNotifications(
	db: Executor,
	recipientId: string,
	options: { readonly unreadOnly: boolean; readonly limit: number },
): Promise<{ items: StoredNotification[]; unread: number }> {
	const mine = and(eq(notifications.recipientId, recipientId), isNotNull(notifications.deliveredAt));
	const rows = await db
		.select()
		.from(notifications)
		.where(and(mine, options.unreadOnly ? isNull(notifications.readAt) : undefined))
		.orderBy(desc(notifications.deliveredAt), desc(notifications.level), desc(notifications.createdAt))
		.limit(options.limit);
	const [unread] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(mine, isNull(notifications.readAt)));
	return { items: rows.map(toNotification), unread: Number(unread?.n ?? 0) };
}

/** Marks one delivered notification of this person read (kept as first read); null when it is not theirs. */
export async function markNotificationRead(
	db: Executor,
	recipientId: string,
	id: string,
	at: Date,
): Promise<StoredNotification | null> {
	const [row] = await db
		.update(notifications)
		.set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
		.where(
			and(
				eq(notifications.id, id),
				eq(notifications.recipientId, recipientId),
				isNotNull(notifications.deliveredAt),
			),
		)
		.returning();
	return row ? toNotification(row) : null;
}

/** Marks the delivered, unread notifications of this person read (those delivered by `upTo`); returns how many. */
export async function markAllNotificationsRead(
	db: Executor,
	recipientId: string,
	at: Date,
	upTo: Date = at,
): Promise<number> {
	const rows = await db
		.update(notifications)
		.set({ readAt: at })
		.where(
			and(
				eq(notifications.recipientId, recipientId),
				lte(notifications.deliveredAt, upTo),
				isNull(notifications.readAt),
			),
		)
		.returning({ id: notifications.id });
	return rows.length;
}

/** The notifications of one order, for the control room (queued ones included). */
export async function listNotificationsOfOrder(
	db: Executor,
	estateId: string,
	workOrderId: string,
): Promise<StoredNotification[]> {
	const rows = await db
		.select()
		.from(notifications)
		.where(and(eq(notifications.estateId, estateId), eq(notifications.workOrderId, workOrderId)))
		.orderBy(notifications.deliverAt);
	return rows.map(toNotification);
}
