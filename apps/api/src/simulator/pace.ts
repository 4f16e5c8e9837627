import type { Dice } from '../seed/random';

/**
 * How often things happen in the simulated estate. Every pause is drawn from the simulator's seeded dice and
 * divided by the speed (`SIMULATE_SPEED`), so that a speed of 2 files twice as many requests and finishes
 * work twice as fast; walking stays at a walking pace whatever the speed.
 */
export type Pace = {
	/** `SIMULATE_SPEED`: 1 is real time, 2 twice as lively. */
	readonly speed: number;
	/** A pause of `meanMs` on average, drawn as the gaps between independent arrivals are (exponential). */
	around(meanMs: number): number;
	/** A pause anywhere between `minMs` and `maxMs`. */
	between(minMs: number, maxMs: number): number;
	/** Whether something that happens with `perHour` chance each hour happens within `elapsedMs`. */
	happens(perHour: number, elapsedMs: number): boolean;
};

const HOUR_MS = 3_600_000;

export function createPace(dice: Dice, speed: number): Pace {
	if (!(speed > 0)) throw new Error('the pace needs a positive speed');
	return {
		speed,
		// 1 - u is in (0, 1], so the logarithm is finite; a draw is capped at ten means so no one waits all day.
		around: (meanMs) => Math.min(10, -Math.log(1 - dice.next())) * (meanMs / speed),
		between: (minMs, maxMs) => dice.float(minMs, maxMs) / speed,
		happens: (perHour, elapsedMs) => dice.chance(1 - Math.exp((-perHour * speed * elapsedMs) / HOUR_MS)),
	};
}

/**
 * The instants of a regular schedule (every `periodMs`, shifted by `phaseMs`) in `(afterMs, upToMs]`: a phone
 * takes a fix every few seconds whatever the simulator's tick happens to be.
 */
export function scheduleBetween(
	afterMs: number,
	upToMs: number,
	periodMs: number,
	phaseMs: number,
): number[] {
	if (!(periodMs > 0)) throw new Error('a schedule needs a positive period');
	const instants: number[] = [];
	let next = Math.floor((afterMs - phaseMs) / periodMs) * periodMs + phaseMs;
	if (next <= afterMs) next += periodMs;
	for (; next <= upToMs; next += periodMs) instants.push(next);
	return instants;
}

/**
 * How busy the estate is at a local minute of the day, 0–1: residents file requests in the day and the
 * evening, hardly at night.
 */
export function dayRhythm(minuteOfDay: number): number {
	const hour = minuteOfDay / 60;
	if (hour < 6) return 0.1;
	if (hour < 8) return 0.5;
	if (hour < 21) return 1;
	if (hour < 23) return 0.5;
	return 0.2;
}
