import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';
import { WorkOrderSummary } from '$lib/api/work-orders';
import { readUpload } from './photo-upload';
import type { PhotoUploader } from './photo-upload';

const WorkOrderPage = z.object({ items: z.array(WorkOrderSummary), nextCursor: z.string().nullable() });
const PhotoAdded = z.object({ attachment: z.object({ id: z.string() }), version: z.number() });
export type PhotoAdded = z.infer<typeof PhotoAdded>;

/** The steps in which a task is still mine to work: assigned to me, or on site. */
export const MY_OPEN_STATUSES = ['assigned', 'on_site'] as const;

/** My tasks: the work orders assigned to me (the api narrows the list to them for field staff anyway). */
export const tasksApi = (api: ApiClient, upload: PhotoUploader) => ({
	mine: async (meId: string): Promise<ApiResult<WorkOrderSummary[]>> => {
		const query = new URLSearchParams({
			status: MY_OPEN_STATUSES.join(','),
			assigneeId: meId,
			limit: '100',
		});
		const result = await api.request(`/api/v1/work-orders?${query.toString()}`, WorkOrderPage);
		return result.ok ? { ok: true, value: result.value.items } : result;
	},
	/** A photo from the phone's camera onto the order's timeline; the answer carries the order's new version. */
	addPhoto: async (orderId: string, photo: Blob): Promise<ApiResult<PhotoAdded>> =>
		readUpload(await upload(`/api/v1/work-orders/${encodeURIComponent(orderId)}/photos`, photo), PhotoAdded),
});
export type TasksApi = ReturnType<typeof tasksApi>;
