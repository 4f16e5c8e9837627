import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { createSite } from '#test/site-factory';
import { buildings, estates, mapFeatures, zones } from '../../db/schema/index';

let api: TestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let control: { session: string };
let otherControl: { session: string };
let kioskToken: string;

const square = (lng: number, lat: number, d = 0.0002) => ({
	type: 'Polygon',
	coordinates: [
		[
			[lng, lat],
			[lng + d, lat],
			[lng + d, lat + d],
			[lng, lat + d],
			[lng, lat],
		],
	],
});

type SitePlanBody = {
	type: string;
	features: {
		id: string;
		geometry: { type: string };
		properties: { layer: string; kind: string; name: string | null } & Record<string, unknown>;
	}[];
};

beforeAll(async () => {
	api = await createTestApi();
	estateId = await api.createEstate('MAP');
	const otherEstateId = await api.createEstate('ELSEWHERE');
	await api.db
		.update(estates)
		.set({
			name: '御景华庭',
			nameEn: 'Imperial Garden Residences',
			timeZone: 'Asia/Shanghai',
			boundary: square(121.54, 31.2, 0.005),
		})
		.where(eq(estates.id, estateId));
	site = await createSite(api.db, estateId, '3');
	await api.db
		.update(buildings)
		.set({ footprint: square(121.545, 31.205), centreLng: 121.5451, centreLat: 31.2051 })
		.where(eq(buildings.id, site.buildingId));
	await api.db.insert(mapFeatures).values([
		{
			estateId,
			kind: 'road',
			name: '环路',
			geometry: {
				type: 'LineString',
				coordinates: [
					[121.541, 31.201],
					[121.549, 31.201],
				],
			},
		},
		{
			estateId,
			kind: 'gate',
			name: '北门',
			geometry: { type: 'Point', coordinates: [121.545, 31.209] },
			properties: { main: true },
		},
		// A feature drawn for another estate never shows on this one's map.
		{
			estateId: otherEstateId,
			kind: 'gate',
			name: '别家大门',
			geometry: { type: 'Point', coordinates: [121.4, 31.1] },
		},
	]);
	await api.db.insert(zones).values({
		estateId,
		kind: 'corridor',
		name: '3栋楼道',
		buildingId: site.buildingId,
		geometry: square(121.545, 31.205),
	});
	await createSite(api.db, otherEstateId, '9');
	control = await api.staffSession(estateId, ['control_room']);
	otherControl = await api.staffSession(otherEstateId, ['control_room']);
	const admin = await api.staffSession(estateId, ['admin']);
	const issued = await api.request('/api/v1/devices', {
		method: 'POST',
		session: admin.session,
		json: { kind: 'kiosk', name: '3栋大堂' },
	});
	kioskToken = ((await issued.json()) as { token: string }).token;
}, 60_000);
afterAll(() => api.close());

describe('GET /api/v1/estate', () => {
	it("answers the caller's estate with its time zone, centre and boundary", async () => {
		const res = await api.request('/api/v1/estate', { session: control.session });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			id: estateId,
			name: '御景华庭',
			nameEn: 'Imperial Garden Residences',
			timeZone: 'Asia/Shanghai',
			centre: [121.47, 31.23],
			boundary: { type: 'Polygon' },
		});
	});

	it.each([
		['without a session', {}, 401],
		['for a kiosk, which has no estate.read', { bearer: 'kiosk' }, 403],
	])('refuses %s', async (_, auth, status) => {
		const init = 'bearer' in auth ? { bearer: kioskToken } : {};
		const res = await api.request('/api/v1/estate', init);
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toMatch(/problem\+json/);
	});
});

describe('GET /api/v1/estate/site-plan', () => {
	it('draws map features, building footprints and zones as one FeatureCollection, each with its layer and kind', async () => {
		const res = await api.request('/api/v1/estate/site-plan', { session: control.session });
		expect(res.status).toBe(200);
		const body = (await res.json()) as SitePlanBody;
		expect(body.type).toBe('FeatureCollection');
		const summary = body.features.map((f) => [
			f.properties.layer,
			f.properties.kind,
			f.properties.name,
			f.geometry.type,
		]);
		expect(summary).toEqual(
			expect.arrayContaining([
				['feature', 'road', '环路', 'LineString'],
				['feature', 'gate', '北门', 'Point'],
				['building', 'tower', '3栋', 'Polygon'],
				['zone', 'corridor', '3栋楼道', 'Polygon'],
			]),
		);
		expect(summary).toHaveLength(4);
	});

	it("keeps a feature's own properties and a building's number and floors", async () => {
		const body = (await (
			await api.request('/api/v1/estate/site-plan', { session: control.session })
		).json()) as SitePlanBody;
		expect(body.features.find((f) => f.properties.kind === 'gate')?.properties['main']).toBe(true);
		expect(body.features.find((f) => f.properties.layer === 'building')?.properties).toMatchObject({
			number: '3',
			floors: 20,
		});
		expect(body.features.find((f) => f.properties.layer === 'zone')?.properties['buildingId']).toBe(
			site.buildingId,
		);
	});

	it("shows another estate's staff only their own estate", async () => {
		const body = (await (
			await api.request('/api/v1/estate/site-plan', { session: otherControl.session })
		).json()) as SitePlanBody;
		expect(body.features.map((f) => f.properties.name)).toEqual(['别家大门']);
	});
});

describe('GET /api/v1/estate/buildings', () => {
	it('lists buildings with units and rooms in number order, for the room lookup', async () => {
		const res = await api.request('/api/v1/estate/buildings', { session: control.session });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			buildings: [
				{
					id: site.buildingId,
					number: '3',
					name: '3栋',
					kind: 'tower',
					floors: 20,
					centre: [121.5451, 31.2051],
					units: [
						{
							id: site.unitId,
							number: '2',
							rooms: [
								{ id: site.roomIds[0], number: '1201', floor: 12 },
								{ id: site.roomIds[1], number: '1202', floor: 12 },
								{ id: site.roomIds[2], number: '1203', floor: 12 },
							],
						},
					],
				},
			],
		});
	});

	it('names the staff of the estate only, for timelines and cards', async () => {
		const res = await api.request('/api/v1/estate/staff', { session: control.session });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { staff: { id: string; roles: string[] }[] };
		expect(body.staff.map((member) => member.roles[0]).sort()).toEqual(['admin', 'control_room']);
	});

	it('is described in the OpenAPI document', async () => {
		const doc = (await (await api.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(['/api/v1/estate', '/api/v1/estate/site-plan', '/api/v1/estate/buildings']),
		);
	});
});
