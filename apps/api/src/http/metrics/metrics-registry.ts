/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with labels,
 * and gauges computed at scrape time. Just what `/metrics` needs, so no client library.
 */
export type Labels = Readonly<Record<string, string>>;

export type Sample = { readonly labels?: Labels; readonly value: number };

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export const DEFAULT_DURATION_BUCKETS: readonly number[] = [
	0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

type MetricType = 'counter' | 'gauge' | 'histogram';

type Metric = {
	readonly name: string;
	readonly help: string;
	readonly type: MetricType;
	lines(): Promise<string[]>;
};

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabelValue = (text: string) =>
	text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function formatValue(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return '+Inf';
	if (value === -Infinity) return '-Inf';
	return String(value);
}

function formatLabels(labels: Labels | undefined): string {
	const entries = Object.entries(labels ?? {});
	if (entries.length === 0) return '';
	return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** Label values in a fixed order, as one map key. */
const keyOf = (labels: Labels, labelNames: readonly string[]) =>
	JSON.stringify(labelNames.map((name) => labels[name] ?? ''));

function checkLabels(metric: string, labels: Labels, labelNames: readonly string[]): void {
	for (const name of Object.keys(labels)) {
		if (!labelNames.includes(name)) throw new Error(`metric ${metric} has no label ${name}`);
	}
}

export type Counter = { inc(labels?: Labels, by?: number): void };
export type Gauge = { set(labels: Labels | undefined, value: number): void };
export type Histogram = { observe(labels: Labels | undefined, value: number): void };

export type MetricsRegistry = {
	counter(options: { name: string; help: string; labelNames?: readonly string[] }): Counter;
	gauge(options: { name: string; help: string; labelNames?: readonly string[] }): Gauge;
	/** A gauge whose samples are computed when scraped (memory, open orders, connected sockets …). */
	collectedGauge(options: { name: string; help: string; collect: () => Sample[] | Promise<Sample[]> }): void;
	histogram(options: {
		name: string;
		help: string;
		labelNames?: readonly string[];
		buckets?: readonly number[];
	}): Histogram;
	/** Whether a metric of this name is registered. */
	has(name: string): boolean;
	/** The whole registry in the Prometheus text format. */
	render(): Promise<string>;
};

export function createMetricsRegistry(): MetricsRegistry {
	const metrics = new Map<string, Metric>();

	function register(metric: Metric): void {
		if (!METRIC_NAME.test(metric.name)) throw new Error(`invalid metric name ${metric.name}`);
		if (metrics.has(metric.name)) throw new Error(`metric ${metric.name} is already registered`);
		metrics.set(metric.name, metric);
	}

	function labelledValues(
		name: string,
		help: string,
		type: 'counter' | 'gauge',
		labelNames: readonly string[],
	) {
		for (const label of labelNames)
			if (!LABEL_NAME.test(label)) throw new Error(`invalid label name ${label}`);
		const values = new Map<string, { labels: Labels; value: number }>();
		register({
			name,
			help,
			type,
			lines: async () =>
				[...values.values()].map(
					({ labels, value }) => `${name}${formatLabels(labels)} ${formatValue(value)}`,
				),
		});
		return (labels: Labels, update: (previous: number) => number) => {
			checkLabels(name, labels, labelNames);
			const key = keyOf(labels, labelNames);
			const entry = values.get(key);
			if (entry) entry.value = update(entry.value);
			else values.set(key, { labels: { ...labels }, value: update(0) });
		};
	}

	return {
		counter({ name, help, labelNames = [] }) {
			const update = labelledValues(name, help, 'counter', labelNames);
			return {
				inc(labels = {}, by = 1) {
					if (by < 0) throw new Error(`counter ${name} cannot go down`);
					update(labels, (previous) => previous + by);
				},
			};
		},
		gauge({ name, help, labelNames = [] }) {
			const update = labelledValues(name, help, 'gauge', labelNames);
			return { set: (labels, value) => update(labels ?? {}, () => value) };
		},
		collectedGauge({ name, help, collect }) {
			register({
				name,
				help,
				type: 'gauge',
				lines: async () =>
					(await collect()).map(
						(sample) => `${name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`,
					),
			});
		},
		histogram({ name, help, labelNames = [], buckets = DEFAULT_DURATION_BUCKETS }) {
			const bounds = [...buckets].sort((a, b) => a - b);
			const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
			register({
				name,
				help,
				type: 'histogram',
				lines: async () =>
					[...series.values()].flatMap(({ labels, counts, sum, count }) => [
						...bounds.map(
							(bound, i) =>
								`${name}_bucket${formatLabels({ ...labels, le: formatValue(bound) })} ${counts[i] ?? 0}`,
						),
						`${name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`,
						`${name}_sum${formatLabels(labels)} ${formatValue(sum)}`,
						`${name}_count${formatLabels(labels)} ${count}`,
					]),
			});
			return {
				observe(labels = {}, value) {
					checkLabels(name, labels, labelNames);
					const key = keyOf(labels, labelNames);
					let entry = series.get(key);
					if (!entry) {
						entry = { labels: { ...labels }, counts: bounds.map(() => 0), sum: 0, count: 0 };
						series.set(key, entry);
					}
					// Buckets are cumulative: an observation counts in every bucket whose bound it does not exceed.
					bounds.forEach((bound, i) => {
						if (value <= bound && entry) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
					});
					entry.sum += value;
					entry.count += 1;
				},
			};
		},
		has: (name) => metrics.has(name),
		async render() {
			const blocks = await Promise.all(
				[...metrics.values()].map(async (metric) =>
					[
						`# HELP ${metric.name} ${escapeHelp(metric.help)}`,
						`# TYPE ${metric.name} ${metric.type}`,
						...(await metric.lines()),
					].join('\n'),
				),
			);
			return `${blocks.join('\n')}\n`;
		},
	};
}
