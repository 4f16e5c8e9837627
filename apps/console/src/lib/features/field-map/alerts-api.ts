import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

/** An alert from the field (告警; an SOS so far) as the api lists it and the `alert.*` events carry it. */
export const FieldAlertView = z.object({
	id: z.string(),
	kind: z.enum(['sos']),
	status: z.enum(['open', 'acknowledged', 'resolved']),
	personId: z.string(),
	personName: z.string(),
	lng: z.number(),
	lat: z.number(),
	note: z.string().nullable(),
	raisedAt: Instant,
	repeats: z.number().int(),
	acknowledgedAt: Instant.nullable(),
	resolvedAt: Instant.nullable(),
	resolution: z.string().nullable(),
	version: z.number().int(),
});
export type FieldAlertView = z.infer<typeof FieldAlertView>;

const AlertList = z.object({ alerts: z.array(FieldAlertView) });

export const alertsApi = (api: ApiClient) => ({
	/** Alerts not resolved yet (open and acknowledged), newest first. */
	open: async (): Promise<ApiResult<FieldAlertView[]>> => {
		const result = await api.request('/api/v1/alerts?open=true&limit=200', AlertList);
		return result.ok ? { ok: true, value: result.value.alerts } : result;
	},
	acknowledge: (id: string): Promise<ApiResult<FieldAlertView>> =>
		api.request(`/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, FieldAlertView, { method: 'POST' }),
	resolve: (id: string, resolution: string): Promise<ApiResult<FieldAlertView>> =>
		api.request(`/api/v1/alerts/${encodeURIComponent(id)}/resolve`, FieldAlertView, {
			method: 'POST',
			body: resolution.trim() ? { resolution: resolution.trim() } : {},
		}),
});
export type AlertsApi = ReturnType<typeof alertsApi>;
