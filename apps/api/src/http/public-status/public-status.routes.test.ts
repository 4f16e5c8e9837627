import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { workOrders } from '../../db/schema/index';
import { createKioskTestApi, type KioskTestApi } from '../kiosk/kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string };
let desk: { id: string };

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('STATUS');
	site = await createSite(api.db, estateId);
	kiosk = await api.kioskToken(estateId);
	desk = await api.staffSession(estateId, ['customer_service']);
	await api.resident(estateId, site.roomIds[0] ?? '', { name: '赵敏', phone: '13512349876' });
});
afterAll(() => api.close());

const status = (token: string, client = '198.51.100.1') =>
	api.request(`/api/v1/public/status/${token}`, { headers: { 'x-test-client': client } });

describe('the public status page', () => {
	it('answers the progress of a request by its token, with no personal data and no login', async () => {
		const filed = await api.request('/api/v1/kiosk/work-orders', {
			method: 'POST',
			bearer: kiosk.token,
			json: {
				roomId: site.roomIds[0],
				phoneLast4: '9876',
				kind: 'repair',
				category: 'electrical',
				description: '卧室插座冒火花',
			},
		});
		expect(filed.status).toBe(201);
		const receipt = (await filed.json()) as { publicToken: string; code: string };
		const res = await status(receipt.publicToken);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const body = (await res.json()) as Record<string, unknown>;
		expect(body).toMatchObject({
			code: receipt.code,
			status: 'submitted',
			paused: false,
			next: { step: 'accept' },
			steps: { acceptedAt: null },
		});
		const text = JSON.stringify(body);
		for (const personal of [
			'赵敏',
			'13512349876',
			'9876',
			'1201',
			'卧室插座冒火花',
			site.roomIds[0] ?? '',
			desk.id,
			'name',
			'phone',
			'room',
			'description',
		]) {
			expect(text).not.toContain(personal);
		}

		// It follows the order as staff move it on.
		const accepted = await api.services.workOrders.execute(
			estateId,
			await idOf(receipt.code),
			{ kind: 'staff', staffId: desk.id as never },
			{ type: 'accept' },
			{ requestId: null },
		);
		expect(accepted.ok).toBe(true);
		expect(await (await status(receipt.publicToken)).json()).toMatchObject({
			status: 'accepted',
			next: { step: 'assign' },
			steps: { acceptedAt: api.now().toISOString() },
		});
	});

	it('says 404 for an unknown token, and 429 after 30 misses from one address', async () => {
		const client = '198.51.100.77';
		for (let i = 0; i < 30; i++)
			expect((await status(`not-a-real-token-${String(i).padStart(4, '0')}`, client)).status).toBe(404);
		const limited = await status('not-a-real-token-0031', client);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another address is unaffected; the limit lifts after the window.
		expect((await status('not-a-real-token-0032', '198.51.100.78')).status).toBe(404);
		api.advance(10 * 60_000 + 1000);
		expect((await status('not-a-real-token-0033', client)).status).toBe(404);
	});
});

async function idOf(code: string): Promise<string> {
	const [row] = await api.db.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.code, code));
	return row?.id ?? '';
}
