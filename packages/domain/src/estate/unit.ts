import { z } from 'zod';
import { BuildingId, UnitId } from '../shared/ids';

/** A stairwell entrance (单元) of a building, with its own lobby and lifts. */
export const Unit = z.object({
	id: UnitId,
	buildingId: BuildingId,
	number: z.string().trim().min(1).max(10),
});
export type Unit = z.infer<typeof Unit>;
