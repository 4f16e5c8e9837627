import { Geometry, type MapFeatureKind, type Position } from '@estate-ops/domain/estate';
import type { KioskEstateRecord } from '../db/repositories/kiosk-estate.repository';

/**
 * The map features a resident may name as where a problem is (公共区域): places anyone in the estate
 * walks past. Roads and paths are lines and checkpoints are for guards, so they are left out.
 */
export const PUBLIC_PLACE_KINDS: readonly MapFeatureKind[] = [
	'clubhouse',
	'green',
	'water',
	'playground',
	'parking',
	'parking_entrance',
	'gate',
	'garbage_point',
];

/** Half the side of the square a point place is drawn as, so a finger can hit it on the kiosk's map. */
export const POINT_PLACE_HALF_SIDE_M = 6;

const METRES_PER_DEGREE_LAT = 111_320;

export type KioskEstateView = {
	readonly name: string;
	readonly code: string;
	readonly timeZone: string;
	/** The control room's 24-hour line for emergencies, from the estate's settings. */
	readonly emergencyPhone: string | null;
	readonly buildings: readonly { readonly id: string; readonly number: string; readonly name: string }[];
	readonly publicPlaces: readonly {
		readonly id: string;
		readonly name: string;
		readonly kind: string;
		/** The outline, `[lng, lat]`, closed (the last position repeats the first). */
		readonly polygon: readonly Position[];
	}[];
	/** The estate's outline, `[lng, lat]`, closed. */
	readonly boundary: readonly Position[];
};

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

function squareAround([lng, lat]: Position, halfSideM: number): Position[] {
	const dLat = halfSideM / METRES_PER_DEGREE_LAT;
	const dLng = halfSideM / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
	const corners: Position[] = [
		[lng - dLng, lat - dLat],
		[lng + dLng, lat - dLat],
		[lng + dLng, lat + dLat],
		[lng - dLng, lat + dLat],
		[lng - dLng, lat - dLat],
	];
	return corners.map(([x, y]) => [round7(x), round7(y)]);
}

/** The outer ring of an area, a small square for a point, nothing for a line or a malformed value. */
export function outlineOf(stored: unknown): Position[] | null {
	const parsed = Geometry.safeParse(stored);
	if (!parsed.success) return null;
	const geometry = parsed.data;
	switch (geometry.type) {
		case 'Polygon':
			return geometry.coordinates[0] ?? null;
		case 'MultiPolygon':
			return geometry.coordinates[0]?.[0] ?? null;
		case 'Point':
			return squareAround(geometry.coordinates, POINT_PLACE_HALF_SIDE_M);
		case 'LineString':
			return null;
	}
}

const byNumber = (a: { number: string }, b: { number: string }) =>
	a.number.localeCompare(b.number, 'en', { numeric: true });

/** What the kiosk draws and shows: the estate's name, buildings, public places and outline. */
export function kioskEstateView(record: KioskEstateRecord): KioskEstateView {
	const phone = record.settings['emergencyPhone'];
	return {
		name: record.name,
		code: record.code,
		timeZone: record.timeZone,
		emergencyPhone: typeof phone === 'string' && phone.trim() !== '' ? phone.trim() : null,
		buildings: [...record.buildings].sort(byNumber),
		publicPlaces: record.places
			.flatMap((place) => {
				const polygon = outlineOf(place.geometry);
				return polygon ? [{ id: place.id, name: place.name, kind: place.kind, polygon }] : [];
			})
			.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-Hans-CN')),
		boundary: outlineOf(record.boundary) ?? [],
	};
}

/**
 * Where on the map a request about a public place goes: the mean of its outline's corners (the closing
 * corner counted once), which lies inside the convex shapes public places are drawn as.
 */
export function centreOf(polygon: readonly Position[]): Position {
	const first = polygon[0];
	const last = polygon[polygon.length - 1];
	const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
	const corners = closed && polygon.length > 1 ? polygon.slice(0, -1) : polygon;
	if (corners.length === 0) throw new Error('a place without an outline has no centre');
	const sum = corners.reduce<[number, number]>((acc, [lng, lat]) => [acc[0] + lng, acc[1] + lat], [0, 0]);
	return [round7(sum[0] / corners.length), round7(sum[1] / corners.length)];
}
