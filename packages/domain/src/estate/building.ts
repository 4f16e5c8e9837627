import { z } from 'zod';
import { BuildingId, EstateId } from '../shared/ids';
import { AreaGeometry } from './geo-json';

export const BuildingKind = z.enum([
	'tower',
	'mid_rise',
	'villa',
	'townhouse',
	'clubhouse',
	'commercial',
	'service',
	'other',
]);
export type BuildingKind = z.infer<typeof BuildingKind>;

/** A building (栋/楼) of an estate. `number` is what residents say: `3` in 3栋, sometimes `A`. */
export const Building = z.object({
	id: BuildingId,
	estateId: EstateId,
	name: z.string().trim().min(1).max(50),
	number: z.string().trim().min(1).max(10),
	kind: BuildingKind,
	/** Floors above ground. */
	floors: z.number().int().min(1).max(200),
	basementFloors: z.number().int().min(0).max(10).default(0),
	footprint: AreaGeometry.nullable().default(null),
});
export type Building = z.infer<typeof Building>;
