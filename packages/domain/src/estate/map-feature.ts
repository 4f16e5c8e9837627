import { z } from 'zod';
import { EstateId, MapFeatureId } from '../shared/ids';
import type { GeometryType } from './geo-json';
import { Geometry } from './geo-json';

export const MapFeatureKind = z.enum([
	'boundary',
	'building',
	'clubhouse',
	'road',
	'path',
	'green',
	'water',
	'gate',
	'parking',
	'parking_entrance',
	'playground',
	'garbage_point',
	'zone',
	'checkpoint',
]);
export type MapFeatureKind = z.infer<typeof MapFeatureKind>;

const AREA: readonly GeometryType[] = ['Polygon', 'MultiPolygon'];

/** The shapes each kind may take, so that a gate drawn as a polygon is caught at import, not on the map. */
export const GEOMETRY_TYPES_BY_FEATURE_KIND: Readonly<Record<MapFeatureKind, readonly GeometryType[]>> = {
	boundary: AREA,
	building: AREA,
	clubhouse: AREA,
	road: ['LineString', 'Polygon', 'MultiPolygon'],
	path: ['LineString'],
	green: AREA,
	water: AREA,
	gate: ['Point'],
	parking: ['Point', ...AREA],
	parking_entrance: ['Point'],
	playground: AREA,
	garbage_point: ['Point'],
	zone: ['Point', 'LineString', ...AREA],
	checkpoint: ['Point'],
};

/** One drawn element of the estate's site plan (总平面图), stored as GeoJSON and rendered by the map. */
export const MapFeature = z
	.object({
		id: MapFeatureId,
		estateId: EstateId,
		kind: MapFeatureKind,
		name: z.string().max(100).nullable().default(null),
		geometry: Geometry,
		/** The record this feature draws (a building, zone or checkpoint id), if any. */
		refId: z.string().min(1).max(64).nullable().default(null),
	})
	.refine((feature) => GEOMETRY_TYPES_BY_FEATURE_KIND[feature.kind].includes(feature.geometry.type), {
		message: 'this kind of feature cannot have this geometry',
		path: ['geometry', 'type'],
	});
export type MapFeature = z.infer<typeof MapFeature>;

export type GeoJsonFeature = {
	readonly type: 'Feature';
	readonly id: string;
	readonly geometry: Geometry;
	readonly properties: {
		readonly kind: MapFeatureKind;
		readonly name: string | null;
		readonly refId: string | null;
	};
};

export type GeoJsonFeatureCollection = {
	readonly type: 'FeatureCollection';
	readonly features: readonly GeoJsonFeature[];
};

/** The site plan as one GeoJSON source for the map style. */
export function toFeatureCollection(features: readonly MapFeature[]): GeoJsonFeatureCollection {
	return {
		type: 'FeatureCollection',
		features: features.map((feature) => ({
			type: 'Feature',
			id: feature.id,
			geometry: feature.geometry,
			properties: { kind: feature.kind, name: feature.name, refId: feature.refId },
		})),
	};
}
