import type { Position } from '@estate-ops/domain/estate';
import { describe, expect, it } from 'vitest';
import {
	WALKING_SPEED_MPS,
	bearingDeg,
	distanceMetres,
	offsetMetres,
	placeOf,
	planWalk,
	standStill,
	towards,
	walkAt,
} from './walk';

const GATE: Position = [121.545, 31.2068];
const east = (metres: number): Position => offsetMetres(GATE, metres, 0);
const north = (metres: number): Position => offsetMetres(GATE, 0, metres);
const T0 = Date.parse('2026-03-11T02:00:00Z');

describe('offsetMetres and bearingDeg', () => {
	it.each([
		['north', north(100), 0],
		['east', east(100), 90],
		['south', north(-100), 180],
		['west', east(-100), 270],
	])('puts a point 100 m %s of another, on that bearing', (_, point, bearing) => {
		expect(distanceMetres(GATE, point)).toBeCloseTo(100, 0);
		expect(bearingDeg(GATE, point)).toBeCloseTo(bearing, 0);
	});
});

describe('towards', () => {
	it('goes part of the way, or all of it when the way is shorter', () => {
		expect(distanceMetres(GATE, towards(GATE, north(100), 10))).toBeCloseTo(10, 1);
		expect(distanceMetres(towards(GATE, north(100), 10), north(100))).toBeCloseTo(90, 1);
		expect(towards(GATE, north(5), 10)).toEqual(north(5));
	});
});

describe('planWalk and walkAt', () => {
	// 120 m east, then 60 m north: 150 s at a walking pace.
	const walk = planWalk(GATE, [east(120), offsetMetres(east(120), 0, 60)], T0);

	it('walks at about 1.2 m/s, taking as long as the distance needs', () => {
		expect(WALKING_SPEED_MPS).toBe(1.2);
		expect((walk.endMs - walk.startMs) / 1000).toBeCloseTo(150, 0);
	});

	it('interpolates along each leg with its heading and speed', () => {
		const halfway = walkAt(walk, T0 + 50_000);
		expect(distanceMetres(GATE, halfway.point)).toBeCloseTo(60, 0);
		expect(halfway).toMatchObject({ headingDeg: 90, speedMps: 1.2, arrived: false });

		const second = walkAt(walk, T0 + 125_000);
		expect(distanceMetres(east(120), second.point)).toBeCloseTo(30, 0);
		expect(second.headingDeg).toBeCloseTo(0, 0);
	});

	it('stands at the start before it begins and at the end once it is over, with no heading', () => {
		expect(walkAt(walk, T0 - 1_000)).toEqual({ point: GATE, headingDeg: null, speedMps: 0, arrived: false });
		const over = walkAt(walk, T0 + 151_000);
		expect(over).toMatchObject({ headingDeg: null, speedMps: 0, arrived: true });
		expect(distanceMetres(over.point, offsetMetres(east(120), 0, 60))).toBeLessThan(0.1);
	});

	it('has arrived at once when standing still or going nowhere', () => {
		expect(walkAt(standStill(GATE, T0), T0 + 10)).toMatchObject({ point: GATE, arrived: true });
		expect(planWalk(GATE, [GATE], T0).legs).toEqual([]);
	});

	it('may begin later: someone who takes a break first waits where they are', () => {
		const later = planWalk(GATE, [east(12)], T0 + 60_000);
		expect(walkAt(later, T0 + 30_000)).toMatchObject({ point: GATE, arrived: false });
		expect(walkAt(later, T0 + 75_000).arrived).toBe(true);
	});

	it('refuses a walk without a pace', () => {
		expect(() => planWalk(GATE, [east(10)], T0, 0)).toThrow('positive speed');
	});
});

describe('placeOf', () => {
	it.each([
		['a point is itself', { type: 'Point' as const, coordinates: GATE }, GATE],
		[
			'a line is its middle',
			{ type: 'LineString' as const, coordinates: [GATE, east(100)] },
			offsetMetres(GATE, 50, 0),
		],
		[
			'an area is the middle of its corners, the closing corner counted once',
			{
				type: 'Polygon' as const,
				coordinates: [[GATE, east(40), offsetMetres(GATE, 40, 20), north(20), GATE]],
			},
			offsetMetres(GATE, 20, 10),
		],
	])('%s', (_, geometry, expected) => {
		expect(distanceMetres(placeOf(geometry), expected)).toBeLessThan(0.1);
	});
});
