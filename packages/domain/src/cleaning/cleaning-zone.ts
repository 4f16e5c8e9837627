import { z } from 'zod';
import { EstateId, ZoneId } from '../shared/ids';

/**
 * Kinds of cleaning zone: corridors 楼道, lifts 电梯, roads 道路, green areas 绿化, public toilets 公共卫生间,
 * garbage-sorting points 垃圾分类点, and lobbies 大堂 (which bad weather makes muddy).
 */
export const CleaningZoneKind = z.enum([
	'corridor',
	'lift',
	'road',
	'green',
	'toilet',
	'garbage_point',
	'lobby',
]);
export type CleaningZoneKind = z.infer<typeof CleaningZoneKind>;

/** Cleaning zone (保洁区域): an area on the map that cleaners look after, with its own tasks. */
export const CleaningZone = z.object({
	id: ZoneId,
	estateId: EstateId,
	kind: CleaningZoneKind,
	name: z.string().trim().min(1).max(100),
});
export type CleaningZone = z.infer<typeof CleaningZone>;
