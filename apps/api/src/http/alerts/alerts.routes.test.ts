import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, fieldAlertHistory, fieldAlerts } from '../../db/schema/index';
import {
	createPositionsTestApi,
	INSIDE,
	metresBetween,
	type PositionsTestApi,
} from '../positions/positions.fixtures';

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;

let api: PositionsTestApi;
let control: { id: string; session: string };

beforeAll(async () => {
	api = await createPositionsTestApi();
	control = await api.staffSession(api.estateId, ['control_room']);
}, 60_000);
afterAll(() => api.close());

const sos = (
	credentials: { session?: string; bearer?: string },
	body: Json,
	headers: Record<string, string> = {},
) => api.request('/api/v1/sos', { method: 'POST', ...credentials, json: body, headers });
const step = (id: string, action: 'acknowledge' | 'resolve', body?: Json, session = control.session) =>
	api.request(`/api/v1/alerts/${id}/${action}`, {
		method: 'POST',
		session,
		...(body === undefined ? {} : { json: body }),
	});
const alertEvents = async (id: string) =>
	(await api.db.select().from(events).where(eq(events.aggregateId, id)).orderBy(asc(events.seq))).map(
		(event) => event.type,
	);

describe('SOS', () => {
	it('raises an alert at once: stored, with its history row and its outbox event for the control room', async () => {
		const guard = await api.staffSession(api.estateId, ['guard']);
		const res = await sos({ session: guard.session }, { lng: INSIDE[0], lat: INSIDE[1], note: '有人翻墙' });
		expect(res.status).toBe(201);
		const alert = await json(res);
		expect(alert).toMatchObject({
			kind: 'sos',
			status: 'open',
			personId: guard.id,
			personName: expect.any(String) as unknown,
			lng: INSIDE[0],
			lat: INSIDE[1],
			note: '有人翻墙',
			raisedAt: api.now().toISOString(),
			acknowledgedAt: null,
			resolvedAt: null,
			version: 1,
		});
		const id = String(alert['id']);
		// Answered means committed: the event is in the outbox the relay reads, for the estate's room.
		const [event] = await api.db.select().from(events).where(eq(events.aggregateId, id));
		expect(event).toMatchObject({ estateId: api.estateId, type: 'alert.raised', aggregateType: 'alert' });
		expect(event?.payload).toMatchObject({
			type: 'alert.raised',
			alert: { id, kind: 'sos', personId: guard.id },
		});
		const history = await api.db.select().from(fieldAlertHistory).where(eq(fieldAlertHistory.alertId, id));
		expect(history.map((row) => [row.version, row.type])).toEqual([[1, 'alert.raised']]);
	});

	it('converts a GCJ-02 SOS position to WGS-84', async () => {
		const cleaner = await api.staffSession(api.estateId, ['cleaner']);
		const res = await sos({ session: cleaner.session }, { lng: 121.499533, lat: 31.240001, datum: 'gcj02' });
		const alert = await json(res);
		const pearlWgs84: [number, number] = [121 + 29.705 / 60, 31 + 14.52 / 60];
		expect(metresBetween([Number(alert['lng']), Number(alert['lat'])], pearlWgs84)).toBeLessThan(5);
	});

	it('repeats an open SOS on a second press instead of opening another, and answers a retry once', async () => {
		const technician = await api.staffSession(api.estateId, ['technician']);
		const phone = await api.issueFieldPhone(technician.id);
		const first = await json(
			await sos(
				{ bearer: phone },
				{ lng: INSIDE[0], lat: INSIDE[1] },
				{ 'idempotency-key': 'sos-press-0001' },
			),
		);
		const retry = await sos(
			{ bearer: phone },
			{ lng: INSIDE[0], lat: INSIDE[1] },
			{ 'idempotency-key': 'sos-press-0001' },
		);
		expect(retry.status).toBe(201);
		expect((await json(retry))['id']).toBe(first['id']);
		api.advance(20_000);
		const again = await sos({ bearer: phone }, { lng: 121.4745, lat: 31.2312 });
		expect(again.status).toBe(200);
		expect(await json(again)).toMatchObject({ id: first['id'], repeats: 1, lng: 121.4745, version: 2 });
		expect(await alertEvents(String(first['id']))).toEqual(['alert.raised', 'alert.repeated']);
		const rows = await api.db.select().from(fieldAlerts).where(eq(fieldAlerts.personId, technician.id));
		expect(rows).toHaveLength(1);
	});

	it.each<[string, Json, string]>([
		['no position', { note: 'help' }, 'lng'],
		['a longitude off the globe', { lng: 200, lat: 31.2 }, 'lng'],
		['an unknown datum', { lng: 121.47, lat: 31.2, datum: 'gps' }, 'datum'],
		['a note of a novel', { lng: 121.47, lat: 31.2, note: '字'.repeat(501) }, 'note'],
	])('refuses an SOS with %s, naming the field, and raises nothing', async (_, body, path) => {
		const guard = await api.staffSession(api.estateId, ['guard']);
		const res = await sos({ session: guard.session }, body);
		expect(res.status).toBe(400);
		expect(((await json(res))['errors'] as Json[]).map((error) => error['path'])).toContain(path);
		expect(await api.db.select().from(fieldAlerts).where(eq(fieldAlerts.personId, guard.id))).toEqual([]);
	});
});

