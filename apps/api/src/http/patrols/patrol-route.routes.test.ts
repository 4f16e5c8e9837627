import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { mapFeatures, patrolCheckpoints, patrolRounds, zones } from '../../db/schema/index';
import { gardenRouteBody, outbox, shanghai } from './patrols.fixtures';

// 09:00 on Monday 2 March 2026 in Shanghai.
const START = shanghai('2026-03-02', '09:00');

type RouteJson = {
	id: string;
	version: number;
	name: string;
	archivedAt: string | null;
	checkpoints: { id: string; name: string; code?: string; sequence: number; zoneId: string | null }[];
};
type ProblemJson = { code?: string; errors?: { path: string; message: string }[] };

let api: TestApi;
let estateId: string;
let manager: { id: string; session: string };
let guard: { id: string; session: string };
let control: { id: string; session: string };
let cleaner: { id: string; session: string };
let lawnZoneId: string;

beforeAll(async () => {
	api = await createTestApi({ start: START });
	estateId = await api.createEstate('PR');
	manager = await api.staffSession(estateId, ['manager']);
	guard = await api.staffSession(estateId, ['guard']);
	control = await api.staffSession(estateId, ['control_room']);
	cleaner = await api.staffSession(estateId, ['cleaner']);
	const [zone] = await api.db
		.insert(zones)
		.values({
			estateId,
			kind: 'green',
			name: '中心草坪',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[121.47, 31.23],
						[121.48, 31.23],
						[121.48, 31.24],
						[121.47, 31.23],
					],
				],
			},
		})
		.returning({ id: zones.id });
	lawnZoneId = zone?.id ?? '';
});
afterAll(() => api.close());

const create = (body: unknown, session = manager.session) =>
	api.request('/api/v1/patrols/routes', { method: 'POST', session, json: body });
const update = (id: string, body: unknown, session = manager.session) =>
	api.request(`/api/v1/patrols/routes/${id}`, { method: 'PUT', session, json: body });
const roundsOf = (routeId: string) =>
	api.db.select().from(patrolRounds).where(eq(patrolRounds.routeId, routeId)).orderBy(patrolRounds.startsAt);

