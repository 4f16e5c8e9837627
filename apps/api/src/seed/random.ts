/** A source of numbers in [0, 1), like `Math.random`, but seedable so that the demo is the same every time. */
export type RandomSource = () => number;

/** The seed of the demo estate: with the same `now`, every start builds the same estate. */
export const DEMO_SEED = 0x59_4a_48_54; // "YJHT"

/**
 * mulberry32: a tiny 32-bit generator, plenty for demo data (not for secrets: its output is predictable
 * from the seed, so nothing secret is drawn from it).
 */
export function mulberry32(seed: number): RandomSource {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** The draws the seed makes, all from one source so that the order of draws fixes the result. */
export type Dice = {
	readonly next: RandomSource;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** A number in [min, max). */
	float(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<T>(entries: Weighted<T>): T;
	/** `count` different items, in random order. */
	sample<T>(items: readonly T[], count: number): T[];
	shuffle<T>(items: readonly T[]): T[];
	bytes(length: number): Uint8Array;
	/** A version-4 UUID (the database's id type), drawn from the source. */
	uuid(): string;
};

export function createDice(next: RandomSource): Dice {
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = int(0, i);
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy;
	};
	const bytes = (length: number): Uint8Array => {
		const out = new Uint8Array(length);
		for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
		return out;
	};
	return {
		next,
		int,
		float: (min, max) => min + next() * (max - min),
		chance: (probability) => next() < probability,
		pick: <T>(items: readonly T[]): T => {
			if (items.length === 0) throw new Error('cannot pick from nothing');
			return items[int(0, items.length - 1)] as T;
		},
		weighted: <T>(entries: Weighted<T>): T => {
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [item, weight] of entries) {
				roll -= weight;
				if (roll < 0) return item;
			}
			const last = entries.at(-1);
			if (last === undefined) throw new Error('cannot pick from nothing');
			return last[0];
		},
		sample: <T>(items: readonly T[], count: number): T[] => shuffle(items).slice(0, count),
		shuffle,
		bytes,
		uuid: () => {
			const b = bytes(16);
			b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
			b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
			const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
			return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
		},
	};
}
