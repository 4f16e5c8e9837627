import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, launchBrowser, newDesk, SCREENSHOTS, signIn, fileOrder } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let service: Awaited<ReturnType<typeof apiClient>>;
let room: { roomId: string; buildingId: string };

const shot = (page: Page, name: string) =>
	page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, SCREENSHOTS)) });

const fileRepair = (description: string) => fileOrder(service, room, { description });

async function statusOf(id: string): Promise<{ status: string; version: number }> {
	const res = await service.call(`/api/v1/work-orders/${id}`);
	return (res.body as { order: { status: string; version: number } }).order;
}

beforeAll(async () => {
	browser = await launchBrowser();
	service = await apiClient(baseUrl, 'service');
	const directory = await service.call('/api/v1/estate/buildings');
	const buildings = (directory.body as { buildings: { id: string; units: { rooms: { id: string }[] }[] }[] })
		.buildings;
	const building = buildings.find((candidate) => candidate.units[0]?.rooms[0]) ?? buildings[0];
	room = { roomId: building?.units[0]?.rooms[0]?.id ?? '', buildingId: building?.id ?? '' };
});
afterAll(async () => {
	await browser?.close();
});

describe('the control room', () => {
	it('signs in as control and draws the estate map with its open orders (WebGL in headless Chromium)', async () => {
		const desk = await newDesk(browser, baseUrl);
		const page = await desk.newPage();
		await signIn(page, 'control');
		expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null)).toBe(
			true,
		);
		await page.locator('[data-testid="estate-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
		expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
		await page.locator('[data-testid="order-list"] li').first().waitFor({ timeout: 30_000 });
		expect(
			Number(await page.locator('[data-testid="estate-map"]').getAttribute('data-order-count')),
		).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="connection"]').getAttribute('data-state')).toBe('live');
		await page.waitForTimeout(2_500); // let the label fonts arrive before the picture is taken
		await shot(page, 'map-1920x1080');
		for (const [width, height] of [
			[1440, 900],
			[1024, 768],
		] as const) {
			await page.setViewportSize({ width, height });
			await page.waitForTimeout(800);
			await shot(page, `map-${width}x${height}`);
		}
		await desk.close();
	});

	it('shows an order another client files through the api in the list within a second', async () => {
		const desk = await newDesk(browser, baseUrl);
		const page = await desk.newPage();
		await signIn(page, 'control');
		await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
		const order = await fileRepair('卫生间水管爆裂，地面大量积水');
		await page.locator(`[data-testid="order-list"] [data-code="${order.code}"]`).waitFor({ timeout: 1_000 });
		await page.locator(`[data-testid="order-list"] [data-code="${order.code}"]`).click();
		await page.locator('[data-testid="order-card"]').waitFor();
		expect(await page.locator('[data-testid="alert-feed"]').textContent()).toContain(order.code);
		await shot(page, 'map-with-card');
		await desk.close();
	});

	it('takes an order through assign → resolve → feedback → close in the UI while a second console follows live', async () => {
		const order = await fileRepair('厨房水龙头漏水');
		const tech = await apiClient(baseUrl, 'tech');
		const deskA = await newDesk(browser, baseUrl);
		const a = await deskA.newPage();
		await signIn(a, 'service', `/work-orders/${order.id}`);
		const deskB = await newDesk(browser, baseUrl);
		const b = await deskB.newPage();
		await signIn(b, 'control', `/work-orders/${order.id}`);
		await b.locator('[data-testid="order-status"]').waitFor();
		const deskT = await newDesk(browser, baseUrl, { width: 1440, height: 900 });
		const t = await deskT.newPage();

		const act = async (page: Page, action: string, fill?: (page: Page) => Promise<void>) => {
			await page.locator(`button[data-action="${action}"]`).click();
			await fill?.(page);
			await page.locator('[data-testid="action-confirm"]').click();
			await page.locator('[data-testid="action-dialog"][data-state="closed"]').waitFor({ state: 'attached' });
		};
		const followed = (status: string) =>
			b.locator(`[data-testid="order-status"][data-status="${status}"]`).waitFor({ timeout: 5_000 });

		await act(a, 'accept');
		await followed('accepted');
		await act(a, 'assign', async (page) => {
			await page.locator(`input[name="assignee"][value="${tech.me.id}"]`).check();
		});
		await followed('assigned');

		await signIn(t, 'tech', `/work-orders/${order.id}`);
		await act(t, 'contact');
		await act(t, 'arrive');
		await followed('on_site');
		await act(t, 'resolve', async (page) => {
			await page.locator('textarea[name="result"]').fill('更换水龙头阀芯，已试水无渗漏');
		});
		await followed('resolved');

		await a.locator('[data-testid="order-status"][data-status="resolved"]').waitFor();
		await act(a, 'feedback');
		await followed('feedback');
		await shot(a, 'detail-page');
		await act(a, 'close');
		await followed('closed');
		expect((await statusOf(order.id)).status).toBe('closed');
		expect(await b.locator('[data-testid="timeline"] li').count()).toBeGreaterThanOrEqual(8);
		await Promise.all([deskA.close(), deskB.close(), deskT.close()]);
	});

	it('shows a clear reload prompt when a stale edit is refused with 409', async () => {
		const order = await fileRepair('楼道灯不亮');
		await service.call(`/api/v1/work-orders/${order.id}/commands`, {
			method: 'POST',
			json: { type: 'accept', expectedVersion: 1 },
		});
		const desk = await newDesk(browser, baseUrl);
		const page = await desk.newPage();
		await signIn(page, 'service', `/work-orders/${order.id}`);
		await page.locator('[data-testid="order-status"][data-status="accepted"]').waitFor();
		await page.locator('button[data-action="pause"]').click();
		await page.locator('textarea[name="reason"]').fill('等待住户回家');
		// Someone else moves the order on while the form is open.
		const { version } = await statusOf(order.id);
		const tech = await apiClient(baseUrl, 'tech');
		const assigned = await service.call(`/api/v1/work-orders/${order.id}/commands`, {
			method: 'POST',
			json: { type: 'assign', assigneeId: tech.me.id, expectedVersion: version },
		});
		expect(assigned.status).toBe(200);
		await page.locator('[data-testid="action-confirm"]').click();
		await page.locator('[data-testid="conflict"]').waitFor({ timeout: 5_000 });
		expect(await page.locator('[data-testid="conflict"]').textContent()).toMatch(/他人修改/);
		await page.locator('[data-testid="conflict"] button').click();
		await page.locator('[data-testid="order-status"][data-status="assigned"]').waitFor();
		expect(await page.locator('[data-testid="conflict"]').count()).toBe(0);
		await desk.close();
	});

	it('lists and boards the work orders on the desk', async () => {
		const desk = await newDesk(browser, baseUrl);
		const page = await desk.newPage();
		await signIn(page, 'service', '/work-orders');
		await page.locator('[data-testid="work-order-table"] tbody tr').first().waitFor({ timeout: 30_000 });
		expect(await page.locator('[data-testid="work-order-table"] tbody tr').count()).toBeGreaterThan(5);
		await shot(page, 'work-orders-list');
		await page.getByRole('button', { name: '看板' }).click();
		await page.locator('[data-testid="work-order-board"]').waitFor();
		await shot(page, 'work-orders-board');
		expect(await page.locator('[data-testid="work-order-board"] section').count()).toBeGreaterThan(3);
		await desk.close();
	});
});
