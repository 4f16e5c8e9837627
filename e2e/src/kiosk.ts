import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { apiClient } from './browser';

type ApiClient = Awaited<ReturnType<typeof apiClient>>;

/** The lobby kiosk's screen: 1080×1920 portrait, touch only. */
export function newKiosk(browser: Browser, baseUrl: string, locale = 'zh-CN'): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: baseUrl,
		viewport: { width: 1080, height: 1920 },
		hasTouch: true,
		locale,
		timezoneId: 'Asia/Shanghai',
	});
}

/** Issues a kiosk device through the admin api and returns its bearer token, as an admin pairing a kiosk would. */
export async function issueKioskToken(admin: ApiClient, name: string): Promise<string> {
	const issued = await admin.call('/api/v1/devices', { method: 'POST', json: { kind: 'kiosk', name } });
	if (issued.status !== 201)
		throw new Error(`issuing a kiosk failed: ${issued.status} ${JSON.stringify(issued.body)}`);
	return String(issued.body?.['token']);
}

/** A household that lives somewhere, as the front desk's resident search shows it (phone masked to its last 4). */
export interface Household {
	readonly roomId: string;
	readonly buildingId: string;
	readonly unitId: string;
	readonly buildingNumber: string;
	readonly unitNumber: string;
	readonly roomNumber: string;
	readonly phoneLast4: string;
}

export async function someHousehold(staff: ApiClient, skip = 0): Promise<Household> {
	const page = await staff.call(`/api/v1/residents?limit=50`);
	const items = (page.body?.['items'] ?? []) as {
		phoneMasked: string;
		movedOutOn: string | null;
		room: {
			id: string;
			buildingId: string;
			unitId: string;
			buildingNumber: string;
			unitNumber: string;
			number: string;
		};
	}[];
	const living = items.filter((resident) => resident.movedOutOn === null);
	const resident = living[skip % living.length];
	if (!resident) throw new Error('the demo estate has no residents');
	return {
		roomId: resident.room.id,
		buildingId: resident.room.buildingId,
		unitId: resident.room.unitId,
		buildingNumber: resident.room.buildingNumber,
		unitNumber: resident.room.unitNumber,
		roomNumber: resident.room.number,
		phoneLast4: resident.phoneMasked.slice(-4),
	};
}

const step = (page: Page) =>
	page.locator('[data-testid="filing-step"]').getAttribute('data-step', { timeout: 10_000 });

/** Taps a button and lets the screen settle: a kiosk is touched, never clicked. */
export async function tap(page: Page, selector: string): Promise<void> {
	await page.locator(selector).first().tap();
}

/** Types digits on the kiosk's own keypad. */
/** Moves on from the step on screen (by the next button when it does not move on by itself). */
export async function next(page: Page): Promise<void> {
	const current = await step(page);
	if (current === null) throw new Error('no filing step on screen');
	await page.locator('[data-testid="next"]').first().tap();
}

export async function keypad(page: Page, digits: string): Promise<void> {
	for (const digit of digits) await tap(page, `button[data-key="${digit}"]`);
}

/** Moves on from `current` unless the screen already did so by itself after the choice. */
async function moveOn(page: Page, current: string): Promise<void> {
	const moved = page.locator(`[data-testid="filing-step"]:not([data-step="${current}"])`);
	const next = page.locator('[data-testid="next"]:enabled');
	await moved.or(next).first().waitFor({ timeout: 10_000 });
	if ((await step(page)) === current) await next.first().tap();
	await moved.waitFor({ timeout: 10_000 });
}

export interface FilingAnswers {
	readonly category: string;
	readonly household: Household;
	readonly description?: string;
	/** Where the household's room is, or a public place by its id. */
	readonly publicPlaceId?: string;
	readonly booking?: string;
	readonly areaM2?: string;
	readonly phoneLast4?: string;
	readonly photo?: { name: string; mimeType: string; buffer: Buffer };
	/** Stop when this step is on screen, before answering it. */
	readonly stopAt?: string;
	/** Called on each step before it is answered (for screenshots). */
	readonly onStep?: (step: string) => Promise<unknown>;
}

