import type { ApiResult, KioskHttp, Problem } from './http';
import { object } from './read';
import {
	KioskEstate,
	KioskNotices,
	KioskProgress,
	KioskReceipt,
	RoomPicker,
	UploadedPhoto,
	Verification,
} from './wire';
import type { KioskFiling, KioskNotice, Ratings } from './wire';

const Anything = object({});

const code = (value: string): string => encodeURIComponent(value);

/** A filing the api refused, reported so staff can follow it up (the household is not named). */
export type UndeliveredReport = {
	readonly idempotencyKey: string;
	readonly filing: Omit<KioskFiling, 'phoneLast4'>;
	readonly problem: Pick<Problem, 'status' | 'title'> & { readonly detail: string; readonly code?: string };
	/** When the resident filed it at the kiosk (ISO 8601). */
	readonly queuedAt: string;
};

/** The kiosk's calls to `/api/v1/kiosk` (and nothing else: a kiosk reads no staff api). */
export const kioskApi = (http: KioskHttp) => ({
	notices: async (): Promise<ApiResult<readonly KioskNotice[]>> => {
		const result = await http.request('/api/v1/kiosk/notices', KioskNotices);
		return result.ok ? { ok: true, value: result.value.notices } : result;
	},
	estate: (): Promise<ApiResult<KioskEstate>> => http.request('/api/v1/kiosk/estate', KioskEstate),
	/** Buildings; a building's units; a unit's rooms. */
	rooms: (building?: string, unit?: string): Promise<ApiResult<RoomPicker>> => {
		const query = new URLSearchParams();
		if (building !== undefined) query.set('building', building);
		if (unit !== undefined) query.set('unit', unit);
		const search = query.toString();
		return http.request(`/api/v1/kiosk/rooms${search === '' ? '' : `?${search}`}`, RoomPicker);
	},
	verify: (roomId: string, phoneLast4: string) =>
		http.request('/api/v1/kiosk/verify', Verification, { method: 'POST', json: { roomId, phoneLast4 } }),
	uploadPhoto: (photo: Blob, name: string) => {
		const form = new FormData();
		form.set('photo', photo, name);
		return http.request('/api/v1/kiosk/photos', UploadedPhoto, { method: 'POST', form });
	},
	file: (filing: KioskFiling, idempotencyKey: string) =>
		http.request('/api/v1/kiosk/work-orders', KioskReceipt, {
			method: 'POST',
			json: filing,
			headers: { 'idempotency-key': idempotencyKey },
		}),
	undelivered: (report: UndeliveredReport) =>
		http.request('/api/v1/kiosk/undelivered', Anything, { method: 'POST', json: report }),
	lookup: (requestCode: string, phoneLast4: string) =>
		http.request('/api/v1/kiosk/work-orders/lookup', KioskProgress, {
			method: 'POST',
			json: { code: requestCode, phoneLast4 },
		}),
	feedback: (
		requestCode: string,
		input: { phoneLast4: string; ratings: Ratings; comment: string | null; satisfied: boolean },
	) =>
		http.request(`/api/v1/kiosk/work-orders/${code(requestCode)}/feedback`, KioskProgress, {
			method: 'POST',
			json: input,
		}),
	reopen: (requestCode: string, input: { phoneLast4: string; reason: string }) =>
		http.request(`/api/v1/kiosk/work-orders/${code(requestCode)}/reopen`, KioskProgress, {
			method: 'POST',
			json: input,
		}),
});
export type KioskApi = ReturnType<typeof kioskApi>;
