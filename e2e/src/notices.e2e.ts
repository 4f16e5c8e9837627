import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, launchBrowser, newDesk, SCREENSHOTS, signIn } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe('notices on the console', () => {
	it('publishes a pinned notice from the form, lists it, and the api holds it as the form said', async () => {
		const desk = await newDesk(browser, baseUrl, { width: 1440, height: 900 });
		const page = await desk.newPage();
		await signIn(page, 'manager', '/notices');
		await page.locator('[data-testid="notice-list"]').waitFor({ timeout: 30_000 });

		const title = `E2E 停水通知 ${Date.now()}`;
		await page.locator('[data-testid="notice-new"]').click();
		const form = page.locator('[data-testid="notice-form"]');
		await form.locator('[name="title"]').fill(title);
		await form
			.locator('[name="body"]')
			.fill('因二次供水设备检修，本周六 9:00–12:00 全小区停水，请提前储水。');
		await form.locator('[name="pinned"]').check();
		await page.screenshot({ path: new URL('notice-form.png', SCREENSHOTS).pathname });
		await page.locator('[data-testid="notice-save"]').click();

		await page.locator('[data-testid="notice-list"]', { hasText: title }).waitFor({ timeout: 10_000 });
		await page.screenshot({ path: new URL('notices.png', SCREENSHOTS).pathname });

		// The api holds it as the form said: published now, pinned, for the whole estate.
		const manager = await apiClient(baseUrl, 'manager');
		const listed = await manager.call('/api/v1/notices?state=active&limit=100');
		const items = (
			listed.body as { items: { title: string; pinned: boolean; audience: { scope: string } }[] }
		).items;
		expect(items.find((item) => item.title === title)).toMatchObject({
			pinned: true,
			audience: { scope: 'estate' },
		});
		await desk.close();
	}, 120_000);
});
