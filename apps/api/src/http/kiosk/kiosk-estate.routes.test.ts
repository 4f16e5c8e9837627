import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { buildings, estates, mapFeatures } from '../../db/schema/index';
import { outlineOf, POINT_PLACE_HALF_SIDE_M } from '../../services/kiosk-estate-view';
import { createKioskTestApi, type KioskTestApi } from './kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let bareEstateId: string;
let kiosk: { token: string };
let bareKiosk: { token: string };
let desk: { session: string };

const ring = (lng: number, lat: number, d: number) => [
	[lng, lat],
	[lng + d, lat],
	[lng + d, lat + d],
	[lng, lat + d],
	[lng, lat],
];
const boundary = { type: 'Polygon', coordinates: [ring(121.5, 31.2, 0.01)] };

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('MAPPED');
	bareEstateId = await api.createEstate('BARE');
	await api.db
		.update(estates)
		.set({
			boundary,
			timeZone: 'Asia/Shanghai',
			settings: { emergencyPhone: ' 021-5878 6110 ', patrolRoutes: [] },
		})
		.where(eq(estates.id, estateId));
	await createSite(api.db, estateId, '3');
	await api.db.insert(buildings).values([
		{ estateId, number: '12', name: '12栋', kind: 'tower', floors: 30 },
		{ estateId, number: '会所', name: '会所', kind: 'clubhouse', floors: 3 },
	]);
	await createSite(api.db, bareEstateId, '9');
	const feature = (kind: string, name: string | null, geometry: unknown) => ({
		estateId,
		kind,
		name,
		geometry,
	});
	await api.db.insert(mapFeatures).values([
		feature('green', '中心花园', { type: 'Polygon', coordinates: [ring(121.502, 31.202, 0.001)] }),
		feature('water', '景观水池', {
			type: 'MultiPolygon',
			coordinates: [[ring(121.504, 31.204, 0.0005)], [ring(121.506, 31.206, 0.0005)]],
		}),
		feature('gate', '北大门', { type: 'Point', coordinates: [121.505, 31.2099] }),
		feature('road', '华庭一路', {
			type: 'LineString',
			coordinates: [
				[121.5, 31.205],
				[121.51, 31.205],
			],
		}),
		feature('checkpoint', '巡更点 P01', { type: 'Point', coordinates: [121.501, 31.201] }),
		feature('playground', null, { type: 'Polygon', coordinates: [ring(121.503, 31.203, 0.0003)] }),
		feature('parking', '访客停车场', { type: 'Point', coordinates: 'not a position' }),
	]);
	kiosk = await api.kioskToken(estateId);
	bareKiosk = await api.kioskToken(bareEstateId);
	desk = await api.staffSession(estateId, ['customer_service']);
});
afterAll(() => api.close());

type KioskEstateBody = {
	name: string;
	code: string;
	timeZone: string;
	emergencyPhone: string | null;
	buildings: { id: string; number: string; name: string }[];
	publicPlaces: { id: string; name: string; kind: string; polygon: [number, number][] }[];
	boundary: [number, number][];
};

describe('GET /api/v1/kiosk/estate', () => {
	it('gives the kiosk its estate: name, emergency line, buildings in number order, public places and outline', async () => {
		const res = await api.request('/api/v1/kiosk/estate', { bearer: kiosk.token });
		expect(res.status).toBe(200);
		const body = (await res.json()) as KioskEstateBody;
		expect(Object.keys(body).sort()).toEqual([
			'boundary',
			'buildings',
			'code',
			'emergencyPhone',
			'name',
			'publicPlaces',
			'timeZone',
		]);
		expect(body).toMatchObject({
			name: '翠湖天地 MAPPED',
			code: expect.stringMatching(/^MAPPED-/),
			timeZone: 'Asia/Shanghai',
			emergencyPhone: '021-5878 6110',
		});
		expect(body.buildings.map((b) => b.number)).toEqual(['3', '12', '会所']);
		expect(body.buildings[0]).toEqual({ id: expect.any(String), number: '3', name: '3栋' });
		expect(body.boundary).toEqual(ring(121.5, 31.2, 0.01));

		// Areas as their outer ring, a gate as a small square; lines, checkpoints, unnamed and broken shapes left out.
		expect(body.publicPlaces.map((p) => [p.kind, p.name])).toEqual([
			['gate', '北大门'],
			['green', '中心花园'],
			['water', '景观水池'],
		]);
		expect(body.publicPlaces[1]?.polygon).toEqual(ring(121.502, 31.202, 0.001));
		expect(body.publicPlaces[2]?.polygon).toEqual(ring(121.504, 31.204, 0.0005));
		const gate = body.publicPlaces[0]?.polygon ?? [];
		expect(gate).toHaveLength(5);
		expect(gate[0]).toEqual(gate[4]);
		const [west, south] = gate[0] ?? [0, 0];
		const [east, north] = gate[2] ?? [0, 0];
		expect(west).toBeLessThan(121.505);
		expect(east).toBeGreaterThan(121.505);
		expect((north - south) * 111_320).toBeCloseTo(2 * POINT_PLACE_HALF_SIDE_M, 1);
		expect(JSON.stringify(body)).not.toMatch(/巡更|华庭一路/);
	});

	it('says null for the emergency line when the estate has none, and shows only its own estate', async () => {
		const body = (await (
			await api.request('/api/v1/kiosk/estate', { bearer: bareKiosk.token })
		).json()) as KioskEstateBody;
		expect(body.emergencyPhone).toBeNull();
		expect(body.buildings.map((b) => b.number)).toEqual(['9']);
		expect(body.publicPlaces).toEqual([]);
		expect(body.boundary).toEqual([]);
	});

	it('is for kiosks only', async () => {
		expect((await api.request('/api/v1/kiosk/estate')).status).toBe(401);
		expect((await api.request('/api/v1/kiosk/estate', { session: desk.session })).status).toBe(403);
	});
});

describe('outlineOf', () => {
	it.each([
		['a polygon: its outer ring', { type: 'Polygon', coordinates: [ring(1, 1, 1), ring(1.2, 1.2, 0.1)] }, 5],
		[
			'a line: nothing',
			{
				type: 'LineString',
				coordinates: [
					[1, 1],
					[2, 2],
				],
			},
			null,
		],
		['garbage: nothing', { type: 'Polygon', coordinates: 'x' }, null],
		['null: nothing', null, null],
	])('takes %s', (_, geometry, corners) => {
		const outline = outlineOf(geometry);
		expect(outline === null ? null : outline.length).toBe(corners);
	});
});
