import type { FieldRole } from '@estate-ops/domain/positions';
import { hashOf } from '$lib/features/map/order-features';
import type { FieldPerson } from './field-people';
import type { TrackPoint } from './positions-api';

export type PersonPointProperties = {
	readonly id: string;
	readonly role: FieldRole;
	readonly name: string;
	/** Degrees clockwise from north; -1 when the device does not know (standing still, no compass). */
	readonly heading: number;
	readonly stale: boolean;
	readonly outside: boolean;
	readonly sos: boolean;
	/** One character inside the dot, so that the role does not rest on colour alone. */
	readonly glyph: string;
};

export type PersonPoint = {
	readonly type: 'Feature';
	readonly id: number;
	readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
	readonly properties: PersonPointProperties;
};

export type PeopleCollection = { readonly type: 'FeatureCollection'; readonly features: PersonPoint[] };

/** Someone with an SOS and no fix yet is drawn where they pressed it. */
export type SosPlace = { readonly personId: string; readonly name: string; readonly point: [number, number] };

/**
 * The people as the map's GeoJSON source. One feature per person, with what the style draws them by; the
 * source is replaced whole a few times a second at most, never a marker per person in the DOM.
 */
export function peopleFeatures(
	people: Iterable<FieldPerson>,
	sos: ReadonlyMap<string, SosPlace>,
	glyphOf: (role: FieldRole) => string,
): PeopleCollection {
	const features: PersonPoint[] = [];
	const placed = new Set<string>();
	for (const person of people) {
		placed.add(person.personId);
		features.push({
			type: 'Feature',
			id: hashOf(person.personId),
			geometry: { type: 'Point', coordinates: [person.lng, person.lat] },
			properties: {
				id: person.personId,
				role: person.role,
				name: person.name ?? '',
				heading: person.headingDeg ?? -1,
				stale: person.stale,
				outside: person.outside,
				sos: sos.has(person.personId),
				glyph: glyphOf(person.role),
			},
		});
	}
	for (const place of sos.values()) {
		if (placed.has(place.personId)) continue;
		features.push({
			type: 'Feature',
			id: hashOf(place.personId),
			geometry: { type: 'Point', coordinates: place.point },
			properties: {
				id: place.personId,
				role: 'guard',
				name: place.name,
				heading: -1,
				stale: false,
				outside: false,
				sos: true,
				glyph: '!',
			},
		});
	}
	return { type: 'FeatureCollection', features };
}

export type TrackCollection = {
	readonly type: 'FeatureCollection';
	readonly features: {
		readonly type: 'Feature';
		readonly geometry:
			| { readonly type: 'LineString'; readonly coordinates: [number, number][] }
			| { readonly type: 'Point'; readonly coordinates: [number, number] };
		readonly properties: { readonly kind: 'line' | 'start' };
	}[];
};

/** Where a person's recent track stands: being read, read (how many fixes), or not to be had. */
export type TrackState =
	| { readonly kind: 'loading' }
	| { readonly kind: 'shown'; readonly points: number }
	| { readonly kind: 'failed' };

export const noTrack: TrackCollection = { type: 'FeatureCollection', features: [] };

/**
 * A person's recent track, oldest first, ending at their current position (the last frame may be newer
 * than the track's last stored fix). A single point is no line: only its start is drawn.
 */
export function trackFeatures(points: readonly TrackPoint[], current: FieldPerson | undefined): TrackCollection {
	const coordinates: [number, number][] = points.map((point) => [point.lng, point.lat]);
	const last = points.at(-1);
	if (current && (!last || current.at.getTime() > last.at.getTime())) coordinates.push([current.lng, current.lat]);
	const first = coordinates[0];
	if (!first) return noTrack;
	return {
		type: 'FeatureCollection',
		features: [
			...(coordinates.length > 1
				? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates }, properties: { kind: 'line' as const } }]
				: []),
			{ type: 'Feature', geometry: { type: 'Point', coordinates: first }, properties: { kind: 'start' } },
		],
	};
}
