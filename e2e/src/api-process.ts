import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A running bundled api (apps/api/dist/main.js, built beforehand by turbo) and how to stop it. */
export interface ApiProcess {
	readonly baseUrl: string;
	readonly port: number;
	/** What it printed so far (its start banner carries the demo kiosk's pairing link). */
	output(): string;
	stop(): Promise<void>;
}

/** A free TCP port on loopback, for an api that must come back on the same origin after a restart. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
			);
		});
	});
}

/**
 * Starts the api on `port` (0: any) with `dataDir` and the demo estate, and resolves once it listens. It
 * builds nothing itself.
 */
export async function startApi(options: {
	dataDir: string;
	port?: number;
	/** More environment for the api (e.g. CLOCK_START). */
	env?: Record<string, string>;
}): Promise<ApiProcess> {
	const child: ChildProcess = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
		cwd: join(root, 'apps/api'),
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATA_DIR: options.dataDir,
			DEMO_SEED: 'true',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'test',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const port = await new Promise<number>((resolvePort, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the api did not start within 180 s:\n${output}`)),
			180_000,
		);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /console\s+http:\/\/[^:]+:(\d+)\//.exec(output);
			if (match?.[1]) {
				clearTimeout(timer);
				resolvePort(Number(match[1]));
			}
		};
		child.stdout?.on('data', read);
		child.stderr?.on('data', read);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the api exited with ${code}:\n${output}`));
		});
	});
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		port,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((done) => child.once('exit', done));
			child.kill('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, 15_000)))]);
			clearTimeout(timer);
			if (child.exitCode === null) child.kill('SIGKILL');
			child.stdout?.destroy();
			child.stderr?.destroy();
		},
	};
}
