import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, launchBrowser, newDesk, signIn, fileOrder } from './browser';

const baseUrl = inject('baseUrl');
/** The statuses the live map follows (the console's LIVE_STATUSES). */
const OPEN_STATUSES = 'submitted,accepted,assigned,on_site,resolved,feedback';

let browser: Browser;
let service: Awaited<ReturnType<typeof apiClient>>;
let room: { roomId: string; buildingId: string };

const fileRepair = (description: string) =>
	fileOrder(service, room, {
		description,
		category: 'electrical',
		contact: { name: '李强', phone: '13912345678' },
	});

/** Every open order's code as the api answers it, following the cursor. */
async function openCodesInDatabase(): Promise<string[]> {
	const codes: string[] = [];
	let cursor: string | null = null;
	do {
		const query: string = `status=${OPEN_STATUSES}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const res = await service.call(`/api/v1/work-orders?${query}`);
		const page = res.body as { items: { order: { code: string } }[]; nextCursor: string | null };
		codes.push(...page.items.map((item) => item.order.code));
		cursor = page.nextCursor;
	} while (cursor !== null);
	return codes.sort();
}

const listedCodes = async (page: Page): Promise<string[]> =>
	(
		await page
			.locator('[data-testid="order-list"] [data-code]')
			.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''))
	).sort();

const openCount = (page: Page) => page.locator('[data-testid="open-count"]').textContent();

async function liveMap(page: Page): Promise<void> {
	await signIn(page, 'control');
	await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
	await page.locator('[data-testid="order-list"] li').first().waitFor({ timeout: 30_000 });
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

describe('a console that lost its connection', () => {
	it('says it is catching up after the outage and ends equal to a console that stayed live and to the api', async () => {
		const deskA = await newDesk(browser, baseUrl, { width: 1440, height: 900 });
		const deskB = await newDesk(browser, baseUrl, { width: 1440, height: 900 });
		const a = await deskA.newPage();
		const b = await deskB.newPage();
		await Promise.all([liveMap(a), liveMap(b)]);

		// The browser's offline signal drops the socket as a lost network would.
		await deskA.setOffline(true);
		await a.locator('[data-testid="connection"][data-state="offline"]').waitFor({ timeout: 5_000 });

		const first = await fileRepair('走廊插座冒火花');
		const second = await fileRepair('客厅吊灯不亮');
		const accepted = await service.call(`/api/v1/work-orders/${first.id}/commands`, {
			method: 'POST',
			json: { type: 'accept', expectedVersion: 1 },
		});
		expect(accepted.status).toBe(200);
		await b.locator(`[data-testid="order-list"] [data-code="${second.code}"]`).waitFor({ timeout: 5_000 });
		expect(await a.locator(`[data-testid="order-list"] [data-code="${second.code}"]`).count()).toBe(0);

		// Catching up can take only a moment, so every state the indicator passes through is recorded.
		await a.evaluate(() => {
			const indicator = document.querySelector('[data-testid="connection"]');
			const seen: string[] = [];
			Object.assign(window, { __connectionStates: seen });
			if (!indicator) return;
			new MutationObserver(() => {
				seen.push(`${indicator.getAttribute('data-state')}|${indicator.textContent?.trim() ?? ''}`);
			}).observe(indicator, { attributes: true, childList: true, subtree: true, characterData: true });
		});
		await deskA.setOffline(false);
		await a.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 20_000 });
		const states = await a.evaluate(
			() => (window as unknown as { __connectionStates: string[] }).__connectionStates,
		);
		expect(states).toContainEqual(expect.stringMatching(/^catching_up\|正在补齐/));

		await a.locator(`[data-testid="order-list"] [data-code="${second.code}"]`).waitFor({ timeout: 5_000 });
		const inDatabase = await openCodesInDatabase();
		expect(inDatabase).toEqual(expect.arrayContaining([first.code, second.code]));
		expect(await listedCodes(a)).toEqual(inDatabase);
		expect(await listedCodes(b)).toEqual(inDatabase);
		expect(await openCount(a)).toBe(await openCount(b));
		expect(await openCount(a)).toContain(String(inDatabase.length));
		// The order accepted during the outage shows its new state, not the one from before.
		expect(
			await a.locator(`[data-testid="order-list"] [data-code="${first.code}"] .where`).textContent(),
		).toContain('已受理');
		await Promise.all([deskA.close(), deskB.close()]);
	});
});
