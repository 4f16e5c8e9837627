import { and, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../database';
import { notices } from '../schema/index';

/** Who a notice (公告) is for: the whole estate, or the residents of some buildings. */
export const NoticeAudience = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('estate') }),
	z.object({ scope: z.literal('buildings'), buildingIds: z.array(z.string()).min(1) }),
]);
export type NoticeAudience = z.infer<typeof NoticeAudience>;

/** A notice (公告): shown on the kiosks of its audience from `publishAt` until `expireAt`. */
export type Notice = {
	readonly id: string;
	readonly estateId: string;
	readonly title: string;
	readonly body: string;
	readonly audience: NoticeAudience;
	readonly pinned: boolean;
	readonly publishAt: Date;
	readonly expireAt: Date | null;
	readonly createdBy: string | null;
	readonly createdAt: Date;
	readonly updatedAt: Date;
};

/** Where a notice stands at an instant: waiting to go up, up, or taken down by its expiry. */
export type NoticeState = 'scheduled' | 'active' | 'expired';

export type NoticeContent = Pick<Notice, 'title' | 'body' | 'audience' | 'pinned' | 'publishAt' | 'expireAt'>;

type Row = typeof notices.$inferSelect;

const toNotice = (row: Row): Notice => ({
	id: row.id,
	estateId: row.estateId,
	title: row.title,
	body: row.body,
	audience: NoticeAudience.parse(row.audience),
	pinned: row.pinned,
	publishAt: row.publishAt,
	expireAt: row.expireAt,
	createdBy: row.createdBy,
	createdAt: row.createdAt,
	updatedAt: row.updatedAt,
});

function stateCondition(state: NoticeState, now: Date): SQL | undefined {
	switch (state) {
		case 'scheduled':
			return gt(notices.publishAt, now);
		case 'active':
			return and(lte(notices.publishAt, now), or(isNull(notices.expireAt), gt(notices.expireAt, now)));
		case 'expired':
			return and(isNotNull(notices.expireAt), lte(notices.expireAt, now));
	}
}

export async function insertNotice(
	tx: Executor,
	notice: NoticeContent & { readonly estateId: string; readonly createdBy: string | null; readonly at: Date },
): Promise<Notice> {
	const [row] = await tx
		.insert(notices)
		.values({
			estateId: notice.estateId,
			title: notice.title,
			body: notice.body,
			audience: notice.audience,
			pinned: notice.pinned,
			publishAt: notice.publishAt,
			expireAt: notice.expireAt,
			createdBy: notice.createdBy,
			createdAt: notice.at,
			updatedAt: notice.at,
		})
		.returning();
	if (!row) throw new Error('insert into notices returned no row');
	return toNotice(row);
}

/** The notice unless it is withdrawn. */
export async function findNotice(db: Executor, estateId: string, id: string): Promise<Notice | null> {
	const [row] = await db
		.select()
		.from(notices)
		.where(and(eq(notices.estateId, estateId), eq(notices.id, id), isNull(notices.deletedAt)));
	return row ? toNotice(row) : null;
}

export async function updateNotice(
	tx: Executor,
	estateId: string,
	id: string,
	content: NoticeContent,
	at: Date,
): Promise<Notice | null> {
	const [row] = await tx
		.update(notices)
		.set({ ...content, updatedAt: at })
		.where(and(eq(notices.estateId, estateId), eq(notices.id, id), isNull(notices.deletedAt)))
		.returning();
	return row ? toNotice(row) : null;
}

/** Soft delete: the row stays for the record, the notice leaves every list. */
export async function withdrawNotice(tx: Executor, estateId: string, id: string, at: Date): Promise<boolean> {
	const rows = await tx
		.update(notices)
		.set({ deletedAt: at, updatedAt: at })
		.where(and(eq(notices.estateId, estateId), eq(notices.id, id), isNull(notices.deletedAt)))
		.returning({ id: notices.id });
	return rows.length === 1;
}

export type NoticeFilter = {
	readonly estateId: string;
	readonly now: Date;
	readonly state?: NoticeState;
	readonly pinned?: boolean;
	readonly limit: number;
	readonly offset: number;
};

/** Staff's list: pinned first, newest publication first, with the total for paging. */
export async function listNotices(
	db: Executor,
	filter: NoticeFilter,
): Promise<{ items: Notice[]; total: number }> {
	const where = and(
		eq(notices.estateId, filter.estateId),
		isNull(notices.deletedAt),
		filter.state ? stateCondition(filter.state, filter.now) : undefined,
		filter.pinned === undefined ? undefined : eq(notices.pinned, filter.pinned),
	);
	const [rows, [count]] = await Promise.all([
		db
			.select()
			.from(notices)
			.where(where)
			.orderBy(desc(notices.pinned), desc(notices.publishAt), desc(notices.id))
			.limit(filter.limit)
			.offset(filter.offset),
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(notices)
			.where(where),
	]);
	return { items: rows.map(toNotice), total: Number(count?.n ?? 0) };
}

/**
 * What a kiosk shows: published, unexpired, not withdrawn; pinned first. With `buildingId`, only notices for
 * the whole estate or for that building.
 */
export async function listPublishedNotices(
	db: Executor,
	query: {
		readonly estateId: string;
		readonly now: Date;
		readonly buildingId?: string;
		readonly limit: number;
	},
): Promise<Notice[]> {
	const rows = await db
		.select()
		.from(notices)
		.where(
			and(
				eq(notices.estateId, query.estateId),
				isNull(notices.deletedAt),
				stateCondition('active', query.now),
				query.buildingId === undefined
					? undefined
					: or(
							sql`${notices.audience}->>'scope' = 'estate'`,
							sql`${notices.audience}->'buildingIds' @> ${JSON.stringify([query.buildingId])}::jsonb`,
						),
			),
		)
		.orderBy(desc(notices.pinned), desc(notices.publishAt), desc(notices.id))
		.limit(query.limit);
	return rows.map(toNotice);
}
