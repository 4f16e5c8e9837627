import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from './geo-json';
import { isInsideBoundary } from './point-in-polygon';

// A 1 km-ish square estate with a pond (hole) in the middle, near Shanghai's Century Park.
const outline: Position[] = [
	[121.54, 31.21],
	[121.55, 31.21],
	[121.55, 31.22],
	[121.54, 31.22],
	[121.54, 31.21],
];
const pond: Position[] = [
	[121.544, 31.214],
	[121.546, 31.214],
	[121.546, 31.216],
	[121.544, 31.216],
	[121.544, 31.214],
];
const estate: PolygonGeometry = { type: 'Polygon', coordinates: [outline, pond] };

// An L-shaped (concave) boundary: the notch at the top right is outside.
const lShape: PolygonGeometry = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[2, 0],
			[2, 1],
			[1, 1],
			[1, 2],
			[0, 2],
			[0, 0],
		],
	],
};

describe('isInsideBoundary', () => {
	it.each<[string, Position, boolean]>([
		['a point well inside', [121.541, 31.211], true],
		['a point east of the estate', [121.56, 31.215], false],
		['a point south of the estate', [121.545, 31.2], false],
		['a point in the pond (a hole)', [121.545, 31.215], false],
		['a point on the fence line', [121.55, 31.215], true],
		['a corner of the estate', [121.54, 31.21], true],
		['a point on the pond edge', [121.544, 31.215], true],
	])('%s is inside: %s', (_name, point, inside) => {
		expect(isInsideBoundary(point, estate)).toBe(inside);
	});

	it.each<[string, Position, boolean]>([
		['the bottom arm', [1.5, 0.5], true],
		['the left arm', [0.5, 1.5], true],
		['the notch', [1.5, 1.5], false],
		['level with a vertex, outside', [3, 1], false],
	])('handles a concave boundary: %s is inside: %s', (_name, point, inside) => {
		expect(isInsideBoundary(point, lShape)).toBe(inside);
	});

	it('looks at every polygon of a MultiPolygon', () => {
		const twoParts: MultiPolygonGeometry = {
			type: 'MultiPolygon',
			coordinates: [
				[outline],
				[
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 0],
					],
				],
			],
		};
		expect(isInsideBoundary([0.8, 0.2], twoParts)).toBe(true);
		expect(isInsideBoundary([121.545, 31.215], twoParts)).toBe(true);
		expect(isInsideBoundary([0.2, 0.8], twoParts)).toBe(false);
	});

	it('agrees with a bounding-box test on axis-aligned rectangles', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 121.5, max: 121.6, noNaN: true }),
				fc.double({ min: 31.18, max: 31.25, noNaN: true }),
				(lng, lat) => {
					const inBox = lng >= 121.54 && lng <= 121.55 && lat >= 31.21 && lat <= 31.22;
					expect(isInsideBoundary([lng, lat], { type: 'Polygon', coordinates: [outline] })).toBe(inBox);
				},
			),
		);
	});
});
