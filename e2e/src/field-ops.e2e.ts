import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiProcess } from './api-process';
import { apiClient, launchBrowser, SCREENSHOTS, signIn } from './browser';

// The estate at 10:20 on today's date in Shanghai, whatever the time of the run: guards are on their day rounds
// and the cleaners' morning tasks are due. The api's clock (CLOCK_START) and every browser's clock start there.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const CLOCK_START = `${today}T10:20:00+08:00`;
const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-e2e-field-'));
let api: ApiProcess;
let browser: Browser;
let clockOffsetMs: number;
let manager: Awaited<ReturnType<typeof apiClient>>;

const estateNow = () => new Date(Date.now() + clockOffsetMs);
const shot = (page: Page, name: string) =>
	page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, SCREENSHOTS)) });

async function context(
	size: { width: number; height: number },
	geolocation?: [number, number],
): Promise<BrowserContext> {
	const created = await browser.newContext({
		baseURL: api.baseUrl,
		viewport: size,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		...(size.width < 600 ? { hasTouch: true, isMobile: true } : {}),
		...(geolocation
			? {
					geolocation: { longitude: geolocation[0], latitude: geolocation[1], accuracy: 8 },
					permissions: ['geolocation'],
				}
			: {}),
	});
	await created.clock.install({ time: estateNow() });
	return created;
}

async function controlRoom(): Promise<{ desk: BrowserContext; page: Page }> {
	const desk = await context({ width: 1920, height: 1080 });
	const page = await desk.newPage();
	await signIn(page, 'control');
	await page.locator('[data-testid="estate-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
	await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 30_000 });
	return { desk, page };
}

