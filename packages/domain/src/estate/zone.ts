import { z } from 'zod';
import { BuildingId, EstateId, ZoneId } from '../shared/ids';
import { Geometry } from './geo-json';

export const ZoneKind = z.enum([
	'corridor',
	'lift',
	'road',
	'green',
	'toilet',
	'garbage_point',
	'parking',
	'lobby',
	'other',
]);
export type ZoneKind = z.infer<typeof ZoneKind>;

/**
 * An area that is cleaned or patrolled as one (区域): a building's corridors 楼道, its lifts 电梯, a road
 * 道路, a green 绿化, a public toilet 公共卫生间, a garbage point 垃圾分类点. Corridors and lifts belong
 * to a building; outdoor zones do not.
 */
export const Zone = z.object({
	id: ZoneId,
	estateId: EstateId,
	name: z.string().trim().min(1).max(100),
	kind: ZoneKind,
	buildingId: BuildingId.nullable().default(null),
	geometry: Geometry,
});
export type Zone = z.infer<typeof Zone>;
