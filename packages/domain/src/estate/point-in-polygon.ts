import type { AreaGeometry, LinearRing, Position } from './geo-json';

/**
 * Whether `point` lies inside `area` (holes excluded). A point on an edge counts as inside, so a guard
 * walking the fence line is not flagged as having left the estate. Coordinates are treated as planar:
 * at the scale of one estate the error of ignoring the earth's curvature is far below GPS noise.
 */
export function isInsideBoundary(point: Position, area: AreaGeometry): boolean {
	const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
	return polygons.some((rings) => isInsidePolygon(point, rings));
}

function isInsidePolygon(point: Position, rings: readonly LinearRing[]): boolean {
	const [outline, ...holes] = rings;
	if (outline === undefined || !isInsideRing(point, outline)) return false;
	return holes.every((hole) => isOnRingEdge(point, hole) || !isInsideRing(point, hole));
}

function isInsideRing(point: Position, ring: LinearRing): boolean {
	if (isOnRingEdge(point, ring)) return true;
	const [x, y] = point;
	let inside = false;
	for (const [a, b] of edges(ring)) {
		const crosses = a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0];
		if (crosses) inside = !inside;
	}
	return inside;
}

// About 1 cm in degrees: absorbs floating-point noise in the cross product, nothing a GPS could tell apart.
const EDGE_TOLERANCE = 1e-7;

function isOnRingEdge(point: Position, ring: LinearRing): boolean {
	const [x, y] = point;
	return edges(ring).some(([a, b]) => {
		const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
		const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
		if (Math.abs(cross) > EDGE_TOLERANCE * Math.max(length, EDGE_TOLERANCE)) return false;
		const within = (v: number, p: number, q: number) =>
			v >= Math.min(p, q) - EDGE_TOLERANCE && v <= Math.max(p, q) + EDGE_TOLERANCE;
		return within(x, a[0], b[0]) && within(y, a[1], b[1]);
	});
}

function edges(ring: LinearRing): [Position, Position][] {
	const result: [Position, Position][] = [];
	for (let i = 0; i + 1 < ring.length; i++) {
		const a = ring[i];
		const b = ring[i + 1];
		if (a !== undefined && b !== undefined) result.push([a, b]);
	}
	return result;
}
