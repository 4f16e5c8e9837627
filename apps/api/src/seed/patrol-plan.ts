import type { PatrolRoute } from '@estate-ops/domain/patrols';
import { pointInPolygon } from '@estate-ops/domain/patrols';
import type { Executor } from '../db/database';
import { appendRouteHistory, insertPatrolRoute } from '../db/repositories/patrol-route.repository';
import type { SeededZone } from './site-plan';

// Zones inside buildings are not where a checkpoint plate hangs outdoors.
const INDOOR = new Set(['corridor', 'lift', 'lobby']);

/** The outdoor zone a checkpoint stands in (a road, a green …), if one of the zones' areas holds it. */
function zoneOf(point: readonly [number, number], zones: readonly SeededZone[]): string | null {
	const found = zones.find(
		(zone) =>
			!INDOOR.has(zone.kind) &&
			zone.geometry.type === 'Polygon' &&
			pointInPolygon([point[0], point[1]], zone.geometry.coordinates),
	);
	return found?.id ?? null;
}

/**
 * The demo estate's patrol routes in the patrol tables: each route with its checkpoints (their map features
 * share their ids), the zone each checkpoint stands in, and the first line of its history. Rounds follow
 * from the routes once the api runs (the patrol watch stores them from the seeding on).
 */
export async function seedPatrolRoutes(
	tx: Executor,
	input: {
		readonly routes: readonly PatrolRoute[];
		readonly zones: readonly SeededZone[];
		readonly now: Date;
	},
): Promise<void> {
	// The routes were drawn just long enough ago that a round open now is the estate's, not left out as
	// older than the route: a first look at the demo finds guards mid-round, not waiting for the next one.
	const drawnAt = new Date(
		input.now.getTime() - Math.max(0, ...input.routes.map((route) => route.windowMinutes)) * 60_000,
	);
	for (const route of input.routes) {
		const zones = new Map(
			route.checkpoints.map((checkpoint) => [
				checkpoint.checkpointId as string,
				zoneOf(checkpoint.point, input.zones),
			]),
		);
		await insertPatrolRoute(tx, { route, zoneOf: zones, version: 1, at: drawnAt });
		await appendRouteHistory(tx, {
			route,
			version: 1,
			type: 'patrol.routeCreated',
			actor: { kind: 'system' },
			at: drawnAt,
			requestId: null,
		});
	}
}
