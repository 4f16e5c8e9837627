import { Instant } from '@estate-ops/domain/shared';
import { WorkOrder } from '@estate-ops/domain/work-orders';
import type {
	UrgencyClass,
	WorkOrderCommandInput,
	WorkOrderKind,
	WorkOrderStatus,
} from '@estate-ops/domain/work-orders';
import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/** What the api knows of an order's SLA beside the order itself. */
export const SlaState = z.enum(['on_track', 'at_risk', 'breached', 'paused']);
export type SlaState = z.infer<typeof SlaState>;

const slaStateOf = z
	.string()
	.nullable()
	.transform((state): SlaState | null => {
		const parsed = SlaState.safeParse(state);
		return parsed.success ? parsed.data : null;
	});

export const WorkOrderSummary = z.object({
	order: WorkOrder,
	nextDueAt: Instant.nullable(),
	slaState: slaStateOf,
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

const WorkOrderPage = z.object({ items: z.array(WorkOrderSummary), nextCursor: z.string().nullable() });
export type WorkOrderPage = z.infer<typeof WorkOrderPage>;

export const SlaClockView = z.object({
	clock: z.string(),
	state: z.string(),
	startedAt: Instant.nullable(),
	dueAt: Instant.nullable(),
	completedAt: Instant.nullable().optional(),
	usedFraction: z.number().nullable().optional(),
	/** What `remainingMs` counts: the estate's working time, or wall time. */
	measure: z.enum(['working', 'clock']).optional(),
	/** Time left when read, negative once overdue; null before the clock starts. */
	remainingMs: z.number().nullable().optional(),
});
export type SlaClockView = z.infer<typeof SlaClockView>;

export const HistoryEntry = z.object({
	version: z.number(),
	type: z.string(),
	at: Instant,
	actor: z.unknown(),
	event: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const WorkOrderDetail = z.object({
	order: WorkOrder,
	sla: z.object({
		state: z.string(),
		next: z.object({ clock: z.string(), dueAt: Instant }).nullable(),
		clocks: z.array(SlaClockView),
	}),
	history: z.array(HistoryEntry),
});
export type WorkOrderDetail = z.infer<typeof WorkOrderDetail>;

export const AssigneeSuggestion = z.object({
	staffId: z.string(),
	name: z.string(),
	skillMatch: z.boolean().nullable(),
	areaMatch: z.enum(['assigned_area', 'whole_estate', 'elsewhere']),
	openLoad: z.number(),
});
export type AssigneeSuggestion = z.infer<typeof AssigneeSuggestion>;

export type WorkOrderFilter = {
	readonly status?: readonly WorkOrderStatus[];
	readonly urgency?: readonly UrgencyClass[];
	readonly kind?: readonly WorkOrderKind[];
	readonly buildingId?: string;
	readonly q?: string;
	readonly cursor?: string;
	readonly limit?: number;
};

export function listQuery(filter: WorkOrderFilter): string {
	const params = new URLSearchParams();
	if (filter.status?.length) params.set('status', filter.status.join(','));
	if (filter.urgency?.length) params.set('urgency', filter.urgency.join(','));
	if (filter.kind?.length) params.set('kind', filter.kind.join(','));
	if (filter.buildingId) params.set('buildingId', filter.buildingId);
	if (filter.q?.trim()) params.set('q', filter.q.trim());
	if (filter.cursor) params.set('cursor', filter.cursor);
	params.set('limit', String(filter.limit ?? 50));
	return params.toString();
}

/** A lifecycle command as the console sends it: every one names the version it was decided on. */
export type CommandInput = Exclude<WorkOrderCommandInput, { type: 'submit' }>;

export type NewWorkOrder = {
	readonly kind: WorkOrderKind;
	readonly category: string;
	readonly channel: 'front_desk' | 'phone' | 'walk_in' | 'console';
	readonly description: string;
	readonly location: { readonly kind: 'room'; readonly roomId: string; readonly buildingId: string };
	readonly contact: { readonly name: string | null; readonly phone: string } | null;
	readonly reportedAt: string | null;
};

const Created = WorkOrderSummary.extend({ publicToken: z.string() });
const Suggestions = z.object({ suggestions: z.array(AssigneeSuggestion) });

export const workOrdersApi = (api: ApiClient) => ({
	list: (filter: WorkOrderFilter): Promise<ApiResult<WorkOrderPage>> =>
		api.request(`/api/v1/work-orders?${listQuery(filter)}`, WorkOrderPage),
	/** Every page of a filter, following `nextCursor` (the live map loads all open orders). */
	listAll: async (filter: WorkOrderFilter): Promise<ApiResult<WorkOrderSummary[]>> => {
		const items: WorkOrderSummary[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < 50; page++) {
			const result = await api.request(
				`/api/v1/work-orders?${listQuery({ ...filter, ...(cursor ? { cursor } : {}), limit: filter.limit ?? 200 })}`,
				WorkOrderPage,
			);
			if (!result.ok) return result;
			items.push(...result.value.items);
			if (result.value.nextCursor === null) break;
			cursor = result.value.nextCursor;
		}
		return { ok: true, value: items };
	},
	detail: (id: string): Promise<ApiResult<WorkOrderDetail>> =>
		api.request(`/api/v1/work-orders/${encodeURIComponent(id)}`, WorkOrderDetail),
	command: (
		id: string,
		command: CommandInput,
		expectedVersion: number,
	): Promise<ApiResult<WorkOrderSummary>> =>
		api.request(`/api/v1/work-orders/${encodeURIComponent(id)}/commands`, WorkOrderSummary, {
			method: 'POST',
			body: { ...command, expectedVersion },
		}),
	suggestions: async (id: string): Promise<ApiResult<AssigneeSuggestion[]>> => {
		const result = await api.request(
			`/api/v1/work-orders/${encodeURIComponent(id)}/suggestions`,
			Suggestions,
		);
		return result.ok ? { ok: true, value: result.value.suggestions } : result;
	},
	create: (order: NewWorkOrder, idempotencyKey: string) =>
		api.request('/api/v1/work-orders', Created, {
			method: 'POST',
			body: order,
			headers: { 'idempotency-key': idempotencyKey },
		}),
});
export type WorkOrdersApi = ReturnType<typeof workOrdersApi>;
