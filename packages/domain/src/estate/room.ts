import { z } from 'zod';
import { BuildingId, RoomId, UnitId } from '../shared/ids';

/**
 * A dwelling (房号) such as `1202`. Buildings without stairwell entrances have no unit. Floors below
 * ground are negative.
 */
export const Room = z.object({
	id: RoomId,
	buildingId: BuildingId,
	unitId: UnitId.nullable(),
	floor: z
		.number()
		.int()
		.min(-10)
		.max(200)
		.refine((floor) => floor !== 0, 'there is no floor 0'),
	number: z.string().trim().min(1).max(10),
	/** Floor area in m² (建筑面积); fees and deep-cleaning bookings are priced by it. */
	areaM2: z.number().positive().max(10_000),
});
export type Room = z.infer<typeof Room>;
