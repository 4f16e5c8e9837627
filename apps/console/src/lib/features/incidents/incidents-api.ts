import { Incident } from '@estate-ops/domain/patrols';
import type { IncidentKind, NotifiedParty } from '@estate-ops/domain/patrols';
import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

/** An incident (突发事件) and its version, which a command sends back to refuse an edit made on a stale screen. */
export const IncidentRecord = z.object({ incident: Incident, version: z.number().int() });
export type IncidentRecord = z.infer<typeof IncidentRecord>;

const IncidentPage = z.object({ items: z.array(IncidentRecord), nextCursor: z.string().nullable() });
export type IncidentPage = z.infer<typeof IncidentPage>;

export const IncidentHistoryEntry = z.object({
	version: z.number().int(),
	type: z.string(),
	at: Instant,
	actor: z.unknown(),
	event: z.unknown(),
});
export type IncidentHistoryEntry = z.infer<typeof IncidentHistoryEntry>;

const IncidentDetail = IncidentRecord.extend({ history: z.array(IncidentHistoryEntry) });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export type IncidentStatus = Incident['status'];
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['reported', 'responding', 'contained', 'closed', 'reviewed'];

/** A step of the incident's work, as `POST /incidents/{id}/commands` takes it. */
export type IncidentCommandInput =
	| { readonly type: 'respond' }
	| {
			readonly type: 'completeStep';
			readonly stepKey: string;
			readonly outcome: 'done' | 'not_applicable';
			readonly note?: string;
	  }
	| { readonly type: 'recordNotification'; readonly party: NotifiedParty; readonly at?: string; readonly note?: string }
	| { readonly type: 'contain' }
	| { readonly type: 'close'; readonly summary: string }
	| { readonly type: 'review'; readonly cause: string; readonly measures: string; readonly result: string };

export type IncidentFilter = {
	readonly statuses?: readonly IncidentStatus[];
	readonly kinds?: readonly IncidentKind[];
	readonly cursor?: string;
};

export const incidentsApi = (api: ApiClient) => ({
	list: (filter: IncidentFilter = {}): Promise<ApiResult<IncidentPage>> => {
		const query = new URLSearchParams({ limit: '50' });
		if (filter.statuses?.length) query.set('status', filter.statuses.join(','));
		if (filter.kinds?.length) query.set('kind', filter.kinds.join(','));
		if (filter.cursor) query.set('cursor', filter.cursor);
		return api.request(`/api/v1/incidents?${query.toString()}`, IncidentPage);
	},
	detail: (id: string): Promise<ApiResult<IncidentDetail>> =>
		api.request(`/api/v1/incidents/${encodeURIComponent(id)}`, IncidentDetail),
	command: (id: string, command: IncidentCommandInput, expectedVersion: number): Promise<ApiResult<IncidentRecord>> =>
		api.request(`/api/v1/incidents/${encodeURIComponent(id)}/commands`, IncidentRecord, {
			method: 'POST',
			body: { ...command, expectedVersion },
		}),
});
export type IncidentsApi = ReturnType<typeof incidentsApi>;
