import { DutyShift, type DutyShiftInput } from '@estate-ops/domain/duty';
import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

const ShiftList = z.object({ items: z.array(DutyShift) });
const OnDuty = z.object({
	at: Instant,
	onDuty: z.array(z.object({ shift: DutyShift, until: Instant })),
	next: z.array(z.object({ staffId: z.string(), from: Instant })),
});
export type OnDuty = z.infer<typeof OnDuty>;

/** A shift as the form sends it (validity bounds optional). */
export type ShiftDraft = z.input<typeof DutyShiftInput>;

export const dutyApi = (api: ApiClient) => ({
	shifts: async (): Promise<ApiResult<DutyShift[]>> => {
		const result = await api.request('/api/v1/duty/shifts', ShiftList);
		return result.ok ? { ok: true, value: result.value.items } : result;
	},
	onDuty: (): Promise<ApiResult<OnDuty>> => api.request('/api/v1/duty/on-duty', OnDuty),
	create: (shift: ShiftDraft): Promise<ApiResult<DutyShift>> =>
		api.request('/api/v1/duty/shifts', DutyShift, { method: 'POST', body: shift }),
	replace: (id: string, shift: ShiftDraft): Promise<ApiResult<DutyShift>> =>
		api.request(`/api/v1/duty/shifts/${encodeURIComponent(id)}`, DutyShift, { method: 'PUT', body: shift }),
	remove: (id: string): Promise<ApiResult<unknown>> =>
		api.request(`/api/v1/duty/shifts/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
});
export type DutyApi = ReturnType<typeof dutyApi>;
