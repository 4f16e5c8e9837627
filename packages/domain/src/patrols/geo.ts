import { z } from 'zod';
import { isInsideBoundary } from '../estate/point-in-polygon';

/** A WGS-84 position as GeoJSON orders it: `[longitude, latitude]`. */
export const LngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LngLat = z.infer<typeof LngLat>;

/** A closed ring of at least three distinct corners; repeating the first corner at the end is optional. */
export const LinearRing = z.array(LngLat).min(3, 'a ring needs at least three corners');
export type LinearRing = z.infer<typeof LinearRing>;

/** GeoJSON polygon coordinates: the outer ring first, then any holes (a lake, a plot outside the estate). */
export const Polygon = z.array(LinearRing).min(1, 'a polygon needs an outer ring');
export type Polygon = z.infer<typeof Polygon>;

/** Mean Earth radius (IUGG), the usual choice for haversine. */
const EARTH_RADIUS_METRES = 6_371_008.8;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres. Within an estate the error against an ellipsoid is millimetres. */
export function haversineMetres(from: LngLat, to: LngLat): number {
	const [lng1, lat1] = from;
	const [lng2, lat2] = to;
	const dLat = radians(lat2 - lat1);
	const dLng = radians(lng2 - lng1);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether `point` lies inside the polygon's outer ring and outside every hole: the estate's own
 * `isInsideBoundary`, with rings closed first (routes and zones may leave out the repeated corner).
 */
export function pointInPolygon(point: LngLat, polygon: Polygon): boolean {
	const closed = polygon.map((ring) => {
		const first = ring[0];
		const last = ring.at(-1);
		return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
	});
	return isInsideBoundary(point, { type: 'Polygon', coordinates: closed });
}
