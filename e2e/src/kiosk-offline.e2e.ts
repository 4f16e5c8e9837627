import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApi, type ApiProcess } from './api-process';
import { apiClient, launchBrowser, newDesk, SCREENSHOTS, signIn } from './browser';
import { fillFiling, issueKioskToken, newKiosk, someHousehold, submitFiling, tap } from './kiosk';

// This suite stops and restarts an api of its own, on one port so that the kiosk's origin stays the same.
const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-e2e-offline-'));
let port: number;
let api: ApiProcess;
let browser: Browser;

const shot = (page: Page, name: string) =>
	page.screenshot({ path: fileURLToPath(new URL(`kiosk-offline-${name}.png`, SCREENSHOTS)) });

beforeAll(async () => {
	port = await freePort();
	api = await startApi({ dataDir, port });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await api?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the kiosk without the api', () => {
	it('keeps requests filed during an outage and sends each exactly once when the api is back', async () => {
		const service = await apiClient(api.baseUrl, 'service');
		const token = await issueKioskToken(await apiClient(api.baseUrl, 'admin'), 'e2e offline kiosk');
		const household = await someHousehold(service);
		const wrongDigits = household.phoneLast4 === '0000' ? '1111' : '0000';

		const context = await newKiosk(browser, api.baseUrl);
		const page = await context.newPage();
		await page.goto(`/kiosk/#pair=${token}`);
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 30_000 });
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// A second load is served through the worker, which caches what the app needs to start offline.
		await page.reload();
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 30_000 });
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		// Open the pickers once online so that the building and its rooms are known to the kiosk.
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'plumbing', household, stopAt: 'details' });
		await tap(page, '[data-testid="home"]');

		await api.stop();
		await page.reload();
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 30_000 });
		await page.locator('[data-testid="connection"][data-state="offline"]').waitFor({ timeout: 30_000 });
		await shot(page, '01-home-offline');

		const markers = ['离线报修一：洗手盆下水堵', '离线报修二：阳台灯不亮'];
		for (const [index, description] of markers.entries()) {
			await tap(page, 'a[data-service="repair"]');
			await fillFiling(page, { category: index === 0 ? 'plumbing' : 'electrical', household, description });
			const receipt = await submitFiling(page);
			expect(receipt.delivery).toBe('queued');
			expect(receipt.statusUrl).toMatch(/\/status\/[a-z2-7]{26}$/);
			await shot(page, `02-receipt-queued-${index + 1}`);
			await tap(page, '[data-testid="home"]');
		}
		// One more that the api will refuse once it is back: the kiosk cannot check the digits offline.
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, {
			category: 'plumbing',
			household,
			description: '离线报修三：尾号不对',
			phoneLast4: wrongDigits,
		});
		expect((await submitFiling(page)).delivery).toBe('queued');
		await tap(page, '[data-testid="home"]');
		await page.locator('[data-testid="queued"]', { hasText: '3' }).waitFor({ timeout: 10_000 });

		api = await startApi({ dataDir, port });
		await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 60_000 });
		await page.waitForFunction(
			() => Number(document.querySelector('[data-testid="queued"]')?.textContent?.trim() ?? '0') === 0,
			undefined,
			{ timeout: 60_000 },
		);
		await shot(page, '03-home-sent');
		await context.close();

		const desk = await apiClient(api.baseUrl, 'service');
		for (const description of markers) {
			const found = await desk.call(`/api/v1/work-orders?q=${encodeURIComponent(description)}&limit=10`);
			const orders = (found.body?.['items'] ?? []) as { order: { description: string; channel: string } }[];
			expect(orders.map(({ order }) => order.channel)).toEqual(['kiosk']);
			expect(orders[0]?.order.description).toContain(description);
		}
		const refusedAsOrder = await desk.call(
			`/api/v1/work-orders?q=${encodeURIComponent('离线报修三')}&limit=10`,
		);
		expect(refusedAsOrder.body?.['items']).toEqual([]);

		// The refused one is in front of the staff, not lost.
		const undelivered = await desk.call('/api/v1/kiosk-undelivered');
		expect(JSON.stringify(undelivered.body)).toContain('离线报修三');
		const console_ = await newDesk(browser, api.baseUrl);
		const staffPage = await console_.newPage();
		await signIn(staffPage, 'service', '/kiosk-undelivered');
		await staffPage.getByText('离线报修三').first().waitFor({ timeout: 10_000 });
		await staffPage.screenshot({
			path: fileURLToPath(new URL('console-kiosk-undelivered.png', SCREENSHOTS)),
		});
		await console_.close();
	});
});
