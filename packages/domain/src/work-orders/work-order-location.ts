import { z } from 'zod';
import { Position } from '../estate/geo-json';
import { BuildingId, RoomId, ZoneId } from '../shared/ids';

/**
 * Where the work is: a dwelling, or a point on the map for public areas (a broken streetlight, a blocked
 * road). The building of a room travels with it so dispatch can match staff areas without a lookup.
 */
export const WorkOrderLocation = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('room'), roomId: RoomId, buildingId: BuildingId }),
	z.object({
		kind: z.literal('point'),
		position: Position,
		description: z.string().trim().max(200).nullable().default(null),
		buildingId: BuildingId.nullable().default(null),
		zoneId: ZoneId.nullable().default(null),
	}),
]);
export type WorkOrderLocation = z.infer<typeof WorkOrderLocation>;