describe('creating a patrol route', () => {
	it('stores the route and its checkpoints, the first line of its history, its map features, its rounds from now on and an event', async () => {
		const res = await create(gardenRouteBody('C1'));
		expect(res.status).toBe(201);
		const route = (await res.json()) as RouteJson;
		expect(route).toMatchObject({ name: '中心花园线', version: 1, archivedAt: null });
		expect(route.checkpoints.map((c) => [c.sequence, c.name, c.code])).toEqual([
			[1, '南门', 'C1-GATE-7F3A'],
			[2, '景观水池', 'C1-POND-91BC'],
			[3, '会所', 'C1-CLUB-2D44'],
		]);

		const detail = (await (
			await api.request(`/api/v1/patrols/routes/${route.id}`, { session: control.session })
		).json()) as RouteJson & { history: { version: number; type: string }[] };
		expect(detail.history.map((h) => [h.version, h.type])).toEqual([[1, 'patrol.routeCreated']]);

		const features = await api.db
			.select()
			.from(mapFeatures)
			.where(and(eq(mapFeatures.estateId, estateId), eq(mapFeatures.kind, 'checkpoint')));
		const own = features.filter((f) => f.properties['routeId'] === route.id);
		expect(own.map((f) => f.id).sort()).toEqual(route.checkpoints.map((c) => c.id).sort());
		expect(own.every((f) => !('code' in f.properties))).toBe(true);

		// Created at 09:00: today's day rounds from 10:00 (every 2 h to 20:00) and the night's 22:00, 01:00, 04:00.
		const rounds = await roundsOf(route.id);
		expect(rounds.map((r) => r.startsAt.toISOString())).toEqual(
			[
				shanghai('2026-03-02', '10:00'),
				shanghai('2026-03-02', '12:00'),
				shanghai('2026-03-02', '14:00'),
				shanghai('2026-03-02', '16:00'),
				shanghai('2026-03-02', '18:00'),
				shanghai('2026-03-02', '20:00'),
				shanghai('2026-03-02', '22:00'),
				shanghai('2026-03-03', '01:00'),
				shanghai('2026-03-03', '04:00'),
			].map((d) => d.toISOString()),
		);
		expect(new Set(rounds.map((r) => r.localDate))).toEqual(new Set(['2026-03-02']));

		const created = (await outbox(api.db, estateId, 'patrol.route')).filter(
			(e) => e.aggregateId === route.id,
		);
		expect(created.map((e) => e.type)).toEqual(['patrol.routeCreated']);
		expect(created[0]?.payload).toMatchObject({
			routeId: route.id,
			version: 1,
			checkpointIds: route.checkpoints.map((c) => c.id),
		});
	});

	it('keeps checkpoint codes from guards and the control room, who walk to the plate rather than read it', async () => {
		await create(gardenRouteBody('C2'));
		for (const session of [guard.session, control.session]) {
			const res = await api.request('/api/v1/patrols/routes', { session });
			expect(res.status).toBe(200);
			const { routes } = (await res.json()) as { routes: RouteJson[] };
			expect(routes.length).toBeGreaterThan(0);
			expect(routes.flatMap((r) => r.checkpoints).some((c) => c.code !== undefined)).toBe(false);
		}
	});

	it('records the zone a checkpoint stands in', async () => {
		const body = gardenRouteBody('C3');
		body.checkpoints[0] = { ...body.checkpoints[0], zoneId: lawnZoneId } as (typeof body.checkpoints)[number];
		const route = (await (await create(body)).json()) as RouteJson;
		expect(route.checkpoints.map((c) => c.zoneId)).toEqual([lawnZoneId, null, null]);
	});

	it.each<[string, Record<string, unknown>, number, string, string]>([
		[
			'overlapping day and night',
			{ night: { start: '20:00', end: '06:00', intervalHours: 2 } },
			422,
			'PATROL_ROUTE.INVALID',
			'night',
		],
		[
			'a window longer than the interval',
			{ windowMinutes: 150 },
			422,
			'PATROL_ROUTE.INVALID',
			'day.intervalHours',
		],
		[
			'expected minutes out of order',
			{
				checkpoints: [
					{ name: 'A', code: 'X-A', point: [121.47, 31.23], expectedMinute: 30 },
					{ name: 'B', code: 'X-B', point: [121.47, 31.23], expectedMinute: 10 },
				],
			},
			422,
			'PATROL_ROUTE.INVALID',
			'checkpoints.1.expectedMinute',
		],
		[
			'a code twice on the route',
			{
				checkpoints: [
					{ name: 'A', code: 'X-SAME', point: [121.47, 31.23] },
					{ name: 'B', code: 'X-SAME', point: [121.47, 31.23] },
				],
			},
			422,
			'PATROL_ROUTE.INVALID',
			'checkpoints.1.code',
		],
		[
			'a code another route uses',
			{
				checkpoints: [{ name: 'A', code: 'C1-GATE-7F3A', point: [121.47, 31.23] }],
			},
			409,
			'PATROL_ROUTE.CODE_TAKEN',
			'checkpoints.0.code',
		],
		[
			'a zone of no estate',
			{
				checkpoints: [
					{ name: 'A', code: 'X-Z', point: [121.47, 31.23], zoneId: '00000000-0000-4000-8000-000000000000' },
				],
			},
			422,
			'ZONE.NOT_FOUND',
			'checkpoints.0.zoneId',
		],
		['no checkpoints', { checkpoints: [] }, 400, 'REQUEST.INVALID', 'checkpoints'],
		[
			'a point off the globe',
			{
				checkpoints: [{ name: 'A', code: 'X-P', point: [221.47, 31.23] }],
			},
			400,
			'REQUEST.INVALID',
			'checkpoints.0.point.0',
		],
		[
			'a period of HH:MM that is not',
			{ day: { start: '6am', end: '22:00', intervalHours: 2 } },
			400,
			'REQUEST.INVALID',
			'day.start',
		],
	])('refuses %s and changes nothing', async (_case, overrides, status, code, path) => {
		const before = await api.db.$count(patrolCheckpoints);
		const res = await create(gardenRouteBody('BAD', overrides));
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		const body = (await res.json()) as ProblemJson;
		expect(body.code).toBe(code);
		expect(body.errors?.map((e) => e.path)).toContain(path);
		expect(await api.db.$count(patrolCheckpoints)).toBe(before);
	});

	it.each([
		['a guard', () => guard.session, 403],
		['the control room', () => control.session, 403],
		['nobody', () => undefined, 401],
	])('is not for %s', async (_who, session, status) => {
		const s = session();
		const res = await api.request('/api/v1/patrols/routes', {
			method: 'POST',
			json: gardenRouteBody('NO'),
			...(s ? { session: s } : {}),
		});
		expect(res.status).toBe(status);
	});

	it('is not read by a cleaner', async () => {
		expect((await api.request('/api/v1/patrols/routes', { session: cleaner.session })).status).toBe(403);
	});
});

