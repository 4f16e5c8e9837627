import type { LngLat } from '$lib/api/wire';

export type ProjectedPlace = {
	readonly id: string;
	readonly name: string;
	/** An SVG path (`M x y L … Z`) in the map's own units. */
	readonly path: string;
	/** Where its name goes: the polygon's centroid. */
	readonly label: { readonly x: number; readonly y: number };
	/** The larger side of its bounding box, in map units: a gate or a bin point is a few units wide. */
	readonly extent: number;
};

export type ProjectedEstate = {
	readonly width: number;
	readonly height: number;
	readonly boundary: string | null;
	readonly places: readonly ProjectedPlace[];
};

type Point = { x: number; y: number };

const round = (value: number): number => Math.round(value * 10) / 10;

function pathOf(points: readonly Point[]): string {
	return `${points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ')} Z`;
}

/** The area centroid of a simple polygon, or the mean of its points when it has no area. */
function centroidOf(points: readonly Point[]): Point {
	let area = 0;
	let x = 0;
	let y = 0;
	points.forEach((point, index) => {
		const next = points[(index + 1) % points.length] as Point;
		const cross = point.x * next.y - next.x * point.y;
		area += cross;
		x += (point.x + next.x) * cross;
		y += (point.y + next.y) * cross;
	});
	if (Math.abs(area) < 1e-9) {
		const count = Math.max(1, points.length);
		return {
			x: points.reduce((sum, point) => sum + point.x, 0) / count,
			y: points.reduce((sum, point) => sum + point.y, 0) / count,
		};
	}
	return { x: x / (3 * area), y: y / (3 * area) };
}

/**
 * The estate drawn flat for a kiosk's simple map: longitudes shrunk by the cosine of the latitude (an
 * estate is small enough for that to be true to shape), north up, fitted into `width` with the height
 * that keeps the proportions (at most `maxHeight`), with `padding` around.
 */
export function projectEstate(
	boundary: readonly LngLat[],
	places: readonly { readonly id: string; readonly name: string; readonly polygon: readonly LngLat[] }[],
	frame: { readonly width: number; readonly maxHeight: number; readonly padding: number },
): ProjectedEstate {
	const all = [...boundary, ...places.flatMap((place) => place.polygon)];
	if (all.length === 0) return { width: frame.width, height: 0, boundary: null, places: [] };
	const lngs = all.map(([lng]) => lng);
	const lats = all.map(([, lat]) => lat);
	const [west, east, south, north] = [
		Math.min(...lngs),
		Math.max(...lngs),
		Math.min(...lats),
		Math.max(...lats),
	];
	const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * shrink, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	const inner = frame.width - 2 * frame.padding;
	const scale = Math.min(inner / spanX, (frame.maxHeight - 2 * frame.padding) / spanY);
	const height = Math.round(spanY * scale + 2 * frame.padding);
	const offsetX = (frame.width - spanX * scale) / 2;
	const project = ([lng, lat]: LngLat): Point => ({
		x: offsetX + (lng - west) * shrink * scale,
		y: frame.padding + (north - lat) * scale,
	});
	return {
		width: frame.width,
		height,
		boundary: boundary.length > 2 ? pathOf(boundary.map(project)) : null,
		places: places
			.filter((place) => place.polygon.length > 2)
			.map((place) => {
				const points = place.polygon.map(project);
				const label = centroidOf(points);
				const xs = points.map((point) => point.x);
				const ys = points.map((point) => point.y);
				return {
					id: place.id,
					name: place.name,
					path: pathOf(points),
					label: { x: round(label.x), y: round(label.y) },
					extent: round(Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))),
				};
			}),
	};
}
