import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../database';
import { sessions, staff } from '../schema/index';
import { type StaffAccount, toStaffAccount } from './staff.repository';

/** A signed-in session. `id` is SHA-256(token) in hex: the token itself is never stored. */
export type SessionRecord = {
	readonly id: string;
	readonly staffId: string;
	readonly createdAt: Date;
	readonly lastSeenAt: Date;
	readonly expiresAt: Date;
	readonly userAgent: string | null;
	readonly ip: string | null;
};

type SessionRow = typeof sessions.$inferSelect;

const toSession = (row: SessionRow): SessionRecord => ({
	id: row.id,
	staffId: row.staffId,
	createdAt: row.createdAt,
	lastSeenAt: row.lastSeenAt,
	expiresAt: row.expiresAt,
	userAgent: row.userAgent,
	ip: row.ip,
});

export async function insertSession(db: Executor, session: SessionRecord): Promise<void> {
	await db.insert(sessions).values({ ...session });
}

export async function findSessionWithStaff(
	db: Executor,
	id: string,
): Promise<{ readonly session: SessionRecord; readonly staff: StaffAccount } | null> {
	const rows = await db
		.select()
		.from(sessions)
		.innerJoin(staff, eq(sessions.staffId, staff.id))
		.where(eq(sessions.id, id))
		.limit(1);
	const row = rows[0];
	return row ? { session: toSession(row.sessions), staff: toStaffAccount(row.staff) } : null;
}

export async function updateSessionActivity(
	db: Executor,
	id: string,
	change: { readonly lastSeenAt: Date; readonly expiresAt?: Date },
): Promise<void> {
	await db
		.update(sessions)
		.set({ lastSeenAt: change.lastSeenAt, ...(change.expiresAt ? { expiresAt: change.expiresAt } : {}) })
		.where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes one session if it belongs to `staffId`; false when there was no such session of theirs. */
export async function deleteSessionOfStaff(db: Executor, staffId: string, id: string): Promise<boolean> {
	const rows = await db
		.delete(sessions)
		.where(and(eq(sessions.id, id), eq(sessions.staffId, staffId)))
		.returning({ id: sessions.id });
	return rows.length > 0;
}

/** Signs a staff member out everywhere; returns how many sessions ended. */
export async function deleteSessionsOfStaff(db: Executor, staffId: string): Promise<number> {
	const rows = await db.delete(sessions).where(eq(sessions.staffId, staffId)).returning({ id: sessions.id });
	return rows.length;
}

/** A staff member's unexpired sessions, most recently used first. */
export async function listSessionsOfStaff(
	db: Executor,
	staffId: string,
	now: Date,
): Promise<SessionRecord[]> {
	const rows = await db
		.select()
		.from(sessions)
		.where(and(eq(sessions.staffId, staffId), gt(sessions.expiresAt, now)))
		.orderBy(sessions.lastSeenAt);
	return rows.map(toSession).reverse();
}

/** Housekeeping for a periodic job: expired sessions are refused anyway, this only frees the rows. */
export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
	const rows = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
	return rows.length;
}
