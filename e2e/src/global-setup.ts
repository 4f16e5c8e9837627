import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApi } from './api-process';

/**
 * Starts the real bundled api on a free port with a fresh data directory and the demo estate, and stops it
 * after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-e2e-'));
	const api = await startApi({ dataDir });
	project.provide('baseUrl', api.baseUrl);
	return async () => {
		await api.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
