/**
 * One KPI figure and the records behind it, so that every number on a dashboard opens to its evidence.
 * - rate: value = numerator / denominator, a fraction 0..1 (the UI shows it as a percentage);
 * - mean: value = numerator / denominator, the sum of the values over how many there are;
 * - sum ratio (patrol completion): value = Σ part / Σ whole over the records;
 * - quantile: value is the quantile itself; numerator counts the samples at or below it, denominator all
 *   samples ("p90 = 12 min: 9 of 10 incidents were answered within 12 minutes").
 * `value` is null when there is nothing to measure (denominator 0), never 0, so that "no data" and "all
 * failed" read differently.
 */
export type KpiFigure = {
	readonly value: number | null;
	readonly numerator: number;
	readonly denominator: number;
	/** Every record that counts in the denominator, in input order. */
	readonly recordIds: readonly string[];
	/** The records that add to the numerator (the hits of a rate; for a mean, all of them). */
	readonly numeratorRecordIds: readonly string[];
};

type Identified = { readonly id: string };

/**
 * Share of records for which `hit` is true. Records for which it is null are not measured (they are in
 * neither part of the fraction).
 */
export function rateFigure<R extends Identified>(
	records: readonly R[],
	hit: (record: R) => boolean | null,
): KpiFigure {
	const recordIds: string[] = [];
	const numeratorRecordIds: string[] = [];
	for (const record of records) {
		const outcome = hit(record);
		if (outcome === null) continue;
		recordIds.push(record.id);
		if (outcome) numeratorRecordIds.push(record.id);
	}
	return fraction(numeratorRecordIds.length, recordIds.length, recordIds, numeratorRecordIds);
}

/** Mean of `valueOf` over the records that have a value (null: not measured). */
export function meanFigure<R extends Identified>(
	records: readonly R[],
	valueOf: (record: R) => number | null,
): KpiFigure {
	const recordIds: string[] = [];
	let sum = 0;
	for (const record of records) {
		const value = valueOf(record);
		if (value === null) continue;
		recordIds.push(record.id);
		sum += value;
	}
	return fraction(sum, recordIds.length, recordIds, recordIds);
}

/**
 * The q-quantile (0..1) of `valueOf` over the records that have a value, by linear interpolation between
 * the closest ranks (the "type 7" rule of R and of spreadsheets' PERCENTILE.INC): with the n sorted values
 * x₀ … xₙ₋₁, h = (n − 1)·q and the quantile is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). q = 0.5 is the usual
 * median (the mean of the two middle values when n is even).
 */
export function quantileFigure<R extends Identified>(
	records: readonly R[],
	valueOf: (record: R) => number | null,
	q: number,
): KpiFigure {
	const samples: { id: string; value: number }[] = [];
	for (const record of records) {
		const value = valueOf(record);
		if (value !== null) samples.push({ id: record.id, value });
	}
	const recordIds = samples.map((s) => s.id);
	if (samples.length === 0) return fraction(0, 0, recordIds, []);
	const sorted = samples.map((s) => s.value).sort((a, b) => a - b);
	const h = (sorted.length - 1) * q;
	const lower = sorted[Math.floor(h)] ?? 0;
	const upper = sorted[Math.ceil(h)] ?? lower;
	const value = lower + (h - Math.floor(h)) * (upper - lower);
	const numeratorRecordIds = samples.filter((s) => s.value <= value).map((s) => s.id);
	return {
		value,
		numerator: numeratorRecordIds.length,
		denominator: samples.length,
		recordIds,
		numeratorRecordIds,
	};
}

export function fraction(
	numerator: number,
	denominator: number,
	recordIds: readonly string[],
	numeratorRecordIds: readonly string[],
): KpiFigure {
	return {
		value: denominator === 0 ? null : numerator / denominator,
		numerator,
		denominator,
		recordIds,
		numeratorRecordIds,
	};
}
