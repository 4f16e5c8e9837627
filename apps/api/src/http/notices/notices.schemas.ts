import { z } from '@hono/zod-openapi';
import { Instant } from '@estate-ops/domain/shared';

/** Notice wire schemas (公告): staff's api and the kiosk's read of it. */

export const NoticeAudienceSchema = z
	.discriminatedUnion('scope', [
		z.object({ scope: z.literal('estate') }),
		z.object({ scope: z.literal('buildings'), buildingIds: z.array(z.uuid()).min(1).max(100) }),
	])
	.openapi('NoticeAudience', { description: 'The whole estate, or the residents of some of its buildings' });

export const NoticeStateSchema = z.enum(['scheduled', 'active', 'expired']).openapi('NoticeState');

export const CreateNoticeBody = z
	.object({
		title: z.string().trim().min(1).max(120),
		body: z.string().trim().min(1).max(5000),
		audience: NoticeAudienceSchema,
		/** Defaults to now. */
		publishAt: Instant.optional(),
		/** After publishAt; null for never. */
		expireAt: Instant.nullable().optional(),
		pinned: z.boolean().optional(),
	})
	.openapi('CreateNotice');

export const UpdateNoticeBody = CreateNoticeBody.partial()
	.refine((change) => Object.keys(change).length > 0, { message: 'change at least one field' })
	.openapi('UpdateNotice');

// Dates leave as ISO 8601 strings (JSON.stringify of a Date).
const DateTime = Instant;

export const NoticeView = z
	.object({
		id: z.string(),
		title: z.string(),
		body: z.string(),
		audience: NoticeAudienceSchema,
		pinned: z.boolean(),
		publishAt: DateTime,
		expireAt: DateTime.nullable(),
		state: NoticeStateSchema,
		createdBy: z.string().nullable(),
		createdAt: DateTime,
		updatedAt: DateTime,
	})
	.openapi('Notice');

export const NoticePage = z
	.object({
		items: z.array(NoticeView),
		total: z.number().int(),
		limit: z.number().int(),
		offset: z.number().int(),
	})
	.openapi('NoticePage');

export const NoticeListQuery = z.object({
	state: NoticeStateSchema.optional().openapi({
		description: 'scheduled, active (published and unexpired) or expired',
	}),
	pinned: z
		.enum(['true', 'false'])
		.transform((flag) => flag === 'true')
		.optional(),
	limit: z.coerce.number().int().min(1).max(100).default(20),
	offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const NoticeIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

/** What a kiosk shows: the content and when it is up, never who wrote it. */
export const KioskNoticeView = z
	.object({
		id: z.string(),
		title: z.string(),
		body: z.string(),
		audience: NoticeAudienceSchema,
		pinned: z.boolean(),
		publishAt: DateTime,
		expireAt: DateTime.nullable(),
	})
	.openapi('KioskNotice');
