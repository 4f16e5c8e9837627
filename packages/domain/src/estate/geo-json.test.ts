import { describe, expect, it } from 'vitest';
import { Geometry, LinearRing, Position } from './geo-json';

const square: [number, number][] = [
	[121.47, 31.23],
	[121.48, 31.23],
	[121.48, 31.24],
	[121.47, 31.24],
	[121.47, 31.23],
];

describe('GeoJSON geometries', () => {
	it.each([
		['a Shanghai position', [121.47, 31.23], true],
		['the date line', [180, 0], true],
		['longitude beyond 180°', [181, 31], false],
		['latitude beyond 90° (lat and lng swapped)', [31.23, 121.47], false],
		['a position with altitude', [121.47, 31.23, 10], false],
		['a missing latitude', [121.47], false],
	])('%s is %s as a position', (_name, position, valid) => {
		expect(Position.safeParse(position).success).toBe(valid);
	});

	it('accepts a closed ring and rejects an open one', () => {
		expect(LinearRing.safeParse(square).success).toBe(true);
		expect(LinearRing.safeParse(square.slice(0, 4)).success).toBe(false);
		expect(LinearRing.safeParse([...square.slice(0, 4), [121.46, 31.23]]).success).toBe(false);
	});

	it('rejects a ring of fewer than four positions', () => {
		expect(LinearRing.safeParse([square[0], square[1], square[0]]).success).toBe(false);
	});

	it.each([
		['Point', { type: 'Point', coordinates: [121.47, 31.23] }, true],
		['LineString', { type: 'LineString', coordinates: [square[0], square[1]] }, true],
		['LineString of one position', { type: 'LineString', coordinates: [square[0]] }, false],
		['Polygon', { type: 'Polygon', coordinates: [square] }, true],
		['Polygon without rings', { type: 'Polygon', coordinates: [] }, false],
		['MultiPolygon', { type: 'MultiPolygon', coordinates: [[square]] }, true],
		['unknown type', { type: 'Circle', coordinates: [121.47, 31.23] }, false],
	])('parses a %s geometry: %s', (_name, geometry, valid) => {
		expect(Geometry.safeParse(geometry).success).toBe(valid);
	});
});
