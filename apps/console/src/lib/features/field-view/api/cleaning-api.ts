import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

export const CleaningTaskState = z.enum(['upcoming', 'due', 'overdue', 'done']);
export type CleaningTaskState = z.infer<typeof CleaningTaskState>;

/** One round of a cleaning task in a zone today (its id is "zoneId:taskId:dueISO"). */
export const CleaningTask = z.object({
	id: z.string(),
	taskId: z.string(),
	taskName: z.string(),
	windowStartsAt: z.string(),
	dueAt: z.string(),
	reason: z.string(),
	state: CleaningTaskState,
	late: z.boolean(),
	completion: z
		.object({ doneAt: z.string(), cleanerId: z.string(), photoAttachmentId: z.string().nullable() })
		.nullable(),
});
export type CleaningTask = z.infer<typeof CleaningTask>;

export const CleaningZone = z.object({
	zoneId: z.string(),
	name: z.string(),
	kind: z.string(),
	status: z.enum(['done', 'due', 'overdue', 'idle']),
	nextDueAt: z.string().nullable(),
	tasks: z.array(CleaningTask),
});
export type CleaningZone = z.infer<typeof CleaningZone>;

export const CleaningDay = z.object({
	date: z.string(),
	timeZone: z.string(),
	evaluatedAt: z.string(),
	zones: z.array(CleaningZone),
});
export type CleaningDay = z.infer<typeof CleaningDay>;

const DoneResult = z.object({ task: CleaningTask, zone: CleaningZone, duplicate: z.boolean() });
export type DoneResult = z.infer<typeof DoneResult>;

export type MarkDone = {
	readonly photoAttachmentId?: string;
	readonly note?: string;
	readonly doneAt?: string;
};

export const cleaningApi = (api: ApiClient) => ({
	today: (): Promise<ApiResult<CleaningDay>> => api.request('/api/v1/cleaning/today', CleaningDay),
	/** A retry of the same round answers its first completion, so a queued mark is safe to send again. */
	done: (taskId: string, body: MarkDone): Promise<ApiResult<DoneResult>> =>
		api.request(`/api/v1/cleaning/tasks/${encodeURIComponent(taskId)}/done`, DoneResult, {
			method: 'POST',
			body,
		}),
});
export type CleaningApi = ReturnType<typeof cleaningApi>;