describe('the control room handles alerts', () => {
	const raised = async () => {
		const guard = await api.staffSession(api.estateId, ['guard']);
		const res = await sos({ session: guard.session }, { lng: INSIDE[0], lat: INSIDE[1] });
		return String((await json(res))['id']);
	};

	it('acknowledges and resolves with who and when, each step in the history and the outbox', async () => {
		const id = await raised();
		api.advance(30_000);
		const acknowledged = await step(id, 'acknowledge');
		expect(acknowledged.status).toBe(200);
		expect(await json(acknowledged)).toMatchObject({
			status: 'acknowledged',
			acknowledgedAt: api.now().toISOString(),
			acknowledgedBy: { kind: 'staff', staffId: control.id },
		});
		api.advance(5 * 60_000);
		const resolved = await step(id, 'resolve', { resolution: '已到场，误报' });
		expect(await json(resolved)).toMatchObject({
			status: 'resolved',
			resolvedAt: api.now().toISOString(),
			resolvedBy: { kind: 'staff', staffId: control.id },
			resolution: '已到场，误报',
			version: 3,
		});
		const detail = await json(await api.request(`/api/v1/alerts/${id}`, { session: control.session }));
		expect((detail['history'] as Json[]).map((entry) => [entry['version'], entry['type']])).toEqual([
			[1, 'alert.raised'],
			[2, 'alert.acknowledged'],
			[3, 'alert.resolved'],
		]);
		expect(await alertEvents(id)).toEqual(['alert.raised', 'alert.acknowledged', 'alert.resolved']);
	});

	it('resolves without a body, and refuses a second acknowledgement or anything after resolving with 409', async () => {
		const id = await raised();
		expect((await step(id, 'acknowledge')).status).toBe(200);
		const twice = await step(id, 'acknowledge');
		expect(twice.status).toBe(409);
		expect(await json(twice)).toMatchObject({ code: 'ALERT.ALREADY_ACKNOWLEDGED' });
		expect((await step(id, 'resolve')).status).toBe(200);
		const after = await step(id, 'resolve', { resolution: 'again' });
		expect(after.status).toBe(409);
		expect(await json(after)).toMatchObject({ code: 'ALERT.ALREADY_RESOLVED' });
		expect(await alertEvents(id)).toEqual(['alert.raised', 'alert.acknowledged', 'alert.resolved']);
	});

	it('lists open alerts (open and acknowledged) apart from resolved ones', async () => {
		const open = await raised();
		const acknowledged = await raised();
		const resolved = await raised();
		await step(acknowledged, 'acknowledge');
		await step(resolved, 'resolve');
		const ids = async (query: string) =>
			(
				(await json(await api.request(`/api/v1/alerts${query}`, { session: control.session })))[
					'alerts'
				] as Json[]
			).map((alert) => alert['id']);
		const openIds = await ids('?open=true');
		expect(openIds).toEqual(expect.arrayContaining([open, acknowledged]));
		expect(openIds).not.toContain(resolved);
		expect(await ids('?open=false')).toContain(resolved);
		expect(await ids('')).toEqual(expect.arrayContaining([open, acknowledged, resolved]));
	});

	it('answers 404 for an alert of another estate and 400 for an id that is no id', async () => {
		const id = await raised();
		const elsewhere = await api.staffSession(await api.createEstate('ELSEWHERE'), ['control_room']);
		expect((await step(id, 'acknowledge', undefined, elsewhere.session)).status).toBe(404);
		expect((await api.request(`/api/v1/alerts/${id}`, { session: elsewhere.session })).status).toBe(404);
		const bad = await api.request('/api/v1/alerts/alert-1/acknowledge', {
			method: 'POST',
			session: control.session,
		});
		expect(bad.status).toBe(400);
		expect(((await json(bad))['errors'] as Json[]).map((error) => error['path'])).toContain('id');
		expect(await alertEvents(id)).toEqual(['alert.raised']);
	});

	it('refuses a resolution that is too long, naming it', async () => {
		const id = await raised();
		const res = await step(id, 'resolve', { resolution: '字'.repeat(501) });
		expect(res.status).toBe(400);
		expect(((await json(res))['errors'] as Json[]).map((error) => error['path'])).toContain('resolution');
	});
});

describe('who may raise and handle alerts', () => {
	it.each<[string, Parameters<PositionsTestApi['staffSession']>[1], number]>([
		['a guard', ['guard'], 201],
		['the control room', ['control_room'], 403],
		['a dispatcher', ['dispatcher'], 403],
	])('lets %s press SOS: %s', async (_, roles, status) => {
		const person = await api.staffSession(api.estateId, roles);
		expect((await sos({ session: person.session }, { lng: INSIDE[0], lat: INSIDE[1] })).status).toBe(status);
	});

	it.each<[string, Parameters<PositionsTestApi['staffSession']>[1], number, number]>([
		['the control room', ['control_room'], 200, 200],
		['customer service', ['customer_service'], 200, 200],
		['a manager', ['manager'], 200, 200],
		['a guard', ['guard'], 403, 403],
		['a supervisor', ['supervisor'], 403, 403],
	])('lets %s list and acknowledge alerts: %s / %s', async (_, roles, listStatus, ackStatus) => {
		const guard = await api.staffSession(api.estateId, ['guard']);
		const id = String(
			(await json(await sos({ session: guard.session }, { lng: INSIDE[0], lat: INSIDE[1] })))['id'],
		);
		const person = await api.staffSession(api.estateId, roles);
		expect((await api.request('/api/v1/alerts?open=true', { session: person.session })).status).toBe(
			listStatus,
		);
		expect((await step(id, 'acknowledge', undefined, person.session)).status).toBe(ackStatus);
	});
});
