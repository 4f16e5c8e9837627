import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { workOrders } from '../../db/schema/index';
import { createKioskTestApi, type KioskTestApi } from '../kiosk/kiosk.fixtures';
import { PUBLIC_STATUS_MISS_LIMIT } from './public-status.routes';

let api: KioskTestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string };
let desk: { id: string };
let tech: { id: string };

const page = (path: string, init: { client?: string; language?: string } = {}) =>
	api.request(path, {
		headers: {
			'x-test-client': init.client ?? '198.51.100.20',
			...(init.language ? { 'accept-language': init.language } : {}),
		},
	});

/** The page's visible text, tags dropped, so assertions read what a person reads. */
const textOf = (html: string) =>
	html
		.replace(/<style>[\s\S]*?<\/style>/, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

async function fileAtKiosk(description: string): Promise<{ code: string; token: string; id: string }> {
	const res = await api.request('/api/v1/kiosk/work-orders', {
		method: 'POST',
		bearer: kiosk.token,
		json: {
			roomId: site.roomIds[0],
			phoneLast4: '9876',
			kind: 'repair',
			category: 'electrical',
			description,
		},
	});
	expect(res.status).toBe(201);
	const receipt = (await res.json()) as { code: string; publicToken: string };
	const [row] = await api.db
		.select({ id: workOrders.id })
		.from(workOrders)
		.where(eq(workOrders.code, receipt.code));
	return { code: receipt.code, token: receipt.publicToken, id: row?.id ?? '' };
}

const staff = (id: string) => ({ kind: 'staff' as const, staffId: id as never });

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('PAGE');
	site = await createSite(api.db, estateId);
	kiosk = await api.kioskToken(estateId);
	desk = await api.staffSession(estateId, ['customer_service']);
	tech = await api.staffSession(estateId, ['technician'], { skills: ['electrical'] });
	await api.resident(estateId, site.roomIds[0] ?? '', { name: '赵敏', phone: '13512349876' });
});
afterAll(() => api.close());

