/** One sample of a Prometheus text exposition, as tests read it back. */
export type ParsedSample = {
	readonly name: string;
	readonly labels: Readonly<Record<string, string>>;
	readonly value: number;
};

export type ParsedExposition = {
	readonly samples: readonly ParsedSample[];
	readonly types: ReadonlyMap<string, string>;
	readonly help: ReadonlyMap<string, string>;
};

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/g;

const unescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

function parseValue(text: string): number {
	if (text === '+Inf') return Infinity;
	if (text === '-Inf') return -Infinity;
	return Number(text);
}

/** Parses the text format strictly enough to fail a test on a malformed line. */
export function parsePrometheusText(text: string): ParsedExposition {
	const samples: ParsedSample[] = [];
	const types = new Map<string, string>();
	const help = new Map<string, string>();
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
		if (comment) {
			const [, kind, name = '', rest = ''] = comment;
			(kind === 'TYPE' ? types : help).set(name, rest);
			continue;
		}
		const match = SAMPLE.exec(line);
		if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
		const [, name = '', labelText = '', valueText = ''] = match;
		const labels: Record<string, string> = {};
		for (const label of labelText.matchAll(LABEL)) labels[label[1] ?? ''] = unescape(label[2] ?? '');
		const value = parseValue(valueText);
		if (Number.isNaN(value) && valueText !== 'NaN') throw new Error(`not a number in: ${line}`);
		samples.push({ name, labels, value });
	}
	return { samples, types, help };
}

/** The samples of `name` whose labels include `labels`. */
export function samplesOf(
	exposition: ParsedExposition,
	name: string,
	labels: Readonly<Record<string, string>> = {},
): ParsedSample[] {
	return exposition.samples.filter(
		(sample) =>
			sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
	);
}

export const valueOf = (
	exposition: ParsedExposition,
	name: string,
	labels: Readonly<Record<string, string>> = {},
): number | undefined => samplesOf(exposition, name, labels)[0]?.value;
