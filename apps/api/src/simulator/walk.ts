import type { Geometry, Position } from '@estate-ops/domain/estate';
import { haversineMetres } from '@estate-ops/domain/patrols';

/**
 * How simulated people move: straight legs between waypoints at a steady pace, as a function of time, so
 * that a position can be read at any instant (a fix every few seconds) and the same walk always gives the
 * same track. Inside an estate (a few hundred metres) interpolating longitude and latitude linearly is
 * within centimetres of the true great-circle path.
 */

/** A brisk walk, as guards on patrol and technicians on their way to a job walk. */
export const WALKING_SPEED_MPS = 1.2;

// On the sphere the domain measures distances on (haversine, mean Earth radius), so that a walk planned in
// metres is as long as the distance the api computes.
const METRES_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180;
const metresPerDegreeLng = (lat: number): number => METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);

type Leg = {
	readonly from: Position;
	readonly to: Position;
	readonly startMs: number;
	readonly endMs: number;
	readonly headingDeg: number;
};

/** A walk from a start along waypoints, begun at `startMs` (epoch milliseconds). */
export type Walk = {
	readonly start: Position;
	readonly startMs: number;
	readonly endMs: number;
	readonly speedMps: number;
	readonly legs: readonly Leg[];
};

/** Where a walker is at an instant: standing still has no heading and no speed. */
export type WalkState = {
	readonly point: Position;
	readonly headingDeg: number | null;
	readonly speedMps: number;
	readonly arrived: boolean;
};

/** Compass bearing from `from` to `to`, degrees clockwise from north in [0, 360). */
export function bearingDeg(from: Position, to: Position): number {
	const east = (to[0] - from[0]) * metresPerDegreeLng(from[1]);
	const north = (to[1] - from[1]) * METRES_PER_DEGREE_LAT;
	const degrees = (Math.atan2(east, north) * 180) / Math.PI;
	return Math.round(((degrees + 360) % 360) * 10) / 10;
}

/** The point `east` and `north` metres away from `point`. */
export function offsetMetres(point: Position, east: number, north: number): Position {
	return [
		round7(point[0] + east / metresPerDegreeLng(point[1])),
		round7(point[1] + north / METRES_PER_DEGREE_LAT),
	];
}

export const distanceMetres = (from: Position, to: Position): number =>
	haversineMetres([from[0], from[1]], [to[0], to[1]]);

/** The point `metres` from `from` on the way to `to` (`to` itself when it is nearer). */
export function towards(from: Position, to: Position, metres: number): Position {
	const whole = distanceMetres(from, to);
	if (whole <= metres) return to;
	const share = metres / whole;
	return [round7(from[0] + (to[0] - from[0]) * share), round7(from[1] + (to[1] - from[1]) * share)];
}

/** Plans a walk through `waypoints` in order, leaving `start` at `startMs`. */
export function planWalk(
	start: Position,
	waypoints: readonly Position[],
	startMs: number,
	speedMps: number = WALKING_SPEED_MPS,
): Walk {
	if (!(speedMps > 0)) throw new Error('a walk needs a positive speed');
	const legs: Leg[] = [];
	let from = start;
	let at = startMs;
	for (const to of waypoints) {
		const metres = distanceMetres(from, to);
		if (metres < 0.01) continue;
		const endMs = at + (metres / speedMps) * 1000;
		legs.push({ from, to, startMs: at, endMs, headingDeg: bearingDeg(from, to) });
		from = to;
		at = endMs;
	}
	return { start, startMs, endMs: at, speedMps, legs };
}

/** A walk that stays where it is: someone standing at their post. */
export const standStill = (point: Position, atMs: number): Walk => planWalk(point, [], atMs);

/** The walker's position at `atMs`: at the start before it begins, at the end once it is over. */
export function walkAt(walk: Walk, atMs: number): WalkState {
	const last = walk.legs.at(-1);
	if (!last || atMs >= walk.endMs) {
		return { point: last?.to ?? walk.start, headingDeg: null, speedMps: 0, arrived: true };
	}
	if (atMs <= walk.startMs) return { point: walk.start, headingDeg: null, speedMps: 0, arrived: false };
	const leg = walk.legs.find((candidate) => atMs < candidate.endMs) ?? last;
	const share = (atMs - leg.startMs) / (leg.endMs - leg.startMs);
	return {
		point: [
			round7(leg.from[0] + (leg.to[0] - leg.from[0]) * share),
			round7(leg.from[1] + (leg.to[1] - leg.from[1]) * share),
		],
		headingDeg: leg.headingDeg,
		speedMps: walk.speedMps,
		arrived: false,
	};
}

/** Where someone goes to work on a zone or a building: a point as it is, the middle of a line or an area. */
export function placeOf(geometry: Geometry): Position {
	switch (geometry.type) {
		case 'Point':
			return geometry.coordinates;
		case 'LineString':
			return middleOf(geometry.coordinates);
		case 'Polygon':
			return centroidOf(geometry.coordinates[0] ?? []);
		case 'MultiPolygon':
			return centroidOf(geometry.coordinates[0]?.[0] ?? []);
	}
}

/** The corners of a ring without the repeated closing corner, averaged. */
function centroidOf(ring: readonly Position[]): Position {
	const first = ring[0];
	const last = ring.at(-1);
	const corners =
		ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
			? ring.slice(0, -1)
			: ring;
	if (corners.length === 0) throw new Error('an area without corners');
	const lng = corners.reduce((sum, corner) => sum + corner[0], 0) / corners.length;
	const lat = corners.reduce((sum, corner) => sum + corner[1], 0) / corners.length;
	return [round7(lng), round7(lat)];
}

function middleOf(line: readonly Position[]): Position {
	const middle = line[Math.floor((line.length - 1) / 2)];
	const next = line[Math.floor((line.length - 1) / 2) + 1];
	if (!middle) throw new Error('a line without points');
	return next ? [round7((middle[0] + next[0]) / 2), round7((middle[1] + next[1]) / 2)] : middle;
}

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;
