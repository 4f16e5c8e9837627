import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './metrics-registry';
import { parsePrometheusText, samplesOf, valueOf } from './prometheus-text.fixture';

describe('the metrics registry', () => {
	it('renders counters and gauges with HELP, TYPE and one line per label set', async () => {
		const registry = createMetricsRegistry();
		const hits = registry.counter({ name: 'hits_total', help: 'Hits.', labelNames: ['route'] });
		const level = registry.gauge({ name: 'water_level', help: 'Level.' });
		hits.inc({ route: '/a' });
		hits.inc({ route: '/a' }, 2);
		hits.inc({ route: '/b' });
		level.set(undefined, 1.5);

		const text = await registry.render();
		const parsed = parsePrometheusText(text);

		expect(parsed.types.get('hits_total')).toBe('counter');
		expect(parsed.types.get('water_level')).toBe('gauge');
		expect(parsed.help.get('hits_total')).toBe('Hits.');
		expect(valueOf(parsed, 'hits_total', { route: '/a' })).toBe(3);
		expect(valueOf(parsed, 'hits_total', { route: '/b' })).toBe(1);
		expect(valueOf(parsed, 'water_level')).toBe(1.5);
		expect(text.endsWith('\n')).toBe(true);
	});

	it('renders cumulative histogram buckets with +Inf, sum and count', async () => {
		const registry = createMetricsRegistry();
		const durations = registry.histogram({
			name: 'took_seconds',
			help: 'Took.',
			labelNames: ['route'],
			buckets: [0.1, 1],
		});
		for (const value of [0.05, 0.5, 0.7, 3]) durations.observe({ route: '/x' }, value);

		const parsed = parsePrometheusText(await registry.render());

		expect(parsed.types.get('took_seconds')).toBe('histogram');
		expect(samplesOf(parsed, 'took_seconds_bucket').map((s) => [s.labels['le'], s.value])).toEqual([
			['0.1', 1],
			['1', 3],
			['+Inf', 4],
		]);
		expect(valueOf(parsed, 'took_seconds_sum', { route: '/x' })).toBeCloseTo(4.25);
		expect(valueOf(parsed, 'took_seconds_count', { route: '/x' })).toBe(4);
	});

	it('escapes quotes, backslashes and newlines in label values', async () => {
		const registry = createMetricsRegistry();
		registry
			.counter({ name: 'odd_total', help: 'Odd\nhelp.', labelNames: ['value'] })
			.inc({ value: 'a "b" \\ c\nd' });

		const text = await registry.render();

		expect(text).toContain('# HELP odd_total Odd\\nhelp.');
		expect(valueOf(parsePrometheusText(text), 'odd_total', { value: 'a "b" \\ c\nd' })).toBe(1);
	});

	it('computes collected gauges at each scrape', async () => {
		const registry = createMetricsRegistry();
		let current = 1;
		registry.collectedGauge({
			name: 'current',
			help: 'Now.',
			collect: async () => [{ labels: { kind: 'x' }, value: current }],
		});

		const first = valueOf(parsePrometheusText(await registry.render()), 'current', { kind: 'x' });
		current = 7;
		const second = valueOf(parsePrometheusText(await registry.render()), 'current', { kind: 'x' });

		expect([first, second]).toEqual([1, 7]);
	});

	it('refuses a second metric of the same name, an undeclared label and a counter going down', () => {
		const registry = createMetricsRegistry();
		const counter = registry.counter({ name: 'once_total', help: 'Once.', labelNames: ['a'] });

		expect(() => registry.gauge({ name: 'once_total', help: 'Again.' })).toThrow(/already registered/);
		expect(() => counter.inc({ b: 'x' })).toThrow(/no label b/);
		expect(() => counter.inc({ a: 'x' }, -1)).toThrow(/cannot go down/);
		expect(() => registry.counter({ name: 'bad-name', help: 'Bad.' })).toThrow(/invalid metric name/);
	});
});
