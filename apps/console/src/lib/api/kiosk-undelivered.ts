import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/**
 * A kiosk filing that was queued offline and then refused by the api (未送达的自助报事), as the desk reads it.
 * `filing` is what the kiosk sent, loosely shaped: it may be exactly what was refused.
 */
export const UndeliveredFiling = z.object({
	id: z.string(),
	device: z.object({ id: z.string(), name: z.string() }),
	filing: z.record(z.string(), z.unknown()),
	room: z.object({ id: z.string(), building: z.string(), unit: z.string(), number: z.string() }).nullable(),
	problem: z.object({
		status: z.number(),
		title: z.string(),
		detail: z.string().nullable(),
		code: z.string().nullable(),
	}),
	queuedAt: z.coerce.date(),
	receivedAt: z.coerce.date(),
	status: z.enum(['open', 'handled']),
	handled: z
		.object({ by: z.object({ id: z.string(), name: z.string() }), at: z.coerce.date(), note: z.string() })
		.nullable(),
});
export type UndeliveredFiling = z.infer<typeof UndeliveredFiling>;

export const UndeliveredList = z.object({ items: z.array(UndeliveredFiling), openCount: z.number() });
export type UndeliveredList = z.infer<typeof UndeliveredList>;

export const kioskUndeliveredApi = (api: ApiClient) => ({
	list: (): Promise<ApiResult<UndeliveredList>> => api.request('/api/v1/kiosk-undelivered', UndeliveredList),
	handle: (id: string, note: string): Promise<ApiResult<UndeliveredFiling>> =>
		api.request(`/api/v1/kiosk-undelivered/${encodeURIComponent(id)}/handle`, UndeliveredFiling, {
			method: 'POST',
			body: { note },
		}),
});
export type KioskUndeliveredApi = ReturnType<typeof kioskUndeliveredApi>;
