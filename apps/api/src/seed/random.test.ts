import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from './random';

describe('the seeded random source', () => {
	it('repeats its sequence for the same seed and differs for another', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const c = mulberry32(43);
		const first = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(first);
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('draws integers within both bounds and version-4 UUIDs', () => {
		const dice = createDice(mulberry32(1));
		const rolls = Array.from({ length: 2_000 }, () => dice.int(1, 6));
		expect(new Set(rolls)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
		const ids = Array.from({ length: 200 }, () => dice.uuid());
		for (const id of ids)
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(new Set(ids).size).toBe(200);
	});

	it('picks by weight and samples without repeats', () => {
		const dice = createDice(mulberry32(2));
		const picks = Array.from({ length: 1_000 }, () =>
			dice.weighted([
				['often', 9],
				['rarely', 1],
			] as const),
		);
		const often = picks.filter((p) => p === 'often').length;
		expect(often).toBeGreaterThan(850);
		expect(often).toBeLessThan(950);
		const sample = dice.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
		expect(new Set(sample).size).toBe(5);
	});
});
