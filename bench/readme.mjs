// Rewrites README.md's performance table from bench/results/*.json, so the figures there are always the
// ones the benchmarks last wrote.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const results = fileURLToPath(new URL('./results/', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));

const target = ({ target: bounds }) =>
	bounds === undefined
		? ''
		: [bounds.min === undefined ? '' : `≥ ${bounds.min}`, bounds.max === undefined ? '' : `≤ ${bounds.max}`]
				.filter(Boolean)
				.join(' ');
const met = (figure) =>
	figure.target === undefined
		? ''
		: (figure.target.max === undefined || figure.value <= figure.target.max) &&
			  (figure.target.min === undefined || figure.value >= figure.target.min)
			? 'met'
			: '**missed**';

const rows = readdirSync(results)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.flatMap((name) => {
		const run = JSON.parse(readFileSync(`${results}${name}`, 'utf8'));
		return run.figures.map(
			(figure) =>
				`| \`${run.bench}\` | ${figure.name} | ${figure.value} ${figure.unit} | ${target(figure)} | ${met(figure)} | ${run.measuredAt.slice(0, 10)} |`,
		);
	});
const table = [
	'| benchmark | figure | value | target | | measured |',
	'| --- | --- | --- | --- | --- | --- |',
	...rows,
].join('\n');

const text = readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- bench:start');
const end = text.indexOf('<!-- bench:end -->');
if (start < 0 || end < start) throw new Error('README.md has no bench:start/bench:end markers');
const startLineEnd = text.indexOf('\n', start) + 1;
writeFileSync(readme, `${text.slice(0, startLineEnd)}${table}\n${text.slice(end)}`);
console.log(`README.md performance table: ${rows.length} figures`);
