import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory shaped like a SvelteKit adapter-static build, with a marker so tests can tell apps apart. */
export function makeBuiltSpa(marker: string): string {
	const root = mkdtempSync(join(tmpdir(), `estate-ops-${marker}-`));
	mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(root, 'index.html'), `<!doctype html><html><body data-app="${marker}"></body></html>`);
	writeFileSync(
		join(root, '_app', 'immutable', 'entry.abc123.js'),
		`console.log(${JSON.stringify(marker)});`,
	);
	writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	return root;
}
