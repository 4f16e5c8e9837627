import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

export const NoticeState = z.enum(['scheduled', 'active', 'expired']);
export type NoticeState = z.infer<typeof NoticeState>;

export const NoticeAudience = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('estate') }),
	z.object({ scope: z.literal('buildings'), buildingIds: z.array(z.string()).min(1) }),
]);
export type NoticeAudience = z.infer<typeof NoticeAudience>;

/** A notice (公告) as staff read it: what residents see, when, and who it is for. */
export const Notice = z.object({
	id: z.string(),
	title: z.string(),
	body: z.string(),
	audience: NoticeAudience,
	pinned: z.boolean(),
	publishAt: z.coerce.date(),
	expireAt: z.coerce.date().nullable(),
	state: NoticeState,
	createdBy: z.string().nullable(),
	createdAt: z.coerce.date(),
	updatedAt: z.coerce.date(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticePage = z.object({
	items: z.array(Notice),
	total: z.number(),
	limit: z.number(),
	offset: z.number(),
});
export type NoticePage = z.infer<typeof NoticePage>;

/** What the console sends to create a notice, or to replace an existing one's fields. */
export type NoticeInput = {
	readonly title: string;
	readonly body: string;
	readonly audience: NoticeAudience;
	readonly pinned: boolean;
	readonly publishAt: string;
	readonly expireAt: string | null;
};

export const noticeListQuery = (state: NoticeState, offset: number, limit: number): string =>
	new URLSearchParams({ state, limit: String(limit), offset: String(offset) }).toString();

const Nothing = z.unknown();

export const noticesApi = (api: ApiClient) => ({
	list: (state: NoticeState, offset = 0, limit = 20): Promise<ApiResult<NoticePage>> =>
		api.request(`/api/v1/notices?${noticeListQuery(state, offset, limit)}`, NoticePage),
	detail: (id: string): Promise<ApiResult<Notice>> =>
		api.request(`/api/v1/notices/${encodeURIComponent(id)}`, Notice),
	create: (input: NoticeInput): Promise<ApiResult<Notice>> =>
		api.request('/api/v1/notices', Notice, { method: 'POST', body: input }),
	update: (id: string, input: NoticeInput): Promise<ApiResult<Notice>> =>
		api.request(`/api/v1/notices/${encodeURIComponent(id)}`, Notice, { method: 'PATCH', body: input }),
	/** Takes the notice down everywhere (the api deletes it). */
	withdraw: async (id: string): Promise<ApiResult<null>> => {
		const result = await api.request(`/api/v1/notices/${encodeURIComponent(id)}`, Nothing, {
			method: 'DELETE',
		});
		return result.ok ? { ok: true, value: null } : result;
	},
});
export type NoticesApi = ReturnType<typeof noticesApi>;
