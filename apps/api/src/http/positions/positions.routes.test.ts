import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionFixes, positionsLatest } from '../../db/schema/index';
import { createPositionService } from '../../services/position.service';
import {
	ACROSS_THE_ROAD,
	createPositionsTestApi,
	INSIDE,
	metresBetween,
	type PositionsTestApi,
} from './positions.fixtures';

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;

let api: PositionsTestApi;
let control: { id: string; session: string };

beforeAll(async () => {
	api = await createPositionsTestApi();
	control = await api.staffSession(api.estateId, ['control_room']);
}, 60_000);
afterAll(() => api.close());

const guardOnDuty = () => api.staffSession(api.estateId, ['guard']);

const latestOf = async (personId: string) => {
	const res = await api.request('/api/v1/positions', { session: control.session });
	expect(res.status).toBe(200);
	const body = (await json(res)) as { positions: Json[] };
	return body.positions.find((position) => position['personId'] === personId);
};

const trackRows = (personId: string) =>
	api.db
		.select()
		.from(positionFixes)
		.where(eq(positionFixes.personId, personId))
		.orderBy(positionFixes.deviceTime);

describe('reporting positions', () => {
	it('answers a batch with what it kept, and has written the fixes by the time it answers', async () => {
		const guard = await guardOnDuty();
		const res = await api.report({ session: guard.session }, [
			api.fix(30, INSIDE, { headingDeg: 90, speedMps: 1.2, batteryPct: 81 }),
			api.fix(20),
			api.fix(10),
		]);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual({ accepted: 3, duplicates: 0, outOfOrder: 0, refused: [] });
		const stored = await trackRows(guard.id);
		expect(stored).toHaveLength(3);
		expect(stored[0]).toMatchObject({
			headingDeg: 90,
			speedMps: expect.closeTo(1.2, 5) as unknown,
			batteryPct: 81,
		});
		const [latest] = await api.db
			.select()
			.from(positionsLatest)
			.where(eq(positionsLatest.personId, guard.id));
		expect(latest?.deviceTime.getTime()).toBe(api.now().getTime() - 10_000);
		expect(latest?.role).toBe('guard');
	});

	it('drops a resent batch as duplicates and a late older fix as out of order, and counts them', async () => {
		const guard = await guardOnDuty();
		const first = [api.fix(40), api.fix(30), api.fix(20)];
		await api.report({ session: guard.session }, first);
		const resent = await api.report({ session: guard.session }, first);
		expect(await json(resent)).toEqual({ accepted: 0, duplicates: 3, outOfOrder: 0, refused: [] });
		const late = await api.report({ session: guard.session }, [api.fix(25), api.fix(5), api.fix(20)]);
		expect(await json(late)).toEqual({ accepted: 1, duplicates: 1, outOfOrder: 1, refused: [] });
		expect((await trackRows(guard.id)).map((row) => api.now().getTime() - row.deviceTime.getTime())).toEqual([
			40_000, 30_000, 20_000, 5_000,
		]);
	});

	it('takes a batch sent in any order in device-time order', async () => {
		const guard = await guardOnDuty();
		const res = await api.report({ session: guard.session }, [api.fix(5), api.fix(15), api.fix(10)]);
		expect(await json(res)).toMatchObject({ accepted: 3, outOfOrder: 0 });
		const latest = await latestOf(guard.id);
		expect(latest?.['at']).toBe(new Date(api.now().getTime() - 5_000).toISOString());
	});

	it('refuses fixes from the future one by one, naming each, and keeps the rest', async () => {
		const guard = await guardOnDuty();
		const res = await api.report({ session: guard.session }, [api.fix(10), api.fix(-31), api.fix(-20)]);
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body).toMatchObject({ accepted: 2, duplicates: 0, outOfOrder: 0 });
		expect(body['refused']).toEqual([
			{
				index: 1,
				path: 'fixes.1.deviceTime',
				code: 'POSITION.FROM_THE_FUTURE',
				message: expect.stringContaining('ahead') as unknown,
			},
		]);
		expect(await trackRows(guard.id)).toHaveLength(2);
	});

	it('keeps the duplicate guard across instances: a fix resent to another instance is kept once', async () => {
		const guard = await guardOnDuty();
		const fixes = [api.fix(20), api.fix(10)];
		await api.report({ session: guard.session }, fixes);
		// A second api instance on the same database, with nothing in its memory.
		const other = createPositionService({ db: api.db, now: api.now, writer: { flushMs: 5 } });
		const again = await other.report({ estateId: api.estateId, personId: guard.id, deviceId: null }, [
			{
				deviceTime: new Date(String(fixes[0]?.['deviceTime'])),
				lng: INSIDE[0],
				lat: INSIDE[1],
				accuracyM: 6,
			},
			{
				deviceTime: new Date(String(fixes[1]?.['deviceTime'])),
				lng: INSIDE[0],
				lat: INSIDE[1],
				accuracyM: 6,
			},
		]);
		expect(again).toEqual({ ok: true, value: { accepted: 0, duplicates: 2, outOfOrder: 0, refused: [] } });
		await other.close();
		expect(await trackRows(guard.id)).toHaveLength(2);
	});

	it('takes reports from a field phone for the staff member it was issued to', async () => {
		const cleaner = await api.staffSession(api.estateId, ['cleaner']);
		const phone = await api.issueFieldPhone(cleaner.id);
		const res = await api.report({ bearer: phone }, [api.fix(3)]);
		expect(await json(res)).toMatchObject({ accepted: 1 });
		const [row] = await trackRows(cleaner.id);
		expect(row?.deviceId).toEqual(expect.any(String));
		expect((await latestOf(cleaner.id))?.['role']).toBe('cleaner');
	});

	it('refuses a field phone issued to someone who does not work in the field, writing nothing', async () => {
		const dispatcher = await api.staffSession(api.estateId, ['dispatcher']);
		const phone = await api.issueFieldPhone(dispatcher.id);
		const res = await api.report({ bearer: phone }, [api.fix(3)]);
		expect(res.status).toBe(403);
		expect(await json(res)).toMatchObject({ code: 'POSITION.NOT_FIELD_STAFF' });
		expect(await trackRows(dispatcher.id)).toEqual([]);
	});
});

