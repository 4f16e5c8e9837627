import { z } from 'zod';

/**
 * GeoJSON geometries (RFC 7946) as the map and the database keep them. Positions are WGS-84
 * `[longitude, latitude]`: the order GeoJSON and MapLibre use, and the one people most often get
 * backwards, so every position is range-checked.
 */
export const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type Position = z.infer<typeof Position>;

const samePosition = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** A closed ring: at least four positions, the last repeating the first. */
export const LinearRing = z
	.array(Position)
	.min(4, 'a ring needs at least four positions')
	.refine((ring) => {
		const first = ring[0];
		const last = ring[ring.length - 1];
		return first !== undefined && last !== undefined && samePosition(first, last);
	}, 'a ring must be closed: its last position repeats the first');
export type LinearRing = z.infer<typeof LinearRing>;

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export type PointGeometry = z.infer<typeof PointGeometry>;

export const LineStringGeometry = z.object({
	type: z.literal('LineString'),
	coordinates: z.array(Position).min(2, 'a line needs at least two positions'),
});
export type LineStringGeometry = z.infer<typeof LineStringGeometry>;

/** The first ring is the outline; any further rings are holes. */
export const PolygonGeometry = z.object({
	type: z.literal('Polygon'),
	coordinates: z.array(LinearRing).min(1),
});
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

export const MultiPolygonGeometry = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(LinearRing).min(1)).min(1),
});
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonGeometry>;

export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

export const Geometry = z.discriminatedUnion('type', [
	PointGeometry,
	LineStringGeometry,
	PolygonGeometry,
	MultiPolygonGeometry,
]);
export type Geometry = z.infer<typeof Geometry>;
export type GeometryType = Geometry['type'];
