import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/** A device principal of the estate: a lobby kiosk or a staff member's field phone. */
export const Device = z.object({
	id: z.string(),
	kind: z.enum(['kiosk', 'field']),
	name: z.string(),
	staffId: z.string().nullable(),
	revokedAt: z.coerce.date().nullable(),
	lastSeenAt: z.coerce.date().nullable(),
	createdAt: z.coerce.date(),
});
export type Device = z.infer<typeof Device>;

const DeviceList = z.object({ devices: z.array(Device) });
/** A newly registered device with its bearer token, which the api returns this once. */
const Issued = z.object({ device: Device, token: z.string().min(1) });
export type IssuedDevice = z.infer<typeof Issued>;

const Nothing = z.unknown();

export const devicesApi = (api: ApiClient) => ({
	list: async (): Promise<ApiResult<Device[]>> => {
		const result = await api.request('/api/v1/devices', DeviceList);
		return result.ok ? { ok: true, value: result.value.devices } : result;
	},
	registerKiosk: (name: string): Promise<ApiResult<IssuedDevice>> =>
		api.request('/api/v1/devices', Issued, { method: 'POST', body: { kind: 'kiosk', name, staffId: null } }),
	revoke: (id: string): Promise<ApiResult<unknown>> =>
		api.request(`/api/v1/devices/${encodeURIComponent(id)}`, Nothing, { method: 'DELETE' }),
});
export type DevicesApi = ReturnType<typeof devicesApi>;
