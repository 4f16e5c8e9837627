import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, launchBrowser, newDesk, SCREENSHOTS, signIn } from './browser';
import {
	fillFiling,
	issueKioskToken,
	keypad,
	newKiosk,
	next,
	someHousehold,
	submitFiling,
	tap,
	type Household,
	vacantRoom,
} from './kiosk';

const baseUrl = inject('baseUrl');
let browser: Browser;
let service: Awaited<ReturnType<typeof apiClient>>;
let tech: Awaited<ReturnType<typeof apiClient>>;
let token: string;
let household: Household;
let publicPlace: { id: string; name: string };

const shot = (page: Page, name: string) =>
	page.screenshot({ path: fileURLToPath(new URL(`kiosk-${name}.png`, SCREENSHOTS)) });

interface ApiOrder {
	id: string;
	code: string;
	kind: string;
	category: string;
	channel: string;
	status: string;
	description: string;
	version: number;
	location: { kind: string; roomId?: string; description?: string };
	attachments: { id: string }[];
	areaM2?: number | null;
	reopenCount: number;
}

async function orderByCode(code: string): Promise<ApiOrder> {
	const page = await service.call(`/api/v1/work-orders?q=${encodeURIComponent(code)}&limit=5`);
	const items = (page.body?.['items'] ?? []) as { order: ApiOrder }[];
	const found = items.find((item) => item.order.code === code);
	if (!found) throw new Error(`no order ${code} in the api`);
	return found.order;
}

async function orderCount(): Promise<number> {
	let count = 0;
	let cursor: string | null = null;
	do {
		const page = await service.call(`/api/v1/work-orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
		count += ((page.body?.['items'] ?? []) as unknown[]).length;
		cursor = (page.body?.['nextCursor'] as string | null) ?? null;
	} while (cursor);
	return count;
}

/** Opens a paired kiosk on its home screen. */
async function openKiosk(locale?: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await newKiosk(browser, baseUrl, locale);
	const page = await context.newPage();
	await page.goto(`/kiosk/#pair=${token}`);
	await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 30_000 });
	return { context, page };
}

/** Moves an order on as the desk and the technician would, through the staff api, up to resolved. */
async function resolveThroughApi(id: string): Promise<void> {
	const steps: [typeof service, Record<string, unknown>][] = [
		[service, { type: 'accept' }],
		[service, { type: 'assign', assigneeId: tech.me.id }],
		[tech, { type: 'recordContact', method: 'phone', outcome: 'reached', note: null }],
		[tech, { type: 'arrive' }],
		[
			tech,
			{
				type: 'resolve',
				startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
				endedAt: new Date().toISOString(),
				materials: [],
				result: '更换阀芯，试水正常',
				residentSignedOff: true,
			},
		],
	];
	for (const [client, command] of steps) {
		const res = await client.call(`/api/v1/work-orders/${id}/commands`, { method: 'POST', json: command });
		if (res.status >= 300)
			throw new Error(`${String(command['type'])}: ${res.status} ${JSON.stringify(res.body)}`);
	}
}

async function followByCode(page: Page, code: string, phoneLast4: string): Promise<void> {
	await tap(page, 'a[data-service="follow-up"]');
	for (const char of code) await tap(page, `button[data-code-key="${char}"]`);
	await keypad(page, phoneLast4);
	await tap(page, '[data-testid="lookup"]');
	await page.locator('[data-testid="progress"]').waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
	browser = await launchBrowser();
	service = await apiClient(baseUrl, 'service');
	tech = await apiClient(baseUrl, 'tech');
	token = await issueKioskToken(await apiClient(baseUrl, 'admin'), 'e2e lobby kiosk');
	household = await someHousehold(service);
	const estate = await fetch(`${baseUrl}/api/v1/kiosk/estate`, {
		headers: { authorization: `Bearer ${token}` },
	});
	const places = ((await estate.json()) as { publicPlaces: { id: string; name: string }[] }).publicPlaces;
	if (!places[0]) throw new Error('the demo estate has no public places');
	publicPlace = places[0];
});
afterAll(async () => {
	await browser?.close();
});

