import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApi } from '../e2e/src/api-process';
import { apiClient, launchBrowser } from '../e2e/src/browser';
import { report } from './lib/results';

const TARGET_KB = 120;

/**
 * What the lobby kiosk's first screen costs to load: the JavaScript and CSS the page fetches before anyone
 * touches it (the service worker's own precache runs later and apart), each gzipped as a server would send it.
 */
export default async function kioskFirstScreen(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-bench-kiosk-'));
	const api = await startApi({ dataDir });
	const browser = await launchBrowser();
	try {
		const admin = await apiClient(api.baseUrl, 'admin');
		const issued = await admin.call('/api/v1/devices', {
			method: 'POST',
			json: { kind: 'kiosk', name: 'bench lobby' },
		});
		const token = String(issued.body?.['token']);
		const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
		const page = await context.newPage();
		const loaded: { url: string; kind: 'js' | 'css'; bytes: number; gzipBytes: number }[] = [];
		const pending: Promise<void>[] = [];
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (type !== 'script' && type !== 'stylesheet') return;
			pending.push(
				response.body().then((body) => {
					loaded.push({
						url: new URL(response.url()).pathname,
						kind: type === 'script' ? 'js' : 'css',
						bytes: body.length,
						gzipBytes: gzipSync(body, { level: 9 }).length,
					});
				}),
			);
		});
		await page.goto(`${api.baseUrl}/kiosk/#pair=${token}`);
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 60_000 });
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		const sum = (kind?: 'js' | 'css') =>
			loaded
				.filter((file) => kind === undefined || file.kind === kind)
				.reduce((total, file) => total + file.gzipBytes, 0);
		const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
		report(
			'kiosk-first-screen',
			[
				{
					name: 'kiosk first screen JS + CSS (gzip)',
					value: kb(sum()),
					unit: 'KB',
					target: { max: TARGET_KB },
				},
				{ name: 'of which JavaScript (gzip)', value: kb(sum('js')), unit: 'KB' },
				{ name: 'of which CSS (gzip)', value: kb(sum('css')), unit: 'KB' },
				{ name: 'files loaded', value: loaded.length, unit: 'files' },
			],
			{ files: loaded.sort((a, b) => b.gzipBytes - a.gzipBytes) },
		);
		await context.close();
	} finally {
		await browser.close();
		await api.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
