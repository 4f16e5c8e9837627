import type { Actor } from '@estate-ops/domain/estate';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import {
	findNotice,
	insertNotice,
	listNotices,
	listPublishedNotices,
	updateNotice,
	withdrawNotice,
	type Notice,
	type NoticeAudience,
	type NoticeContent,
	type NoticeFilter,
	type NoticeState,
} from '../db/repositories/notice.repository';
import { buildingExists, isUuid } from '../db/repositories/site.repository';
import type { OutboxEvent } from './work-order.service';

export type { Notice, NoticeAudience, NoticeState } from '../db/repositories/notice.repository';

export const NOTICE_TITLE_MAX = 120;
export const NOTICE_BODY_MAX = 5000;

export type NoticeServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly appendEvents: (tx: Executor, events: readonly OutboxEvent[]) => Promise<unknown>;
};

export type NewNotice = {
	readonly title: string;
	readonly body: string;
	readonly audience: NoticeAudience;
	readonly pinned?: boolean;
	/** Defaults to now: published at once. */
	readonly publishAt?: Date;
	readonly expireAt?: Date | null;
};

export type NoticeChange = Partial<NewNotice>;

/** What a kiosk may show of a notice: its content, never who wrote it. */
export type PublicNotice = Pick<
	Notice,
	'id' | 'title' | 'body' | 'audience' | 'pinned' | 'publishAt' | 'expireAt'
>;

export const noticeStateAt = (notice: Pick<Notice, 'publishAt' | 'expireAt'>, at: Date): NoticeState =>
	notice.publishAt > at
		? 'scheduled'
		: notice.expireAt !== null && notice.expireAt <= at
			? 'expired'
			: 'active';

export const publicNotice = (notice: Notice): PublicNotice => ({
	id: notice.id,
	title: notice.title,
	body: notice.body,
	audience: notice.audience,
	pinned: notice.pinned,
	publishAt: notice.publishAt,
	expireAt: notice.expireAt,
});

const actorStaffId = (actor: Actor): string | null =>
	actor.kind === 'staff' || actor.kind === 'field' ? actor.staffId : null;

/**
 * Notices (公告): staff write them, kiosks show them. Every change is in the outbox (`notice.published`,
 * `notice.updated`, `notice.withdrawn`) in the same transaction, so kiosks update live; the payload is what a
 * kiosk may show.
 */
export function createNoticeService(deps: NoticeServiceDeps) {
	const { db, now } = deps;

	async function check(
		estateId: string,
		content: NoticeContent,
	): Promise<Result<NoticeContent, DomainError>> {
		const title = content.title.trim();
		const body = content.body.trim();
		if (title === '' || title.length > NOTICE_TITLE_MAX) {
			return err('NOTICE.INVALID', `A title has 1 to ${NOTICE_TITLE_MAX} characters.`, { path: ['title'] });
		}
		if (body === '' || body.length > NOTICE_BODY_MAX) {
			return err('NOTICE.INVALID', `A body has 1 to ${NOTICE_BODY_MAX} characters.`, { path: ['body'] });
		}
		if (content.expireAt !== null && content.expireAt <= content.publishAt) {
			return err('NOTICE.EXPIRES_BEFORE_PUBLISH', 'A notice must expire after it is published.', {
				path: ['expireAt'],
			});
		}
		let audience = content.audience;
		if (audience.scope === 'buildings') {
			const buildingIds = [...new Set(audience.buildingIds)];
			for (const [index, buildingId] of buildingIds.entries()) {
				if (!(await buildingExists(db, estateId, buildingId))) {
					return err('BUILDING.NOT_FOUND', 'No such building in this estate.', {
						path: ['audience', 'buildingIds', index],
					});
				}
			}
			audience = { scope: 'buildings', buildingIds };
		}
		return ok({ ...content, title, body, audience });
	}

	const event = (type: string, estateId: string, id: string, payload: unknown, at: Date): OutboxEvent => ({
		estateId,
		type,
		aggregateType: 'notice',
		aggregateId: id,
		payload,
		at,
	});

	return {
		list: (filter: Omit<NoticeFilter, 'now'>) => listNotices(db, { ...filter, now: now() }),

		find: (estateId: string, id: string): Promise<Notice | null> =>
			isUuid(id) ? findNotice(db, estateId, id) : Promise.resolve(null),

		/** Published, unexpired notices for a kiosk, pinned first. */
		async published(
			estateId: string,
			options: { buildingId?: string; limit?: number } = {},
		): Promise<PublicNotice[]> {
			if (options.buildingId !== undefined && !isUuid(options.buildingId)) return [];
			const found = await listPublishedNotices(db, {
				estateId,
				now: now(),
				limit: options.limit ?? 100,
				...(options.buildingId === undefined ? {} : { buildingId: options.buildingId }),
			});
			return found.map(publicNotice);
		},

		async create(estateId: string, actor: Actor, input: NewNotice): Promise<Result<Notice, DomainError>> {
			const at = now();
			const checked = await check(estateId, {
				title: input.title,
				body: input.body,
				audience: input.audience,
				pinned: input.pinned ?? false,
				publishAt: input.publishAt ?? at,
				expireAt: input.expireAt ?? null,
			});
			if (!checked.ok) return checked;
			const notice = await db.transaction(async (tx) => {
				const created = await insertNotice(tx, {
					...checked.value,
					estateId,
					createdBy: actorStaffId(actor),
					at,
				});
				await deps.appendEvents(tx, [
					event('notice.published', estateId, created.id, { notice: publicNotice(created) }, at),
				]);
				return created;
			});
			return ok(notice);
		},

		async update(estateId: string, id: string, change: NoticeChange): Promise<Result<Notice, DomainError>> {
			const current = isUuid(id) ? await findNotice(db, estateId, id) : null;
			if (!current) return err('NOTICE.NOT_FOUND', 'No such notice.');
			const checked = await check(estateId, {
				title: change.title ?? current.title,
				body: change.body ?? current.body,
				audience: change.audience ?? current.audience,
				pinned: change.pinned ?? current.pinned,
				publishAt: change.publishAt ?? current.publishAt,
				expireAt: change.expireAt === undefined ? current.expireAt : change.expireAt,
			});
			if (!checked.ok) return checked;
			const at = now();
			const updated = await db.transaction(async (tx) => {
				const written = await updateNotice(tx, estateId, id, checked.value, at);
				if (!written) return null;
				await deps.appendEvents(tx, [
					event('notice.updated', estateId, id, { notice: publicNotice(written) }, at),
				]);
				return written;
			});
			return updated ? ok(updated) : err('NOTICE.NOT_FOUND', 'No such notice.');
		},

		async withdraw(estateId: string, id: string): Promise<Result<null, DomainError>> {
			if (!isUuid(id)) return err('NOTICE.NOT_FOUND', 'No such notice.');
			const at = now();
			const withdrawn = await db.transaction(async (tx) => {
				if (!(await withdrawNotice(tx, estateId, id, at))) return false;
				await deps.appendEvents(tx, [event('notice.withdrawn', estateId, id, { noticeId: id }, at)]);
				return true;
			});
			return withdrawn ? ok(null) : err('NOTICE.NOT_FOUND', 'No such notice.');
		},
	};
}

export type NoticeService = ReturnType<typeof createNoticeService>;
