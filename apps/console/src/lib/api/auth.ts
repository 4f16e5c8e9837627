import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

/** The signed-in staff member as `GET /api/v1/auth/me` describes them. */
export const Me = z.object({
	kind: z.literal('staff'),
	id: z.string(),
	username: z.string(),
	name: z.string(),
	roles: z.array(z.string()),
	department: z.string().nullable().optional(),
	estate: z.object({ id: z.string(), code: z.string(), name: z.string() }),
	mustChangePassword: z.boolean(),
	permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

const StaffAnswer = z.object({ staff: Me });
const Nothing = z.unknown();

export const authApi = (api: ApiClient) => ({
	me: (): Promise<ApiResult<Me>> => api.request('/api/v1/auth/me', Me),
	login: async (username: string, password: string): Promise<ApiResult<Me>> => {
		const result = await api.request('/api/v1/auth/login', StaffAnswer, {
			method: 'POST',
			body: { username, password },
		});
		return result.ok ? { ok: true, value: result.value.staff } : result;
	},
	changePassword: async (currentPassword: string, newPassword: string): Promise<ApiResult<Me>> => {
		const result = await api.request('/api/v1/auth/password', StaffAnswer, {
			method: 'POST',
			body: { currentPassword, newPassword },
		});
		return result.ok ? { ok: true, value: result.value.staff } : result;
	},
	logout: (): Promise<ApiResult<unknown>> => api.request('/api/v1/auth/logout', Nothing, { method: 'POST' }),
});
export type AuthApi = ReturnType<typeof authApi>;
