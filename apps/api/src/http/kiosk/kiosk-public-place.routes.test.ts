import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { mapFeatures, workOrders } from '../../db/schema/index';
import { centreOf } from '../../services/kiosk-estate-view';
import { createKioskTestApi, type KioskTestApi } from './kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string };
let gardenId: string;
let roadId: string;

const orders = async () => (await api.db.select({ n: sql<number>`count(*)::int` }).from(workOrders))[0]?.n ?? 0;
const file = (body: Record<string, unknown>) =>
	api.request('/api/v1/kiosk/work-orders', {
		method: 'POST',
		bearer: kiosk.token,
		json: {
			roomId: site.roomIds[0],
			phoneLast4: '5678',
			kind: 'repair',
			category: 'public_facilities',
			description: '花园里的路灯不亮',
			...body,
		},
	});

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('PLACES');
	site = await createSite(api.db, estateId);
	kiosk = await api.kioskToken(estateId);
	await api.resident(estateId, site.roomIds[0] ?? '', { name: '王芳', phone: '13812345678' });
	const [garden, road] = await api.db
		.insert(mapFeatures)
		.values([
			{
				estateId,
				kind: 'green',
				name: '中心花园',
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[121.5, 31.2],
							[121.502, 31.2],
							[121.502, 31.202],
							[121.5, 31.202],
							[121.5, 31.2],
						],
					],
				},
			},
			{
				estateId,
				kind: 'road',
				name: '华庭一路',
				geometry: {
					type: 'LineString',
					coordinates: [
						[121.5, 31.205],
						[121.51, 31.205],
					],
				},
			},
		])
		.returning({ id: mapFeatures.id });
	gardenId = garden?.id ?? '';
	roadId = road?.id ?? '';
});
afterAll(() => api.close());

describe('filing about a public place at the kiosk', () => {
	it('places the order at the centre of the chosen place, named, with the household still vouching', async () => {
		const res = await file({ publicPlaceId: gardenId });
		expect(res.status).toBe(201);
		const code = String(((await res.json()) as Record<string, unknown>)['code']);
		const [row] = await api.db.select().from(workOrders).where(eq(workOrders.code, code));
		expect(row?.state).toMatchObject({
			location: { kind: 'point', position: [121.501, 31.201], description: '中心花园' },
			channel: 'kiosk',
		});
	});

	it('refuses a place that is not a public place of this estate, naming the field, and files nothing', async () => {
		const before = await orders();
		for (const publicPlaceId of [roadId, '00000000-0000-4000-8000-000000000000']) {
			const res = await file({ publicPlaceId });
			expect(res.status).toBe(422);
			expect(await res.json()).toMatchObject({ errors: [{ path: 'publicPlaceId' }] });
		}
		expect((await file({ publicPlaceId: 'garden' })).status).toBe(400);
		expect(await orders()).toBe(before);
	});

	it('refuses a public place filed for a household that cannot vouch for it', async () => {
		const res = await file({ publicPlaceId: gardenId, phoneLast4: '0000' });
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
	});
});

describe('centreOf', () => {
	it('counts the closing corner once', () => {
		expect(
			centreOf([
				[0, 0],
				[2, 0],
				[2, 2],
				[0, 2],
				[0, 0],
			]),
		).toEqual([1, 1]);
	});
	it('takes an open ring as it is, and refuses an empty one', () => {
		expect(
			centreOf([
				[0, 0],
				[3, 0],
				[0, 3],
			]),
		).toEqual([1, 1]);
		expect(() => centreOf([])).toThrow();
	});
});
