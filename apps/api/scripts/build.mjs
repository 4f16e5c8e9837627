// Bundles the api into dist/main.js. Workspace packages (@estate-ops/*) are TypeScript sources, so they are
// bundled in; every other package stays external and is loaded from node_modules at run time.
import { build } from 'esbuild';

const workspacePackage = /^@estate-ops\//;

await build({
	entryPoints: ['src/main.ts'],
	outfile: 'dist/main.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20.19',
	sourcemap: true,
	logLevel: 'warning',
	plugins: [
		{
			name: 'external-dependencies',
			setup(pluginBuild) {
				pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
					workspacePackage.test(args.path) ? undefined : { path: args.path, external: true },
				);
			},
		},
	],
});
console.log('api bundled to dist/main.js');
