import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo-2026!estate';
export const SCREENSHOTS = new URL('../screenshots/', import.meta.url);

/** Debian's Chromium, headless, with the flags that give WebGL on SwiftShader here (STACK.md); Playwright gives it a fresh profile. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--enable-unsafe-swiftshader',
		],
	});
}

export async function newDesk(
	browser: Browser,
	baseUrl: string,
	size = { width: 1920, height: 1080 },
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: baseUrl,
		viewport: size,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
	});
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, username: string, next = '/map'): Promise<void> {
	const problems: string[] = [];
	const notePageError = (error: Error) => problems.push(`pageerror: ${error.message}`);
	const noteConsoleError = (message: ConsoleMessage) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	};
	page.on('pageerror', notePageError);
	page.on('console', noteConsoleError);
	await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
	try {
		await page.locator('input[name="username"]').waitFor({ timeout: 30_000 });
	} catch (cause) {
		// When the console cannot start, say why in the CI log rather than only "timeout".
		const body = (await page.content().catch(() => '')).slice(0, 2_000);
		throw new Error(`the sign-in page did not render:\n${problems.join('\n')}\n${body}`, { cause });
	} finally {
		page.off('pageerror', notePageError);
		page.off('console', noteConsoleError);
	}
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
	await page.locator('form button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** An api client of its own (a phone, another desk): fetch with the session cookie of its own login. */
export async function apiClient(baseUrl: string, username: string) {
	const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: baseUrl },
		body: JSON.stringify({ username, password: DEMO_PASSWORD }),
	});
	if (!login.ok) throw new Error(`login of ${username} failed: ${login.status}`);
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
	const me = ((await login.json()) as { staff: { id: string } }).staff;
	const call = async (path: string, init: { method?: string; json?: unknown } = {}) => {
		const res = await fetch(`${baseUrl}${path}`, {
			method: init.method ?? 'GET',
			headers: {
				cookie,
				origin: baseUrl,
				...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
			},
			...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
		});
		return {
			status: res.status,
			body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
		};
	};
	return { me, call };
}

type ApiClient = Awaited<ReturnType<typeof apiClient>>;

/** Files a repair for a room through the api, as the front desk would for a caller; returns its id and code. */
export async function fileOrder(
	client: ApiClient,
	room: { roomId: string; buildingId: string },
	order: { description: string; category?: string; contact?: { name: string; phone: string } },
): Promise<{ id: string; code: string }> {
	const res = await client.call('/api/v1/work-orders', {
		method: 'POST',
		json: {
			kind: 'repair',
			category: order.category ?? 'plumbing',
			channel: 'phone',
			reportedAt: new Date(Date.now() - 60_000).toISOString(),
			description: order.description,
			location: { kind: 'room', ...room },
			contact: order.contact ?? { name: '王芳', phone: '13812345678' },
		},
	});
	if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
	const filed = (res.body as { order: { id: string; code: string } }).order;
	return { id: filed.id, code: filed.code };
}