describe('GET /status/{token}: the status page behind the receipt’s QR code', () => {
	it('is a small HTML page with the code, the status in plain words, the next step and the timeline', async () => {
		const order = await fileAtKiosk('卧室插座冒火花，闻到焦味');
		const res = await page(`/status/${order.token}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
		const html = await res.text();
		expect(html).toMatch(/^<!doctype html>\n<html lang="zh-Hans">/);
		expect(html).not.toMatch(/<script|<link|<img|<iframe|src=/i);
		const text = textOf(html);
		expect(text).toContain(order.code);
		expect(text).toContain('报修 · 电路');
		expect(text).toContain('已提交，等待客服受理');
		expect(text).toContain('下一步 客服受理您的请求');
		expect(text).toContain('提交请求');
		expect(html).toContain('data-status="submitted"');
		expect(text).toContain('翠湖天地 PAGE');
	});

	it('follows the order and shows no name, phone, room or the resident’s words', async () => {
		const order = await fileAtKiosk('客厅吊灯闪烁');
		const wo = api.services.workOrders;
		for (const [actor, command] of [
			[staff(desk.id), { type: 'accept' }],
			[staff(desk.id), { type: 'assign', assigneeId: tech.id }],
			[staff(tech.id), { type: 'recordContact', method: 'phone', outcome: 'reached', note: null }],
		] as const) {
			api.advance(5 * 60_000);
			const done = await wo.execute(estateId, order.id, actor, command as never, { requestId: null });
			expect(done.ok).toBe(true);
		}
		const html = await (await page(`/status/${order.token}`)).text();
		const text = textOf(html);
		expect(text).toContain('师傅已联系您，正在安排上门');
		expect(text).toContain('下一步 师傅上门处理');
		expect(text).toMatch(/预计 .+ 前/);
		for (const step of ['提交请求', '客服受理', '派单', '师傅联系']) expect(text).toContain(step);
		for (const personal of ['赵敏', '13512349876', '9876', '1201', '客厅吊灯闪烁', site.roomIds[0] ?? '']) {
			expect(html).not.toContain(personal);
		}
		// Steps are in the estate's time zone (UTC+8): filed at 09:00 Shanghai in this test's clock.
		expect(html).toMatch(/<time datetime="2026-03-0\dT\d\d:\d\d:\d\d\.\d{3}Z">/);
	});

	it('says how often the work was sent back after a reopen', async () => {
		const order = await fileAtKiosk('卫生间灯不亮');
		const wo = api.services.workOrders;
		const steps = [
			[staff(desk.id), { type: 'accept' }],
			[staff(desk.id), { type: 'assign', assigneeId: tech.id }],
			[staff(tech.id), { type: 'recordContact', method: 'phone', outcome: 'reached', note: null }],
			[staff(tech.id), { type: 'arrive' }],
			[
				staff(tech.id),
				{
					type: 'resolve',
					startedAt: api.now(),
					endedAt: api.now(),
					materials: [],
					result: '更换灯泡',
					residentSignedOff: true,
				},
			],
			[staff(desk.id), { type: 'reopen', reason: '又不亮了', assigneeId: null }],
		] as const;
		for (const [actor, command] of steps) {
			api.advance(60_000);
			const done = await wo.execute(estateId, order.id, actor, command as never, { requestId: null });
			expect(done.ok, JSON.stringify(done)).toBe(true);
		}
		const text = textOf(await (await page(`/status/${order.token}?lang=en`)).text());
		expect(text).toContain('Sent back for rework 1×');
	});

	it.each([
		['?lang=en', undefined, 'en', 'Received, waiting for customer service'],
		['?lang=zh-Hant', 'en-US,en;q=0.9', 'zh-Hant', '已提交，等待客服受理'],
		['', 'zh-TW,zh;q=0.9,en;q=0.5', 'zh-Hant', '請求進度'],
		['', 'en-GB,en;q=0.8', 'en', 'Request code'],
		['', 'fr-FR,de;q=0.9', 'zh-Hans', '查询码'],
		['?lang=fr', 'en', 'en', 'Request code'],
		['', undefined, 'zh-Hans', '当前状态'],
	])('speaks the language of %j with Accept-Language %j: %s', async (query, language, lang, phrase) => {
		const order = await fileAtKiosk('插座没电');
		const res = await page(`/status/${order.token}${query}`, language ? { language } : {});
		const html = await res.text();
		expect(html).toContain(`<html lang="${lang}">`);
		expect(html).toContain(phrase);
		expect(res.headers.get('vary')).toBe('Accept-Language');
		// Links switch to each of the three languages.
		for (const option of ['zh-Hans', 'zh-Hant', 'en']) expect(html).toContain(`href="?lang=${option}"`);
	});

	it('sends the security headers: no script, no framing, no referrer, not cached', async () => {
		const order = await fileAtKiosk('电表跳闸');
		const res = await page(`/status/${order.token}`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'none'");
		expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('answers a wrong token with a 404 page in the reader’s language', async () => {
		for (const token of ['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'short', '%3Cscript%3E']) {
			const res = await page(`/status/${token}`, { client: '198.51.100.40', language: 'en' });
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^text\/html/);
			const html = await res.text();
			expect(html).toContain('Request not found');
			expect(html).not.toContain('<script');
		}
	});

	it('refuses an address after 30 misses with a 429 page and Retry-After, shared with the JSON route', async () => {
		const client = '198.51.100.77';
		for (let i = 0; i < PUBLIC_STATUS_MISS_LIMIT.maxAttempts / 2; i++) {
			expect((await page(`/status/unknown-token-${String(i).padStart(6, '0')}`, { client })).status).toBe(
				404,
			);
			const json = await api.request(`/api/v1/public/status/unknown-token-j${String(i).padStart(5, '0')}`, {
				headers: { 'x-test-client': client },
			});
			expect(json.status).toBe(404);
		}
		const order = await fileAtKiosk('楼道灯坏了');
		const limited = await page(`/status/${order.token}`, { client, language: 'en' });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await limited.text()).toContain('Too many tries');
		// Others are unaffected, and the limit lifts after the window.
		expect((await page(`/status/${order.token}`, { client: '198.51.100.78' })).status).toBe(200);
		api.advance(PUBLIC_STATUS_MISS_LIMIT.windowMs + 1000);
		expect((await page(`/status/${order.token}`, { client })).status).toBe(200);
	});

	it('leaves the JSON status route as it was', async () => {
		const order = await fileAtKiosk('门口灯不亮');
		const res = await api.request(`/api/v1/public/status/${order.token}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await res.json()).toMatchObject({ code: order.code, status: 'submitted' });
	});
});
