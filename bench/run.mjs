// Runs the benchmarks named on the command line (all of them without arguments). Each is a TypeScript module
// under bench/ whose default export does the measuring; esbuild compiles it first, as Node 20 cannot run
// TypeScript by itself.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(here)
	.filter((name) => name.endsWith('.bench.ts'))
	.map((name) => name.slice(0, -'.bench.ts'.length))
	.sort();
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length > 0) {
	console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${all.join(', ')}`);
	process.exit(2);
}

// Inside bench/, so that the compiled module finds the workspace's packages.
const outdir = join(here, '.build');
mkdirSync(outdir, { recursive: true });
try {
	for (const name of chosen.length > 0 ? chosen : all) {
		const outfile = join(outdir, `${name}.mjs`);
		await build({
			entryPoints: [join(here, `${name}.bench.ts`)],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			logLevel: 'warning',
		});
		console.log(`\n▶ ${name}`);
		const bench = await import(pathToFileURL(outfile).href);
		await bench.default();
	}
} finally {
	rmSync(outdir, { recursive: true, force: true });
}
await import('./readme.mjs');
