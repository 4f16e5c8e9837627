import type { Geometry, Position } from '@estate-ops/domain/estate';
import type { ApiClient } from './api-client';
import { placeOf, towards } from './walk';

/**
 * The estate as the simulated people know it, read once through the api at start: where the towers and
 * zones are, the gates and the clubhouse, and the patrol routes with the codes printed on their plates
 * (only those who print plates may read the codes; a guard walks to the plate and reads it there).
 */
export type EstatePicture = {
	readonly estateId: string;
	readonly timeZone: string;
	/** The clubhouse: the engineering office and the cleaners' room. */
	readonly clubhouse: Position;
	/** The gates' guard posts (岗亭), a few metres inside each gate. */
	readonly gates: readonly Position[];
	readonly buildings: ReadonlyMap<string, Position>;
	readonly zones: ReadonlyMap<string, Position>;
	readonly routes: readonly PatrolRoutePicture[];
};

export type PatrolRoutePicture = {
	readonly id: string;
	readonly name: string;
	readonly checkpoints: readonly {
		readonly checkpointId: string;
		readonly code: string;
		readonly point: Position;
	}[];
};

/** How far inside its gate a guard post stands. */
const GATE_POST_INSIDE_M = 10;

type SitePlanFeature = {
	readonly id: string;
	readonly geometry: Geometry;
	readonly properties: { readonly layer: string; readonly kind: string; readonly name: string | null };
};

type RouteView = {
	readonly id: string;
	readonly name: string;
	readonly archivedAt: string | null;
	readonly checkpoints: readonly { readonly id: string; readonly code?: string; readonly point: Position }[];
};

export async function readEstatePicture(admin: ApiClient): Promise<EstatePicture> {
	const [estate, plan, { routes }] = await Promise.all([
		admin.get<{ id: string; timeZone: string; centre: Position }>('/api/v1/estate'),
		admin.get<{ features: SitePlanFeature[] }>('/api/v1/estate/site-plan'),
		admin.get<{ routes: RouteView[] }>('/api/v1/patrols/routes'),
	]);
	const of = (layer: string, kind?: string) =>
		plan.features.filter(
			(feature) =>
				feature.properties.layer === layer && (kind === undefined || feature.properties.kind === kind),
		);
	const clubhouse = of('building', 'clubhouse')[0];
	return {
		estateId: estate.id,
		timeZone: estate.timeZone,
		clubhouse: clubhouse ? placeOf(clubhouse.geometry) : estate.centre,
		// Inside the gate, so that a guard pacing about the post is never off the estate on the map.
		gates: of('feature', 'gate').map((gate) =>
			towards(placeOf(gate.geometry), estate.centre, GATE_POST_INSIDE_M),
		),
		buildings: new Map(of('building').map((building) => [building.id, placeOf(building.geometry)])),
		zones: new Map(of('zone').map((zone) => [zone.id, placeOf(zone.geometry)])),
		routes: routes
			.filter((route) => route.archivedAt === null)
			.map((route) => ({
				id: route.id,
				name: route.name,
				checkpoints: route.checkpoints.flatMap((checkpoint) =>
					checkpoint.code === undefined
						? []
						: [{ checkpointId: checkpoint.id, code: checkpoint.code, point: checkpoint.point }],
				),
			}))
			.filter((route) => route.checkpoints.length > 0),
	};
}