describe('bad reports', () => {
	it.each<[string, unknown, string]>([
		[
			'a latitude beyond the pole',
			{ fixes: [{ deviceTime: '2026-03-02T01:00:00Z', lng: 121.47, lat: 91, accuracyM: 5 }] },
			'fixes.0.lat',
		],
		[
			'a fix without accuracy',
			{ fixes: [{ deviceTime: '2026-03-02T01:00:00Z', lng: 121.47, lat: 31.2 }] },
			'fixes.0.accuracyM',
		],
		[
			'a time without an offset',
			{ fixes: [{ deviceTime: '2026-03-02 09:00', lng: 121.47, lat: 31.2, accuracyM: 5 }] },
			'fixes.0.deviceTime',
		],
		[
			'an unknown datum',
			{
				fixes: [
					{ deviceTime: '2026-03-02T01:00:00Z', lng: 121.47, lat: 31.2, accuracyM: 5, datum: 'cgcs2000' },
				],
			},
			'fixes.0.datum',
		],
		[
			'a heading over 360°',
			{
				fixes: [
					{ deviceTime: '2026-03-02T01:00:00Z', lng: 121.47, lat: 31.2, accuracyM: 5, headingDeg: 400 },
				],
			},
			'fixes.0.headingDeg',
		],
		['an empty batch', { fixes: [] }, 'fixes'],
		[
			'more than 100 fixes',
			{
				fixes: Array.from({ length: 101 }, () => ({
					deviceTime: '2026-03-02T01:00:00Z',
					lng: 121.47,
					lat: 31.2,
					accuracyM: 5,
				})),
			},
			'fixes',
		],
	])('refuses %s with 400 naming the field, and writes nothing', async (_, body, path) => {
		const guard = await guardOnDuty();
		const res = await api.request('/api/v1/positions', {
			method: 'POST',
			session: guard.session,
			json: body,
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(((await json(res))['errors'] as Json[]).map((error) => error['path'])).toContain(path);
		expect(await trackRows(guard.id)).toEqual([]);
	});
});

describe('coordinates that are right in China', () => {
	// The Oriental Pearl Tower (东方明珠), WGS-84 as published by Waymarking (WMRDJT, from GPS):
	// N 31° 14.520′ E 121° 29.705′.
	const pearlWgs84: [number, number] = [121 + 29.705 / 60, 31 + 14.52 / 60];
	// The same point in GCJ-02 and BD-09, computed outside this project with an independent implementation of
	// the published obfuscation formulas (Krasovsky ellipsoid, a = 6378245, ee = 0.00669342162296594323, and
	// Baidu's BD-09 step), rounded to 1e-6° (about 0.1 m). Not computed by gcoord.
	const pearlGcj02: [number, number] = [121.499533, 31.240001];
	const pearlBd09: [number, number] = [121.506143, 31.245641];

	it.each<[string, [number, number]]>([
		['GCJ-02', pearlGcj02],
		['BD-09', pearlBd09],
	])(
		'lands a %s report of the Oriental Pearl Tower within 5 m of its WGS-84 position',
		async (name, point) => {
			const guard = await guardOnDuty();
			const datum = name === 'GCJ-02' ? 'gcj02' : 'bd09';
			// The datum's offset here is about half a kilometre: the map would show the guard in the river.
			expect(metresBetween(point, pearlWgs84)).toBeGreaterThan(400);
			await api.report({ session: guard.session }, [api.fix(2, point, { datum })]);
			const latest = await latestOf(guard.id);
			const stored: [number, number] = [Number(latest?.['lng']), Number(latest?.['lat'])];
			expect(metresBetween(stored, pearlWgs84)).toBeLessThan(5);
			const [row] = await trackRows(guard.id);
			expect(row?.reportedDatum).toBe(datum);
			expect(metresBetween([row?.lng ?? 0, row?.lat ?? 0], pearlWgs84)).toBeLessThan(5);
		},
	);

	it('takes a report without a datum as WGS-84, unchanged', async () => {
		const guard = await guardOnDuty();
		await api.report({ session: guard.session }, [api.fix(2, pearlWgs84)]);
		const latest = await latestOf(guard.id);
		expect([latest?.['lng'], latest?.['lat']]).toEqual(pearlWgs84);
		expect((await trackRows(guard.id))[0]?.reportedDatum).toBe('wgs84');
	});
});

describe('the latest positions', () => {
	it('shows a person live, then stale after two minutes without a fix', async () => {
		const guard = await guardOnDuty();
		await api.report({ session: guard.session }, [api.fix(0)]);
		expect(await latestOf(guard.id)).toMatchObject({ stale: false, outside: false, role: 'guard' });
		api.advance(119_000);
		expect((await latestOf(guard.id))?.['stale']).toBe(false);
		api.advance(1_000);
		expect((await latestOf(guard.id))?.['stale']).toBe(true);
		await api.report({ session: guard.session }, [api.fix(0)]);
		expect((await latestOf(guard.id))?.['stale']).toBe(false);
	});

	it("flags a person outside the estate's boundary, and not once they are back", async () => {
		const guard = await guardOnDuty();
		await api.report({ session: guard.session }, [api.fix(5, ACROSS_THE_ROAD)]);
		expect(await latestOf(guard.id)).toMatchObject({ outside: true, stale: false });
		await api.report({ session: guard.session }, [api.fix(1, INSIDE)]);
		expect(await latestOf(guard.id)).toMatchObject({ outside: false });
	});

	it("shows only the caller's estate, with names for the map's labels", async () => {
		const guard = await guardOnDuty();
		await api.report({ session: guard.session }, [api.fix(1)]);
		const otherEstate = await api.createEstate('ELSEWHERE');
		const elsewhere = await api.staffSession(otherEstate, ['control_room']);
		const res = await api.request('/api/v1/positions', { session: elsewhere.session });
		expect(await json(res)).toMatchObject({ positions: [] });
		expect((await latestOf(guard.id))?.['displayName']).toEqual(expect.any(String));
	});
});

describe('tracks', () => {
	it('gives the last 30 minutes by default, oldest first, and up to 240 on request', async () => {
		const guard = await guardOnDuty();
		await api.report({ session: guard.session }, [
			api.fix(3 * 3600),
			api.fix(45 * 60),
			api.fix(20 * 60),
			api.fix(60),
		]);
		const byDefault = await json(
			await api.request(`/api/v1/positions/${guard.id}/track`, { session: control.session }),
		);
		expect((byDefault['points'] as Json[]).map((point) => point['at'])).toEqual([
			new Date(api.now().getTime() - 20 * 60_000).toISOString(),
			new Date(api.now().getTime() - 60_000).toISOString(),
		]);
		expect(byDefault['from']).toBe(new Date(api.now().getTime() - 30 * 60_000).toISOString());
		const longer = await json(
			await api.request(`/api/v1/positions/${guard.id}/track?minutes=240`, { session: control.session }),
		);
		expect(longer['points']).toHaveLength(4);
	});

	it.each<[string, string, number, string | null]>([
		['more than four hours', '?minutes=241', 400, 'minutes'],
		['no minutes at all', '?minutes=0', 400, 'minutes'],
	])('refuses %s', async (_, query, status, path) => {
		const guard = await guardOnDuty();
		const res = await api.request(`/api/v1/positions/${guard.id}/track${query}`, {
			session: control.session,
		});
		expect(res.status).toBe(status);
		expect(((await json(res))['errors'] as Json[]).map((error) => error['path'])).toContain(path);
	});

	it('answers 400 for an id that is no id, and 404 for someone not on the estate', async () => {
		const bad = await api.request('/api/v1/positions/guard-li/track', { session: control.session });
		expect(bad.status).toBe(400);
		expect(((await json(bad))['errors'] as Json[]).map((error) => error['path'])).toContain('personId');
		const stranger = await api.staffSession(await api.createEstate('AWAY'), ['guard']);
		const res = await api.request(`/api/v1/positions/${stranger.id}/track`, { session: control.session });
		expect(res.status).toBe(404);
	});
});

describe('who may do what', () => {
	it.each<[string, Parameters<PositionsTestApi['staffSession']>[1], number]>([
		['a guard', ['guard'], 200],
		['a technician', ['technician'], 200],
		['a cleaner', ['cleaner'], 200],
		['the control room', ['control_room'], 403],
		['customer service', ['customer_service'], 403],
	])('lets %s report positions: %s', async (_, roles, status) => {
		const person = await api.staffSession(api.estateId, roles);
		expect((await api.report({ session: person.session }, [api.fix(1)])).status).toBe(status);
	});

	it.each<[string, Parameters<PositionsTestApi['staffSession']>[1], number]>([
		['the control room', ['control_room'], 200],
		['a dispatcher', ['dispatcher'], 200],
		['a manager', ['manager'], 200],
		['a guard', ['guard'], 403],
		['customer service', ['customer_service'], 403],
	])('lets %s read positions and tracks: %s', async (_, roles, status) => {
		const person = await api.staffSession(api.estateId, roles);
		expect((await api.request('/api/v1/positions', { session: person.session })).status).toBe(status);
		const track = await api.request(`/api/v1/positions/${person.id}/track`, { session: person.session });
		expect(track.status).toBe(status);
	});

	it('counts nothing for a refused caller', async () => {
		const before = await api.db.select({ n: sql<number>`count(*)::int` }).from(positionFixes);
		const desk = await api.staffSession(api.estateId, ['customer_service']);
		await api.report({ session: desk.session }, [api.fix(1)]);
		const after = await api.db.select({ n: sql<number>`count(*)::int` }).from(positionFixes);
		expect(after).toEqual(before);
		expect(
			await api.db
				.select()
				.from(positionsLatest)
				.where(and(eq(positionsLatest.personId, desk.id), eq(positionsLatest.estateId, api.estateId))),
		).toEqual([]);
	});
});
