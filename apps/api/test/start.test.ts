import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bundle = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * What `npm start` runs: the bundled server, serving the real console and kiosk builds on the one port it
 * prints. turbo builds the api (and so both apps) before this suite runs.
 */
describe('the bundled server', { timeout: 120_000 }, () => {
	it('migrates and seeds its embedded database, prints its port and the demo logins, serves /healthz, /readyz, the console and the kiosk there, and stops cleanly on SIGTERM', async () => {
		expect(existsSync(bundle), 'dist/main.js exists (run `npm run build`)').toBe(true);
		const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-start-'));
		// The embedded database in a fresh directory, whatever DATABASE_URL this suite runs with.
		const { DATABASE_URL: _serverUrl, ...inherited } = process.env;
		const child = spawn(process.execPath, [bundle], {
			env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

		const port = await new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no port printed; output:\n${output}`)), 90_000);
			child.stdout.on('data', () => {
				const match = /health\s+http:\/\/127\.0\.0\.1:(\d+)\/healthz/.exec(output);
				if (match) {
					clearTimeout(timer);
					resolve(Number(match[1]));
				}
			});
		});
		try {
			const base = `http://127.0.0.1:${port}`;
			expect(output).toContain('Demo logins (password Demo-2026!estate)');
			const login = await fetch(`${base}/api/v1/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: base },
				body: JSON.stringify({ username: 'service', password: 'Demo-2026!estate' }),
			});
			expect(login.status).toBe(200);

			// The demo's lobby kiosk: its pairing link is printed with the origin and kept, owner-only, in DATA_DIR.
			const pairing = /kiosk\s+http:\/\/127\.0\.0\.1:\d+\/kiosk\/#pair=([a-z2-7]+)/.exec(output);
			expect(pairing?.[1], output).toBeTruthy();
			expect(statSync(join(dataDir, 'demo-kiosk-pairing.txt')).mode & 0o777).toBe(0o600);
			const kioskEstate = await fetch(`${base}/api/v1/kiosk/estate`, {
				headers: { authorization: `Bearer ${pairing?.[1] ?? ''}` },
			});
			expect(kioskEstate.status).toBe(200);
			expect(await kioskEstate.json()).toMatchObject({ name: '御景华庭', emergencyPhone: '021-5878 6110' });

			const ready = await fetch(`${base}/readyz`);
			expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });

			const health = await fetch(`${base}/healthz`);
			expect(health.status).toBe(200);
			expect(await health.json()).toMatchObject({ status: 'ok' });

			const consolePage = await fetch(`${base}/`);
			expect(consolePage.status).toBe(200);
			const consoleHtml = await consolePage.text();
			expect(consoleHtml).toContain('/_app/immutable/');

			const kioskPage = await fetch(`${base}/kiosk/`);
			expect(kioskPage.status).toBe(200);
			const kioskHtml = await kioskPage.text();
			expect(kioskHtml).toContain('/kiosk/_app/immutable/');
			expect(kioskHtml).not.toBe(consoleHtml);
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(code).toBe(0);
	});
});
