import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A benchmark's figure with its target, as README's performance section shows it. */
export interface Figure {
	readonly name: string;
	readonly value: number;
	readonly unit: string;
	readonly target?: { readonly max?: number; readonly min?: number };
}

const RESULTS = fileURLToPath(new URL('./results/', new URL('..', import.meta.url)));

export const meets = (figure: Figure): boolean | null =>
	figure.target === undefined
		? null
		: (figure.target.max === undefined || figure.target.max >= figure.value) &&
			(figure.target.min === undefined || figure.target.min <= figure.value);

/** Prints the figures as a table and writes them, with the machine they came from, to results/<bench>.json. */
export function report(
	bench: string,
	figures: readonly Figure[],
	details: Record<string, unknown> = {},
): void {
	console.table(
		figures.map((figure) => ({
			figure: figure.name,
			value: `${figure.value} ${figure.unit}`,
			target: figure.target
				? [
						figure.target.min === undefined ? '' : `≥ ${figure.target.min}`,
						figure.target.max === undefined ? '' : `≤ ${figure.target.max}`,
					]
						.filter(Boolean)
						.join(' ')
				: '',
			met: meets(figure) ?? '',
		})),
	);
	mkdirSync(RESULTS, { recursive: true });
	const file = `${RESULTS}${bench}.json`;
	writeFileSync(
		file,
		`${JSON.stringify({ bench, measuredAt: new Date().toISOString(), node: process.version, figures, details }, null, 2)}\n`,
	);
	console.log(`written to bench/results/${bench}.json`);
}
