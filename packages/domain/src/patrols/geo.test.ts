import { describe, expect, it } from 'vitest';
import type { LngLat, Polygon } from './geo';
import { haversineMetres, pointInPolygon } from './geo';

describe('haversineMetres', () => {
	it.each<[string, LngLat, LngLat, number]>([
		['the same point', [121.47, 31.23], [121.47, 31.23], 0],
		['one degree of latitude', [121, 31], [121, 32], 111_195],
		['Shanghai People’s Square to the Bund', [121.4737, 31.2304], [121.4903, 31.2397], 1_889],
	])('measures %s', (_, from, to, metres) => {
		expect(haversineMetres(from, to)).toBeCloseTo(metres, -1);
	});

	it('is symmetric', () => {
		expect(haversineMetres([121.1, 31.1], [121.2, 31.3])).toBe(haversineMetres([121.2, 31.3], [121.1, 31.1]));
	});
});

describe('pointInPolygon', () => {
	const square: Polygon = [
		[
			[0, 0],
			[10, 0],
			[10, 10],
			[0, 10],
			[0, 0],
		],
		[
			[4, 4],
			[6, 4],
			[6, 6],
			[4, 6],
		],
	];

	it.each<[string, LngLat, boolean]>([
		['inside the outer ring', [1, 1], true],
		['outside to the east', [11, 5], false],
		['outside to the south', [5, -1], false],
		['inside the hole', [5, 5], false],
		['between the hole and the edge', [8, 5], true],
	])('says a point %s is %s', (_, point, inside) => {
		expect(pointInPolygon(point, square)).toBe(inside);
	});

	it('treats an empty polygon as containing nothing', () => {
		expect(pointInPolygon([0, 0], [])).toBe(false);
	});
});