describe('editing a patrol route', () => {
	it('keeps the round in progress as it was and generates the rounds to come from the new version', async () => {
		const route = (await (await create(gardenRouteBody('E1'))).json()) as RouteJson;
		api.advance(65 * 60_000); // 10:05: the 10:00 round is under way
		const [gate, pond] = route.checkpoints;
		const res = await update(route.id, {
			...gardenRouteBody('E1'),
			expectedVersion: 1,
			checkpoints: [
				{
					id: pond?.id,
					name: '景观水池',
					code: 'E1-POND-91BC',
					point: [121.4747, 31.2314],
					expectedMinute: 10,
				},
				{
					id: gate?.id,
					name: '南门岗亭',
					code: 'E1-GATE-7F3A',
					point: [121.4737, 31.2304],
					expectedMinute: 20,
				},
				{ name: '北门', code: 'E1-NORTH-11AA', point: [121.4767, 31.2334], expectedMinute: 40 },
			],
		});
		expect(res.status).toBe(200);
		const edited = (await res.json()) as RouteJson;
		expect(edited.version).toBe(2);
		expect(edited.checkpoints.map((c) => [c.sequence, c.name])).toEqual([
			[1, '景观水池'],
			[2, '南门岗亭'],
			[3, '北门'],
		]);
		expect(edited.checkpoints[0]?.id).toBe(pond?.id);

		const rounds = await roundsOf(route.id);
		const names = (round: (typeof rounds)[number] | undefined) =>
			(round?.round as { checkpoints: { name: string }[] }).checkpoints.map((c) => c.name);
		expect(
			names(rounds.find((r) => r.startsAt.getTime() === shanghai('2026-03-02', '10:00').getTime())),
		).toEqual(['南门', '景观水池', '会所']);
		expect(
			names(rounds.find((r) => r.startsAt.getTime() === shanghai('2026-03-02', '12:00').getTime())),
		).toEqual(['景观水池', '南门岗亭', '北门']);

		// The club's checkpoint is retired, so its code is free again.
		const club = route.checkpoints[2];
		const [retired] = await api.db
			.select()
			.from(patrolCheckpoints)
			.where(eq(patrolCheckpoints.id, club?.id ?? ''));
		expect(retired?.archivedAt).not.toBeNull();
		const reuse = await create(
			gardenRouteBody('E2', {
				checkpoints: [{ name: '会所', code: 'E1-CLUB-2D44', point: [121.4757, 31.2324] }],
			}),
		);
		expect(reuse.status).toBe(201);
		api.advance(-65 * 60_000);
	});

	it('refuses an edit made on a stale version, an unknown checkpoint id, and an unknown route', async () => {
		const route = (await (await create(gardenRouteBody('E3'))).json()) as RouteJson;
		expect((await update(route.id, { ...gardenRouteBody('E3'), name: '新名字' })).status).toBe(200);
		const stale = await update(route.id, { ...gardenRouteBody('E3'), expectedVersion: 1 });
		expect(stale.status).toBe(409);
		expect(((await stale.json()) as ProblemJson).code).toBe('PATROL_ROUTE.VERSION_CONFLICT');

		const stranger = await update(route.id, {
			...gardenRouteBody('E3'),
			checkpoints: [
				{ id: '00000000-0000-4000-8000-000000000000', name: 'A', code: 'E3-A', point: [121.47, 31.23] },
			],
		});
		expect(stranger.status).toBe(422);
		expect(((await stranger.json()) as ProblemJson).errors?.[0]?.path).toBe('checkpoints.0.id');

		const nowhere = await update('00000000-0000-4000-8000-000000000000', gardenRouteBody('E3'));
		expect(nowhere.status).toBe(404);
	});

	it('lets codes move between the checkpoints of one route', async () => {
		const route = (await (await create(gardenRouteBody('E4'))).json()) as RouteJson;
		const [a, b, c] = route.checkpoints;
		const res = await update(route.id, {
			...gardenRouteBody('E4'),
			checkpoints: [
				{ id: a?.id, name: '南门', code: 'E4-POND-91BC', point: [121.4737, 31.2304], expectedMinute: 15 },
				{ id: b?.id, name: '景观水池', code: 'E4-GATE-7F3A', point: [121.4747, 31.2314], expectedMinute: 30 },
				{ id: c?.id, name: '会所', code: 'E4-CLUB-2D44', point: [121.4757, 31.2324], expectedMinute: 45 },
			],
		});
		expect(res.status).toBe(200);
		expect(((await res.json()) as RouteJson).checkpoints.map((cp) => cp.code)).toEqual([
			'E4-POND-91BC',
			'E4-GATE-7F3A',
			'E4-CLUB-2D44',
		]);
	});
});

