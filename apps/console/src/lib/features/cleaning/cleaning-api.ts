import { CleaningCondition } from '@estate-ops/domain/cleaning';
import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

export const TaskState = z.enum(['upcoming', 'due', 'overdue', 'done']);
export type TaskState = z.infer<typeof TaskState>;

/** What the map fills a zone with: done / due / overdue, idle before anything is due today. */
export const ZoneStatus = z.enum(['done', 'due', 'overdue', 'idle']);
export type ZoneStatus = z.infer<typeof ZoneStatus>;

export const CleaningTaskView = z.object({
	id: z.string(),
	taskId: z.string(),
	taskName: z.string(),
	windowStartsAt: Instant,
	dueAt: Instant,
	reason: z.string(),
	state: TaskState,
	late: z.boolean(),
	completion: z
		.object({
			id: z.string(),
			doneAt: Instant,
			cleanerId: z.string(),
			photoAttachmentId: z.string().nullable(),
			note: z.string().nullable(),
		})
		.nullable(),
});
export type CleaningTaskView = z.infer<typeof CleaningTaskView>;

export const ZoneView = z.object({
	zoneId: z.string(),
	name: z.string(),
	kind: z.string(),
	buildingId: z.string().nullable(),
	status: ZoneStatus,
	nextDueAt: Instant.nullable(),
	counts: z.record(TaskState, z.number().int()),
	tasks: z.array(CleaningTaskView),
});
export type ZoneView = z.infer<typeof ZoneView>;

export const ConditionView = z.object({
	id: z.string(),
	kind: CleaningCondition,
	from: z.string(),
	to: z.string(),
	zoneIds: z.array(z.string()).nullable(),
	note: z.string().nullable(),
	setBy: z.string(),
	setAt: Instant,
	endedBy: z.string().nullable(),
	endedAt: Instant.nullable(),
	active: z.boolean(),
});
export type ConditionView = z.infer<typeof ConditionView>;

export const CleaningDay = z.object({
	date: z.string(),
	timeZone: z.string(),
	evaluatedAt: Instant,
	conditions: z.array(ConditionView),
	zones: z.array(ZoneView),
});
export type CleaningDay = z.infer<typeof CleaningDay>;

export type ConditionInput = {
	readonly kind: CleaningCondition;
	readonly from: string;
	readonly to: string;
	readonly zones?: readonly string[];
	readonly note?: string;
};

const ConditionList = z.object({ conditions: z.array(ConditionView) });

export const cleaningApi = (api: ApiClient) => ({
	day: (date?: string): Promise<ApiResult<CleaningDay>> =>
		api.request(`/api/v1/cleaning/today${date ? `?date=${encodeURIComponent(date)}` : ''}`, CleaningDay),
	conditions: async (): Promise<ApiResult<ConditionView[]>> => {
		const result = await api.request('/api/v1/cleaning/conditions', ConditionList);
		return result.ok ? { ok: true, value: result.value.conditions } : result;
	},
	switchOn: (input: ConditionInput): Promise<ApiResult<ConditionView>> =>
		api.request('/api/v1/cleaning/conditions', ConditionView, { method: 'POST', body: input }),
	switchOff: (id: string): Promise<ApiResult<ConditionView>> =>
		api.request(`/api/v1/cleaning/conditions/${encodeURIComponent(id)}`, ConditionView, { method: 'DELETE' }),
});
export type CleaningApi = ReturnType<typeof cleaningApi>;
