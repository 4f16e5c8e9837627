import { PatrolRoute } from '@estate-ops/domain/patrols';
import type { CheckpointPlan } from './geometry';

export type PlacedCheckpoint = CheckpointPlan & { readonly id: string };

/**
 * The two patrol routes (巡逻路线) of the demo estate: the perimeter along the fence, walked every two hours
 * by day and every hour at night, and the inner route past the clubhouse, garden, garage ramps and garbage
 * stations, every three hours by day and every two at night. Each is valid against the domain's `PatrolRoute`;
 * `seedPatrolRoutes` stores them in the patrol tables.
 */
export function demoPatrolRoutes(
	estateId: string,
	routeIds: { readonly perimeter: string; readonly inner: string },
	perimeter: readonly PlacedCheckpoint[],
	inner: readonly PlacedCheckpoint[],
): PatrolRoute[] {
	const checkpoints = (placed: readonly PlacedCheckpoint[], radiusMetres: number) =>
		placed.map((checkpoint) => ({
			checkpointId: checkpoint.id,
			name: checkpoint.name,
			code: checkpoint.code,
			point: checkpoint.geometry.coordinates,
			radiusMetres,
		}));
	return [
		PatrolRoute.parse({
			id: routeIds.perimeter,
			estateId,
			name: '周界巡逻路线',
			checkpoints: checkpoints(perimeter, 40),
			day: { start: '06:00', end: '22:00', intervalHours: 2 },
			night: { start: '22:00', end: '06:00', intervalHours: 1 },
			windowMinutes: 50,
			toleranceMinutes: 10,
		}),
		PatrolRoute.parse({
			id: routeIds.inner,
			estateId,
			name: '园区内部巡逻路线',
			checkpoints: checkpoints(inner, 30),
			day: { start: '07:00', end: '22:00', intervalHours: 3 },
			night: { start: '22:00', end: '07:00', intervalHours: 2 },
			windowMinutes: 40,
			toleranceMinutes: 10,
		}),
	];
}
