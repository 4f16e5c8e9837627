import type { Building } from '$lib/api/estate';
import { shownSlaState } from '$lib/state/order-book';
import type { LiveOrder } from '$lib/state/order-book';

export type OrderPointProperties = {
	readonly id: string;
	readonly code: string;
	readonly urgency: string;
	readonly sla: string;
	readonly status: string;
};

export type OrderPoint = {
	readonly type: 'Feature';
	readonly id: number;
	readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
	readonly properties: OrderPointProperties;
};

/** A stable small number from an id: MapLibre's feature-state wants numeric ids, and the jitter below an angle. */
export function hashOf(text: string): number {
	let hash = 2166136261;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
	return hash >>> 0;
}

/** About 6 m around a building's centre, so that orders in one tower do not sit on one pixel. */
function spread(centre: readonly [number, number], id: string): [number, number] {
	const hash = hashOf(id);
	const angle = ((hash % 360) * Math.PI) / 180;
	const radius = 0.00003 + ((hash >>> 9) % 40) * 0.000001;
	return [centre[0] + radius * Math.cos(angle) * 1.17, centre[1] + radius * Math.sin(angle)];
}

/** Where an order is drawn: its own point for public areas, its building for rooms; nowhere if unknown. */
export function positionOf(
	entry: LiveOrder,
	buildings: ReadonlyMap<string, Building>,
): [number, number] | null {
	const { location } = entry.order;
	if (location.kind === 'point') return [location.position[0], location.position[1]];
	const centre = buildings.get(location.buildingId)?.centre;
	return centre ? spread(centre, entry.order.id) : null;
}

/** The orders as the map's GeoJSON source: one point each, with what the style colours them by. */
export function orderFeatures(
	orders: Iterable<LiveOrder>,
	buildings: ReadonlyMap<string, Building>,
	now: Date,
): { type: 'FeatureCollection'; features: OrderPoint[] } {
	const features: OrderPoint[] = [];
	for (const entry of orders) {
		const coordinates = positionOf(entry, buildings);
		if (!coordinates) continue;
		features.push({
			type: 'Feature',
			id: hashOf(entry.order.id),
			geometry: { type: 'Point', coordinates },
			properties: {
				id: entry.order.id,
				code: entry.order.code,
				urgency: entry.order.urgency,
				sla: shownSlaState(entry, now) ?? 'none',
				status: entry.order.status,
			},
		});
	}
	return { type: 'FeatureCollection', features };
}
