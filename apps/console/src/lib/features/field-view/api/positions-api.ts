import type { PositionFixReport } from '@estate-ops/domain/positions';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

/** What `POST /api/v1/positions` says of a report: how many fixes it kept, and which it refused for good. */
export const PositionReportAnswer = z.object({
	accepted: z.number(),
	duplicates: z.number(),
	outOfOrder: z.number(),
	refused: z.array(z.object({ index: z.number(), path: z.string(), code: z.string(), message: z.string() })),
});
export type PositionReportAnswer = z.infer<typeof PositionReportAnswer>;

/** A fix as this phone sends it: times as ISO strings on the wire. */
export type FixToSend = Omit<PositionFixReport, 'deviceTime'> & { readonly deviceTime: string };

/** My SOS alert as the api answers a press (the control room's acknowledgement arrives as a live event). */
export const SosAlert = z.object({
	id: z.string(),
	status: z.enum(['open', 'acknowledged', 'resolved']),
	raisedAt: z.string(),
	repeats: z.number(),
	acknowledgedAt: z.string().nullable(),
	resolvedAt: z.string().nullable(),
});
export type SosAlert = z.infer<typeof SosAlert>;

export type SosPress = {
	readonly lng: number;
	readonly lat: number;
	readonly note?: string;
};

export const positionsApi = (api: ApiClient) => ({
	report: (fixes: readonly FixToSend[]): Promise<ApiResult<PositionReportAnswer>> =>
		api.request('/api/v1/positions', PositionReportAnswer, { method: 'POST', body: { fixes } }),
	/** One press of SOS; retries of the same press carry the same key, so the control room sees it once. */
	sos: (press: SosPress, idempotencyKey: string): Promise<ApiResult<SosAlert>> =>
		api.request('/api/v1/sos', SosAlert, {
			method: 'POST',
			body: press,
			headers: { 'idempotency-key': idempotencyKey },
		}),
});
export type PositionsApi = ReturnType<typeof positionsApi>;
