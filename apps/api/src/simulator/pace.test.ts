import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from '../seed/random';
import { createPace, dayRhythm, scheduleBetween } from './pace';

const pace = (speed: number, seed = 7) => createPace(createDice(mulberry32(seed)), speed);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('createPace', () => {
	it('draws pauses around the mean at speed 1, never negative and never past ten means', () => {
		const one = pace(1);
		const draws = Array.from({ length: 8_000 }, () => one.around(60_000));
		expect(mean(draws)).toBeGreaterThan(55_000);
		expect(mean(draws)).toBeLessThan(65_000);
		expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...draws)).toBeLessThanOrEqual(600_000);
	});

	it.each([1, 2, 10])('divides every pause by the speed (%d)', (speed) => {
		expect(pace(speed).between(60_000, 60_000)).toBe(60_000 / speed);
		expect(pace(speed, 3).around(60_000)).toBeCloseTo(pace(1, 3).around(60_000) / speed, 6);
	});

	it('makes what happens so often an hour happen about that often, more at a higher speed', () => {
		const count = (speed: number) => {
			const draws = pace(speed);
			let happened = 0;
			// Ten hours in 5-second ticks.
			for (let tick = 0; tick < 7_200; tick++) if (draws.happens(0.5, 5_000)) happened += 1;
			return happened;
		};
		expect(count(1)).toBeGreaterThanOrEqual(2);
		expect(count(1)).toBeLessThanOrEqual(10);
		expect(count(10)).toBeGreaterThan(count(1) * 4);
	});

	it('is the same from the same seed', () => {
		const a = pace(1, 42);
		const b = pace(1, 42);
		expect([a.around(1_000), a.between(0, 10), a.happens(1, 60_000)]).toEqual([
			b.around(1_000),
			b.between(0, 10),
			b.happens(1, 60_000),
		]);
	});

	it('refuses a speed that is not positive', () => {
		expect(() => pace(0)).toThrow('positive speed');
	});
});

describe('scheduleBetween', () => {
	it.each([
		['the fixes due in a tick', 0, 10_000, 5_000, 0, [5_000, 10_000]],
		['none when the tick ends before the next one', 5_000, 9_999, 5_000, 0, []],
		['shifted by the phase', 0, 12_000, 5_000, 1_500, [1_500, 6_500, 11_500]],
		['across a long pause, every one', 1_000, 21_000, 5_000, 0, [5_000, 10_000, 15_000, 20_000]],
		['from a negative phase-aligned start', -3_000, 2_000, 5_000, 1_000, [1_000]],
	])('gives %s', (_, after, upTo, period, phase, expected) => {
		expect(scheduleBetween(after, upTo, period, phase)).toEqual(expected);
	});

	it('never gives an instant twice over consecutive ticks', () => {
		const instants = [0, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000]
			.slice(1)
			.flatMap((upTo, index) => scheduleBetween(index * 2_000, upTo, 5_000, 1_234));
		expect(instants).toEqual([1_234, 6_234, 11_234]);
	});
});

describe('dayRhythm', () => {
	it.each([
		['03:00', 0.1],
		['07:00', 0.5],
		['10:30', 1],
		['20:59', 1],
		['22:00', 0.5],
		['23:30', 0.2],
	])('is busy in the day and quiet at night (%s)', (time, expected) => {
		const [hours = 0, minutes = 0] = time.split(':').map(Number);
		expect(dayRhythm(hours * 60 + minutes)).toBe(expected);
	});
});