/**
 * Walks the filing steps the kiosk shows, answering each one as a resident would, up to the review screen
 * (which it leaves unsubmitted). The order of steps is the kiosk's; this only answers what it is asked.
 */
export async function fillFiling(page: Page, answers: FilingAnswers): Promise<void> {
	for (let guard = 0; guard < 12; guard++) {
		const current = await step(page);
		if (current === null) throw new Error('no filing step on screen');
		if (current === answers.stopAt) return;
		await answers.onStep?.(current);
		switch (current) {
			case 'category':
				await tap(page, `button[data-category="${answers.category}"]`);
				break;
			case 'place':
				if (answers.publicPlaceId) {
					await tap(page, 'button[data-place="public"]');
					await tap(page, `[data-public-place="${answers.publicPlaceId}"]`);
				} else {
					await tap(page, 'button[data-place="home"]');
				}
				// The household's own room vouches for the request wherever the problem is.
				await tap(page, `button[data-building="${answers.household.buildingNumber}"]`);
				await tap(page, `button[data-unit="${answers.household.unitNumber}"]`);
				await tap(page, `button[data-room="${answers.household.roomNumber}"]`);
				break;
			case 'details':
				await tap(page, 'button[data-phrase]');
				if (answers.description) await page.locator('textarea[name="description"]').fill(answers.description);
				if (answers.photo) await page.locator('input[type=file][name="photo"]').setInputFiles(answers.photo);
				break;
			case 'booking':
				if (answers.booking) await tap(page, `button[data-booking="${answers.booking}"]`);
				if (answers.areaM2) await keypad(page, answers.areaM2);
				break;
			case 'when':
				await tap(page, 'button[data-window]');
				break;
			case 'verify':
				await keypad(page, answers.phoneLast4 ?? answers.household.phoneLast4);
				break;
			case 'review':
				return;
			default:
				throw new Error(`unexpected filing step ${current}`);
		}
		await moveOn(page, current);
	}
	throw new Error('the filing never reached its review');
}

/** Submits the review and waits for the receipt; returns how it was delivered and its status link. */
export async function submitFiling(
	page: Page,
): Promise<{ delivery: string; code: string | null; statusUrl: string }> {
	await tap(page, '[data-testid="submit"]');
	const receipt = page.locator('[data-testid="receipt"]');
	await receipt.waitFor({ timeout: 15_000 });
	const delivery = (await receipt.getAttribute('data-delivery')) ?? '';
	const code =
		delivery === 'sent'
			? ((await page.locator('[data-testid="receipt-code"]').textContent()) ?? '').trim()
			: null;
	const statusUrl = (await page.locator('a[data-testid="status-link"]').getAttribute('href')) ?? '';
	return { delivery, code, statusUrl };
}

/**
 * A room with nobody registered in it, in the same building as `near`: the kiosk offers every room of a unit,
 * but only a household's own phone can vouch for a request.
 */
export async function vacantRoom(
	staff: ApiClient,
	kiosk: (path: string) => Promise<unknown>,
	near: Household,
): Promise<Household> {
	const units = (await kiosk(`/api/v1/kiosk/rooms?building=${near.buildingId}`)) as {
		items: { id: string; number: string }[];
	};
	for (const unit of units.items) {
		const rooms = (await kiosk(`/api/v1/kiosk/rooms?building=${near.buildingId}&unit=${unit.id}`)) as {
			items: { id: string; number: string }[];
		};
		const residents = await staff.call(`/api/v1/residents?unitId=${unit.id}&limit=200&includeMovedOut=false`);
		const lived = new Set(
			((residents.body?.['items'] ?? []) as { room: { id: string } }[]).map((r) => r.room.id),
		);
		const empty = rooms.items.find((room) => !lived.has(room.id));
		if (empty)
			return {
				...near,
				roomId: empty.id,
				unitId: unit.id,
				unitNumber: unit.number,
				roomNumber: empty.number,
			};
	}
	throw new Error(`building ${near.buildingNumber} has no vacant room`);
}
