import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

const Position = z.tuple([z.number(), z.number()]);
const Geometry = z.object({ type: z.string(), coordinates: z.unknown() });

/** The caller's estate: its name, time zone (for every time on screen) and where it is. */
export const Estate = z.object({
	id: z.string(),
	code: z.string(),
	name: z.string(),
	nameEn: z.string().nullable(),
	timeZone: z.string(),
	address: z.string().nullable(),
	centre: Position,
	boundary: Geometry,
});
export type Estate = z.infer<typeof Estate>;

export const SitePlanFeature = z.object({
	type: z.literal('Feature'),
	id: z.string(),
	geometry: Geometry,
	properties: z.looseObject({
		layer: z.enum(['feature', 'building', 'zone']),
		kind: z.string(),
		name: z.string().nullable(),
	}),
});
export type SitePlanFeature = z.infer<typeof SitePlanFeature>;

export const SitePlan = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(SitePlanFeature),
});
export type SitePlan = z.infer<typeof SitePlan>;

const Room = z.object({ id: z.string(), number: z.string(), floor: z.number() });
export const Building = z.object({
	id: z.string(),
	number: z.string(),
	name: z.string(),
	kind: z.string(),
	floors: z.number(),
	centre: Position.nullable(),
	units: z.array(z.object({ id: z.string(), number: z.string(), rooms: z.array(Room) })),
});
export type Building = z.infer<typeof Building>;
const BuildingDirectory = z.object({ buildings: z.array(Building) });

export const StaffName = z.object({
	id: z.string(),
	name: z.string(),
	roles: z.array(z.string()),
	department: z.string().nullable(),
	active: z.boolean(),
});
export type StaffName = z.infer<typeof StaffName>;
const StaffDirectory = z.object({ staff: z.array(StaffName) });

export const estateApi = (api: ApiClient) => ({
	estate: (): Promise<ApiResult<Estate>> => api.request('/api/v1/estate', Estate),
	sitePlan: (): Promise<ApiResult<SitePlan>> => api.request('/api/v1/estate/site-plan', SitePlan),
	buildings: async (): Promise<ApiResult<Building[]>> => {
		const result = await api.request('/api/v1/estate/buildings', BuildingDirectory);
		return result.ok ? { ok: true, value: result.value.buildings } : result;
	},
	staff: async (): Promise<ApiResult<StaffName[]>> => {
		const result = await api.request('/api/v1/estate/staff', StaffDirectory);
		return result.ok ? { ok: true, value: result.value.staff } : result;
	},
});
export type EstateApi = ReturnType<typeof estateApi>;