beforeAll(async () => {
	const started = Date.now();
	api = await startApi({ dataDir, env: { CLOCK_START } });
	clockOffsetMs = new Date(CLOCK_START).getTime() - started;
	browser = await launchBrowser();
	manager = await apiClient(api.baseUrl, 'manager');
});
afterAll(async () => {
	await browser?.close();
	await api?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('field operations', () => {
	it('marks a checkpoint visited on the control room’s map within a second of a guard’s scan in the field view', async () => {
		// The demo routes both have a round open at 10:20 (06:00 every 2 h for 50 min, 07:00 every 3 h for 40 min).
		const rounds = await manager.call('/api/v1/patrols/rounds');
		type RoundCheckpoint = { checkpointId: string; state: string; point: [number, number]; sequence: number };
		const current = (rounds.body?.['current'] ?? []) as { checkpoints: RoundCheckpoint[] }[];
		const open = current
			.flatMap((round) => round.checkpoints)
			.filter((candidate) => candidate.state === 'due' || candidate.state === 'upcoming');
		const target = open.at(-1);
		if (!target)
			throw new Error(
				`no checkpoint is waiting for a scan at ${CLOCK_START}: ${JSON.stringify(rounds.body)}`,
			);
		const routes = await manager.call('/api/v1/patrols/routes');
		const code = ((routes.body?.['routes'] ?? []) as { checkpoints: { id: string; code?: string }[] }[])
			.flatMap((route) => route.checkpoints)
			.find((candidate) => candidate.id === target.checkpointId)?.code;
		if (!code) throw new Error('the manager should see the checkpoint codes');
		const checkpoint = { id: target.checkpointId };
		const point = target.point;

		const { desk, page: map } = await controlRoom();
		const onMap = map.locator(`[data-testid="checkpoint-list"] li[data-checkpoint-id="${checkpoint.id}"]`);
		await onMap.waitFor({ state: 'attached', timeout: 30_000 });
		expect(['due', 'upcoming']).toContain(await onMap.getAttribute('data-state'));

		const phone = await context({ width: 390, height: 844 }, point);
		const field = await phone.newPage();
		await signIn(field, 'guard', '/field/patrol');
		await field.locator('[data-testid="scan-code"]').fill(code);
		await field.locator('[data-testid="scan-submit"]').tap();
		await field.locator('[data-testid="scan-result"]').waitFor({ timeout: 10_000 });
		await map
			.locator(
				`[data-testid="checkpoint-list"] li[data-checkpoint-id="${checkpoint.id}"][data-state="visited"]`,
			)
			.waitFor({ state: 'attached', timeout: 1_000 });
		await shot(field, 'field-view-patrol');
		await phone.close();
		await desk.close();
	});

	it('greys a guard who has gone silent and flashes an SOS on the console', async () => {
		const guard2 = await apiClient(api.baseUrl, 'guard2');
		const existing = await manager.call('/api/v1/patrols/routes');
		const routes = (existing.body?.['routes'] ?? existing.body?.['items'] ?? []) as {
			checkpoints: { point: [number, number] }[];
		}[];
		const [lng, lat] = routes[0]?.checkpoints[1]?.point ?? [0, 0];
		const { desk, page: map } = await controlRoom();

		// A fix 110 s old: the guard has not been heard of since, and turns stale at two minutes.
		const fix = await guard2.call('/api/v1/positions', {
			method: 'POST',
			json: {
				fixes: [
					{ deviceTime: new Date(estateNow().getTime() - 110_000).toISOString(), lng, lat, accuracyM: 6 },
				],
			},
		});
		expect(fix.body?.['accepted']).toBe(1);
		const person = map.locator(`[data-testid="people-list"] li[data-person-id="${guard2.me.id}"]`);
		await person.waitFor({ state: 'attached', timeout: 5_000 });
		expect(await person.getAttribute('data-stale')).toBe('false');
		await map
			.locator(`[data-testid="people-list"] li[data-person-id="${guard2.me.id}"][data-stale="true"]`)
			.waitFor({ state: 'attached', timeout: 30_000 });
		expect(
			Number(await map.locator('[data-testid="estate-map"]').getAttribute('data-stale-count')),
		).toBeGreaterThanOrEqual(1);

		const sos = await guard2.call('/api/v1/sos', {
			method: 'POST',
			json: { lng, lat, note: '有人翻越围墙' },
		});
		expect(sos.status).toBe(201);
		await map
			.locator(`[data-testid="people-list"] li[data-person-id="${guard2.me.id}"][data-sos="true"]`)
			.waitFor({ state: 'attached', timeout: 2_000 });
		expect(Number(await map.locator('[data-testid="estate-map"]').getAttribute('data-sos-count'))).toBe(1);
		await map.locator('[data-testid="sos-acknowledge"]').first().waitFor({ timeout: 5_000 });
		await shot(map, 'map-field-layers-sos');
		await desk.close();
	});

	it('changes a cleaning zone’s fill when a cleaner marks its last due task done in the field view', async () => {
		const cleaner = await apiClient(api.baseUrl, 'cleaner');
		const day = await cleaner.call('/api/v1/cleaning/today');
		type Task = { id: string; state: string };
		const zones = (day.body?.['zones'] ?? []) as { zoneId: string; status: string; tasks: Task[] }[];
		const pending = (zone: { tasks: Task[] }) =>
			zone.tasks.filter((task) => task.state === 'due' || task.state === 'overdue');
		const zone = zones.find((candidate) => pending(candidate).length > 0);
		if (!zone) throw new Error(`no cleaning task is due at ${CLOCK_START}`);
		// All but one done beforehand, so the field view's tap is the one that changes the zone.
		const [last, ...others] = pending(zone);
		for (const task of others)
			await cleaner.call(`/api/v1/cleaning/tasks/${task.id}/done`, { method: 'POST', json: {} });
		if (!last) throw new Error('a pending task was just found');

		const { desk, page: map } = await controlRoom();
		const onMap = map.locator(`[data-testid="zone-list"] li[data-zone-id="${zone.zoneId}"]`);
		await onMap.waitFor({ state: 'attached', timeout: 30_000 });
		const before = await onMap.getAttribute('data-status');
		expect(['due', 'overdue']).toContain(before);

		const phone = await context({ width: 390, height: 844 });
		const field = await phone.newPage();
		await signIn(field, 'cleaner', '/field/cleaning');
		await field.locator(`li[data-task-id="${last.id}"] [data-testid="task-done"]`).tap();
		await field.locator(`li[data-task-id="${last.id}"][data-status="done"]`).waitFor({ timeout: 10_000 });
		await map
			.locator(`[data-testid="zone-list"] li[data-zone-id="${zone.zoneId}"][data-status="done"]`)
			.waitFor({ state: 'attached', timeout: 5_000 });
		await shot(field, 'field-view-cleaning');
		await shot(map, 'map-cleaning-zone-done');
		await phone.close();
		await desk.close();
	});

	it('shows the patrol page with today’s rounds', async () => {
		const desk = await context({ width: 1920, height: 1080 });
		const page = await desk.newPage();
		await signIn(page, 'control', '/patrols');
		const routes = await manager.call('/api/v1/patrols/routes');
		const names = ((routes.body?.['routes'] ?? []) as { name: string }[]).map((route) => route.name);
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) await page.getByText(name).first().waitFor({ timeout: 30_000 });
		await shot(page, 'patrols-page');
		await desk.close();
	});
});