describe('retiring a patrol route', () => {
	it('stops its rounds to come, takes it off the map and the list, and keeps it readable', async () => {
		const route = (await (await create(gardenRouteBody('A1'))).json()) as RouteJson;
		const res = await api.request(`/api/v1/patrols/routes/${route.id}?expectedVersion=1`, {
			method: 'DELETE',
			session: manager.session,
		});
		expect(res.status).toBe(200);
		expect(((await res.json()) as RouteJson).archivedAt).not.toBeNull();
		expect(await roundsOf(route.id)).toEqual([]);
		const features = await api.db
			.select({ n: sql<number>`count(*)::int` })
			.from(mapFeatures)
			.where(sql`${mapFeatures.properties}->>'routeId' = ${route.id}`);
		expect(features[0]?.n).toBe(0);

		const listed = (await (
			await api.request('/api/v1/patrols/routes', { session: manager.session })
		).json()) as {
			routes: RouteJson[];
		};
		expect(listed.routes.map((r) => r.id)).not.toContain(route.id);
		const all = (await (
			await api.request('/api/v1/patrols/routes?includeArchived=true', { session: manager.session })
		).json()) as { routes: RouteJson[] };
		expect(all.routes.find((r) => r.id === route.id)?.checkpoints).toHaveLength(3);
		expect(
			(await api.request(`/api/v1/patrols/routes/${route.id}`, { session: manager.session })).status,
		).toBe(200);

		expect((await update(route.id, gardenRouteBody('A1'))).status).toBe(404);
		const again = await api.request(`/api/v1/patrols/routes/${route.id}`, {
			method: 'DELETE',
			session: manager.session,
		});
		expect(again.status).toBe(404);
		expect((await create(gardenRouteBody('A1'))).status).toBe(201);
	});
});

describe('checkpoint plates', () => {
	it('prints the code as a QR with the checkpoint, its number and route, for those who edit routes', async () => {
		const route = (await (await create(gardenRouteBody('P1'))).json()) as RouteJson;
		const pond = route.checkpoints[1];
		const res = await api.request(`/api/v1/patrols/checkpoints/${pond?.id}/plate`, {
			session: manager.session,
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		const svg = await res.text();
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('景观水池');
		expect(svg).toContain('P1-POND-91BC');
		expect(svg).toContain('中心花园线 · 第 2 点');
		expect(svg).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+"/);
	});

	it('is refused to guards and unknown for a checkpoint of no route', async () => {
		const route = (await (await create(gardenRouteBody('P2'))).json()) as RouteJson;
		const plate = `/api/v1/patrols/checkpoints/${route.checkpoints[0]?.id}/plate`;
		expect((await api.request(plate, { session: guard.session })).status).toBe(403);
		const missing = await api.request(
			'/api/v1/patrols/checkpoints/00000000-0000-4000-8000-000000000000/plate',
			{
				session: manager.session,
			},
		);
		expect(missing.status).toBe(404);
		expect(((await missing.json()) as ProblemJson).code).toBe('PATROL.CHECKPOINT_NOT_FOUND');
	});
});
