import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/** An outbox event as the api sends it, on the socket and from `GET /api/v1/events`. */
export const WireEvent = z.object({
	seq: z.number().int().positive(),
	estateId: z.string(),
	type: z.string(),
	aggregateType: z.string(),
	aggregateId: z.string(),
	at: z.string(),
	payload: z.unknown(),
});
export type WireEvent = z.infer<typeof WireEvent>;

export const CatchUp = z.union([
	z.object({ resync: z.literal(true), latestSeq: z.number() }),
	z.object({ events: z.array(WireEvent), latestSeq: z.number(), hasMore: z.boolean() }),
]);
export type CatchUp = z.infer<typeof CatchUp>;

export const eventsApi = (api: ApiClient) => ({
	after: (seq: number, limit = 500): Promise<ApiResult<CatchUp>> =>
		api.request(`/api/v1/events?after=${seq}&limit=${limit}`, CatchUp),
});
export type EventsApi = ReturnType<typeof eventsApi>;