describe('the lobby kiosk', () => {
	it('files a repair with a phrase, a photo and free text, and the api holds it as the receipt says', async () => {
		const { context, page } = await openKiosk();
		await shot(page, '01-home');
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, {
			category: 'plumbing',
			household,
			description: '水管接口一直滴水',
			photo: { name: 'leak.png', mimeType: 'image/png', buffer: PNG },
			onStep: (step) => shot(page, `02-repair-${step}`),
		});
		await shot(page, '02-repair-review');
		const receipt = await submitFiling(page);
		await shot(page, '02-repair-receipt');
		expect(receipt.delivery).toBe('sent');
		expect(receipt.code).toMatch(/^R[2-9A-HJ-NP-Z]{6}$/);
		expect(await page.locator('[data-testid="receipt-qr"] svg').count()).toBe(1);
		expect(receipt.statusUrl).toMatch(/\/status\/[a-z2-7]{26,}$/);

		const order = await orderByCode(receipt.code ?? '');
		expect(order).toMatchObject({
			kind: 'repair',
			category: 'plumbing',
			channel: 'kiosk',
			status: 'submitted',
		});
		expect(order.location).toMatchObject({ kind: 'room', roomId: household.roomId });
		expect(order.description).toContain('水管接口一直滴水');
		expect(order.attachments).toHaveLength(1);
		await context.close();
	});

	it('files a complaint, a suggestion and a deep-cleaning booking, each as its own kind', async () => {
		const { context, page } = await openKiosk();
		const cases = [
			{ service: 'complaint', category: 'sanitation', description: '垃圾桶满了没人清理', publicPlace: true },
			{ service: 'suggestion', category: 'environment', description: '建议在中庭增加座椅' },
			{ service: 'booking', category: 'cleaning_deep', description: '春节前深度保洁', areaM2: '120' },
		] as const;
		for (const filing of cases) {
			await tap(page, `a[data-service="${filing.service}"]`);
			await fillFiling(page, {
				category: filing.category,
				household,
				description: filing.description,
				...('areaM2' in filing ? { areaM2: filing.areaM2 } : {}),
				...('publicPlace' in filing ? { publicPlaceId: publicPlace.id } : {}),
				onStep: (step) =>
					step === 'category' || step === 'booking'
						? shot(page, `03-${filing.service}-${step}`)
						: Promise.resolve(),
			});
			const receipt = await submitFiling(page);
			expect(receipt.delivery).toBe('sent');
			const order = await orderByCode(receipt.code ?? '');
			expect(order.kind).toBe(filing.service);
			expect(order.category).toBe(filing.category);
			expect(order.description).toContain(filing.description);
			if ('areaM2' in filing) expect(order.areaM2).toBe(Number(filing.areaM2));
			if ('publicPlace' in filing)
				expect(order.location).toMatchObject({ kind: 'point', description: publicPlace.name });
			await tap(page, '[data-testid="home"]');
			await page.locator('[data-testid="kiosk-home"]').waitFor();
		}
		await context.close();
	});

	it('shows the emergency line and what to do at once for a burst pipe', async () => {
		const { context, page } = await openKiosk();
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'plumbing', household, stopAt: 'details' });
		expect(await page.locator('[data-testid="emergency"]').count()).toBe(0);
		await page.locator('textarea[name="description"]').fill('卫生间水管爆裂，到处是水');
		await page.locator('[data-testid="emergency"]').waitFor({ timeout: 5_000 });
		expect(await page.locator('[data-testid="emergency"]').innerText()).toMatch(/\d{3,}/);
		await shot(page, '04-emergency');
		await context.close();
	});

	it('refuses wrong last 4 digits with a clear message and files nothing', async () => {
		const before = await orderCount();
		const { context, page } = await openKiosk();
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'electrical', household, stopAt: 'verify' });
		await keypad(page, household.phoneLast4 === '0000' ? '1111' : '0000');
		await next(page);
		await page.locator('[data-testid="problem"][role="alert"]').waitFor({ timeout: 10_000 });
		expect(await page.locator('[data-testid="filing-step"]').getAttribute('data-step')).toBe('verify');
		expect((await page.locator('[data-testid="problem"]').innerText()).trim().length).toBeGreaterThan(4);
		await shot(page, '05-wrong-digits');
		await tap(page, '[data-testid="home"]');
		await page.locator('[data-testid="kiosk-home"]').waitFor();
		expect(await orderCount()).toBe(before);
		await context.close();
	});

	it('refuses a room where nobody is registered with a clear message and files nothing', async () => {
		const before = await orderCount();
		const kioskApi = async (path: string) => {
			const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
			return res.json();
		};
		const vacant = await vacantRoom(service, kioskApi, household);
		const { context, page } = await openKiosk();
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'electrical', household: vacant, stopAt: 'verify' });
		await keypad(page, household.phoneLast4);
		await next(page);
		await page.locator('[data-testid="problem"][role="alert"]').waitFor({ timeout: 10_000 });
		expect(await page.locator('[data-testid="filing-step"]').getAttribute('data-step')).toBe('verify');
		await shot(page, '05-vacant-room');
		await context.close();
		expect(await orderCount()).toBe(before);
	});

	it('follows a request by its code, rates it when resolved, and reopens another that was not solved', async () => {
		const { context, page } = await openKiosk();
		const filed: string[] = [];
		for (const description of ['阳台地漏堵塞', '厨房水槽下水慢']) {
			await tap(page, 'a[data-service="repair"]');
			await fillFiling(page, { category: 'plumbing', household, description });
			filed.push((await submitFiling(page)).code ?? '');
			await tap(page, '[data-testid="home"]');
		}
		const [rated, reopened] = await Promise.all(filed.map(orderByCode));
		if (!rated || !reopened) throw new Error('both orders should exist');
		await resolveThroughApi(rated.id);
		await resolveThroughApi(reopened.id);

		await followByCode(page, rated.code, household.phoneLast4);
		expect(await page.locator('[data-testid="progress"]').getAttribute('data-status')).toBe('resolved');
		expect(await page.locator('[data-testid="timeline"] li').count()).toBeGreaterThanOrEqual(5);
		await shot(page, '06-follow-resolved');
		for (const group of ['speed', 'result', 'attitude'])
			await tap(page, `[data-rating="${group}"] button[data-value="5"]`);
		await page.locator('textarea[name="comment"]').fill('师傅很专业');
		await shot(page, '06-follow-rating');
		await tap(page, '[data-testid="rate-submit"]');
		await page.locator('[data-testid="done"]').waitFor({ timeout: 10_000 });
		const afterRating = await orderByCode(rated.code);
		expect(['feedback', 'closed']).toContain(afterRating.status);

		await tap(page, '[data-testid="home"]');
		await followByCode(page, reopened.code, household.phoneLast4);
		await tap(page, '[data-testid="not-solved"]');
		await tap(page, 'button[data-reason]');
		await shot(page, '07-not-solved');
		await tap(page, '[data-testid="reopen-submit"]');
		await page.locator('[data-testid="done"]').waitFor({ timeout: 10_000 });
		// Not solved: the order goes back to its technician, counted as reopened once.
		const afterReopen = await orderByCode(reopened.code);
		expect(afterReopen).toMatchObject({ status: 'assigned', reopenCount: 1 });
		await context.close();
	});

	it('hands off to a phone by QR: the status page needs no login and shows no name, phone or room', async () => {
		const { context, page } = await openKiosk();
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'electrical', household, description: '走廊插座没电' });
		const receipt = await submitFiling(page);
		await context.close();

		const phone = await browser.newContext({
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true,
		});
		const status = await phone.newPage();
		const res = await status.goto(new URL(receipt.statusUrl, baseUrl).href);
		expect(res?.status()).toBe(200);
		const text = (await status.locator('body').innerText()).replace(/\s+/g, ' ');
		expect(text).toContain(receipt.code ?? '');
		expect(text).not.toContain(
			household.roomNumber === ''
				? '∅'
				: `${household.buildingNumber}-${household.unitNumber}-${household.roomNumber}`,
		);
		expect(text).not.toMatch(/1[3-9]\d{9}/);
		await status.screenshot({ path: fileURLToPath(new URL('kiosk-08-status-page.png', SCREENSHOTS)) });
		const missing = await status.goto(new URL('/status/aaaaaaaaaaaaaaaaaaaaaaaaaa', baseUrl).href);
		expect(missing?.status()).toBe(404);
		await phone.close();
	});

	it('keeps the photo and the resident’s words on the console’s order card after a reopen', async () => {
		const { context, page } = await openKiosk();
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, {
			category: 'doors_locks',
			household,
			description: '入户门锁芯卡住',
			photo: { name: 'lock.png', mimeType: 'image/png', buffer: PNG },
		});
		const receipt = await submitFiling(page);
		const order = await orderByCode(receipt.code ?? '');
		await resolveThroughApi(order.id);
		await tap(page, '[data-testid="home"]');
		await followByCode(page, order.code, household.phoneLast4);
		await tap(page, '[data-testid="not-solved"]');
		await tap(page, 'button[data-reason]');
		await tap(page, '[data-testid="reopen-submit"]');
		await page.locator('[data-testid="done"]').waitFor({ timeout: 10_000 });
		await context.close();

		const desk = await newDesk(browser, baseUrl);
		const console_ = await desk.newPage();
		await signIn(console_, 'service', `/work-orders/${order.id}`);
		expect(await orderByCode(order.code)).toMatchObject({ status: 'assigned', reopenCount: 1 });
		await console_
			.locator('[data-testid="order-status"][data-status="assigned"]')
			.waitFor({ timeout: 10_000 });
		await console_.locator('[data-testid="order-photos"] img').first().waitFor({ timeout: 10_000 });
		expect(await console_.locator('[data-testid="order-photos"] img').count()).toBe(1);
		expect(await console_.locator('body').innerText()).toContain('入户门锁芯卡住');
		await desk.close();
	});

	it('switches languages on every screen', async () => {
		const { context, page } = await openKiosk();
		const repairTile = page.locator('a[data-service="repair"]');
		const zhHans = (await repairTile.innerText()).trim();
		await tap(page, '[data-locale="en"]');
		await page.locator('html[lang="en"]').waitFor({ timeout: 10_000 });
		expect((await repairTile.innerText()).trim()).not.toBe(zhHans);
		expect(await repairTile.innerText()).toMatch(/[A-Za-z]{3,}/);
		await shot(page, '09-home-en');
		await tap(page, 'a[data-service="repair"]');
		await page.locator('[data-testid="filing-step"]').waitFor();
		await tap(page, '[data-locale="zh-Hant"]');
		await page.locator('html[lang="zh-Hant"]').waitFor({ timeout: 10_000 });
		await shot(page, '09-flow-zh-Hant');
		await tap(page, '[data-testid="home"]');
		await tap(page, '[data-locale="zh-Hans"]');
		await page.locator('html[lang="zh-Hans"]').waitFor({ timeout: 10_000 });
		expect((await repairTile.innerText()).trim()).toBe(zhHans);
		await context.close();
	});

	it('clears everything and goes home after 60 s without a touch, with a countdown first', async () => {
		const context = await newKiosk(browser, baseUrl);
		const page = await context.newPage();
		await page.clock.install();
		await page.goto(`/kiosk/#pair=${token}`);
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 30_000 });
		await tap(page, 'a[data-service="repair"]');
		await fillFiling(page, { category: 'plumbing', household, description: '私人信息不应留下' });
		await page.clock.runFor(50_000);
		expect(await page.locator('[data-testid="idle-countdown"]').isVisible()).toBe(false);
		await page.clock.runFor(11_000);
		await page.locator('[data-testid="idle-countdown"]').waitFor({ timeout: 5_000 });
		await shot(page, '10-idle-countdown');
		await page.clock.runFor(11_000);
		await page.locator('[data-testid="kiosk-home"]').waitFor({ timeout: 5_000 });
		expect(await page.locator('[data-testid="idle-countdown"]').isVisible()).toBe(false);
		await tap(page, 'a[data-service="repair"]');
		await page.locator('[data-testid="filing-step"][data-step="category"]').waitFor();
		expect(await page.locator('body').innerText()).not.toContain('私人信息不应留下');
		await context.close();
	});
});

// A 1×1 PNG: a real image that decodes in the browser and passes the api's photo check.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);
