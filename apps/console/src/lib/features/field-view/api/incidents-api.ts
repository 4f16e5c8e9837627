import { Incident } from '@estate-ops/domain/patrols';
import type { IncidentKind } from '@estate-ops/domain/patrols';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

export const IncidentRecord = z.object({ incident: Incident, version: z.number() });
export type IncidentRecord = z.infer<typeof IncidentRecord>;
const IncidentPage = z.object({ items: z.array(IncidentRecord), nextCursor: z.string().nullable() });

export type IncidentReport = {
	readonly kind: IncidentKind;
	readonly description: string;
	readonly lng?: number;
	readonly lat?: number;
	readonly accuracyM?: number;
	readonly place?: string;
};

export type StepOutcome = 'done' | 'not_applicable';

/** Incidents (突发事件) as the person who files them works them: report, then tick the plan's steps. */
export const incidentsApi = (api: ApiClient) => ({
	report: (report: IncidentReport, idempotencyKey: string): Promise<ApiResult<IncidentRecord>> =>
		api.request('/api/v1/incidents', IncidentRecord, {
			method: 'POST',
			body: report,
			headers: { 'idempotency-key': idempotencyKey },
		}),
	/** The open ones I filed (field staff see their own). */
	open: async (): Promise<ApiResult<IncidentRecord[]>> => {
		const result = await api.request(
			'/api/v1/incidents?status=reported,responding,contained&limit=20',
			IncidentPage,
		);
		return result.ok ? { ok: true, value: result.value.items } : result;
	},
	completeStep: (
		id: string,
		stepKey: string,
		outcome: StepOutcome,
		expectedVersion: number,
	): Promise<ApiResult<IncidentRecord>> =>
		api.request(`/api/v1/incidents/${encodeURIComponent(id)}/commands`, IncidentRecord, {
			method: 'POST',
			body: { type: 'completeStep', stepKey, outcome, expectedVersion },
		}),
});
export type IncidentsApi = ReturnType<typeof incidentsApi>;
