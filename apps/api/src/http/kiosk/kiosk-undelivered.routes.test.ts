import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { auditLog, events, kioskUndeliveredFilings } from '../../db/schema/index';
import { isKioskEvent } from '../../realtime/event-audience';
import { UNDELIVERED_HANDLED, UNDELIVERED_RECEIVED } from '../../services/kiosk-undelivered.service';
import { createKioskTestApi, type KioskTestApi } from './kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string; deviceId: string };
let otherKiosk: { token: string; deviceId: string };
let desk: { id: string; session: string };
let control: { id: string; session: string };
let supervisor: { id: string; session: string };
let otherDesk: { id: string; session: string };

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const count = async (table: typeof kioskUndeliveredFilings | typeof auditLog | typeof events) =>
	(await api.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
const counts = () => Promise.all([count(kioskUndeliveredFilings), count(auditLog), count(events)]);

let keySequence = 0;
const report = (overrides: Json = {}) => ({
	idempotencyKey: `queued-filing-${String(++keySequence).padStart(4, '0')}`,
	filing: {
		roomId: site.roomIds[0],
		phoneLast4: '4321',
		kind: 'repair',
		category: 'plumbing',
		description: '离线时报的：阳台地漏反水',
		publicToken: 'k7m2q4w6e3r5t7y2u4i6o3p5a7',
	},
	problem: {
		status: 422,
		title: 'Unprocessable Content',
		detail: 'The room and the last four digits of the phone number do not match a resident of that room.',
		code: 'KIOSK.VERIFICATION_FAILED',
	},
	queuedAt: '2026-03-02T08:40:00+08:00',
	...overrides,
});

const send = (body: unknown, token = kiosk.token) =>
	api.request('/api/v1/kiosk/undelivered', { method: 'POST', bearer: token, json: body });
const list = (session: string) => api.request('/api/v1/kiosk-undelivered', { session });
const handle = (id: string, session: string, body: unknown = { note: '已电话联系住户，代为在前台登记' }) =>
	api.request(`/api/v1/kiosk-undelivered/${id}/handle`, { method: 'POST', session, json: body });

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('UNDELIVERED');
	otherEstateId = await api.createEstate('ELSEWHERE');
	site = await createSite(api.db, estateId);
	kiosk = await api.kioskToken(estateId);
	otherKiosk = await api.kioskToken(otherEstateId);
	desk = await api.staffSession(estateId, ['customer_service']);
	control = await api.staffSession(estateId, ['control_room']);
	supervisor = await api.staffSession(estateId, ['supervisor']);
	otherDesk = await api.staffSession(otherEstateId, ['customer_service']);
});
afterAll(() => api.close());

describe('a kiosk reporting a queued filing the api refused', () => {
	it('records it without the phone digits, in the audit log and the outbox, and answers 201', async () => {
		const body = report({
			filing: {
				...report().filing,
				extra: { nested: { phoneLast4: '4321', kept: true } },
			},
		});
		const before = await counts();
		const res = await send(body);
		expect(res.status).toBe(201);
		const receipt = await json(res);
		expect(receipt).toEqual({ id: expect.any(String), status: 'open', receivedAt: api.now().toISOString() });
		expect(await counts()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);

		const [row] = await api.db
			.select()
			.from(kioskUndeliveredFilings)
			.where(eq(kioskUndeliveredFilings.id, String(receipt['id'])));
		expect(row).toMatchObject({
			estateId,
			deviceId: kiosk.deviceId,
			idempotencyKey: body.idempotencyKey,
			problemStatus: 422,
			problemCode: 'KIOSK.VERIFICATION_FAILED',
			status: 'open',
			handledBy: null,
		});
		expect(row?.queuedAt.toISOString()).toBe('2026-03-02T00:40:00.000Z');
		expect(row?.filing).toMatchObject({
			description: '离线时报的：阳台地漏反水',
			extra: { nested: { kept: true } },
		});
		expect(JSON.stringify(row?.filing)).not.toContain('phoneLast4');
		expect(JSON.stringify(row?.filing)).not.toContain('4321');

		const [audit] = await api.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, String(receipt['id'])));
		expect(audit).toMatchObject({
			action: 'kioskUndelivered.received',
			actorType: 'device',
			actorId: kiosk.deviceId,
		});
		const [event] = await api.db
			.select()
			.from(events)
			.where(eq(events.aggregateId, String(receipt['id'])));
		expect(event).toMatchObject({ estateId, type: UNDELIVERED_RECEIVED, aggregateType: 'kioskUndelivered' });
		expect(event?.payload).toMatchObject({
			filing: { id: receipt['id'], status: 'open', kind: 'repair', category: 'plumbing' },
		});
		// The live stream tells the control room, never the lobby kiosks, and carries no resident's words.
		expect(isKioskEvent(UNDELIVERED_RECEIVED)).toBe(false);
		expect(isKioskEvent(UNDELIVERED_HANDLED)).toBe(false);
		expect(JSON.stringify(event?.payload)).not.toMatch(/阳台|4321/);
	});

	it('answers a repeated report with the first record (200) and writes nothing', async () => {
		const body = report();
		const first = await json(await send(body));
		const before = await counts();
		const again = await send({ ...body, problem: { ...body.problem, title: 'changed' } });
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect((await json(again))['id']).toBe(first['id']);
		expect(await counts()).toEqual(before);
		// Another kiosk may use the same key for its own filing.
		const theirs = await send(body, otherKiosk.token);
		expect(theirs.status).toBe(201);
		expect((await json(theirs))['id']).not.toBe(first['id']);
	});

	it.each([
		['idempotencyKey', { idempotencyKey: 'short' }],
		['idempotencyKey', { idempotencyKey: undefined }],
		['filing', { filing: 'not an object' }],
		['filing', { filing: [1, 2, 3] }],
		['filing', { filing: { description: 'x'.repeat(17 * 1024) } }],
		['problem.status', { problem: { status: 503, title: 'Service Unavailable' } }],
		['problem.status', { problem: { status: 302, title: 'Found' } }],
		['problem.title', { problem: { status: 422, title: ' ' } }],
		['queuedAt', { queuedAt: 'yesterday' }],
		['queuedAt', { queuedAt: undefined }],
	])('refuses a bad %s with 400 naming it, and writes nothing', async (field, overrides) => {
		const before = await counts();
		const res = await send(report(overrides));
		expect(res.status).toBe(400);
		const problem = await json(res);
		expect(problem['code']).toBe('REQUEST.INVALID');
		expect((problem['errors'] as { path: string }[]).map((e) => e.path)).toContain(field);
		expect(await counts()).toEqual(before);
	});

	it('is for kiosks only', async () => {
		expect((await api.request('/api/v1/kiosk/undelivered', { method: 'POST', json: report() })).status).toBe(
			401,
		);
		const staff = await api.request('/api/v1/kiosk/undelivered', {
			method: 'POST',
			session: desk.session,
			json: report(),
		});
		expect(staff.status).toBe(403);
	});
});

describe('the desk following up undelivered filings', () => {
	it('lists open ones first with the room resolved, newest first, and counts the open ones', async () => {
		const estate = await api.createEstate('LISTING');
		const listingSite = await createSite(api.db, estate, '7');
		const listingKiosk = await api.kioskToken(estate);
		const listingDesk = await api.staffSession(estate, ['customer_service']);
		const older = await json(
			await send(report({ filing: { roomId: listingSite.roomIds[1], kind: 'repair' } }), listingKiosk.token),
		);
		api.advance(60_000);
		const newer = await json(
			await send(report({ filing: { roomId: 'not-a-room', description: '门禁坏了' } }), listingKiosk.token),
		);
		api.advance(60_000);
		const done = await json(await send(report(), listingKiosk.token));
		expect((await handle(String(done['id']), listingDesk.session)).status).toBe(200);

		const res = await list(listingDesk.session);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const body = await json(res);
		expect(body['openCount']).toBe(2);
		const items = body['items'] as Json[];
		expect(items.map((item) => item['id'])).toEqual([newer['id'], older['id'], done['id']]);
		expect(items[1]).toMatchObject({
			status: 'open',
			room: { id: listingSite.roomIds[1], building: '7栋', unit: '2', number: '1202' },
			device: { id: listingKiosk.deviceId, name: expect.any(String) },
			problem: { status: 422, code: 'KIOSK.VERIFICATION_FAILED' },
			queuedAt: '2026-03-02T00:40:00.000Z',
			handled: null,
		});
		expect(items[0]).toMatchObject({ room: null, filing: { description: '门禁坏了' } });
		expect(items[2]).toMatchObject({
			status: 'handled',
			handled: { by: { id: listingDesk.id }, note: '已电话联系住户，代为在前台登记' },
		});
		// Nothing of another estate.
		const elsewhere = await json(await list(desk.session));
		expect((elsewhere['items'] as Json[]).map((item) => item['id'])).not.toContain(newer['id']);
	});

	it('marks one handled with a note, in the audit log and the outbox; a second time is 409', async () => {
		const filed = await json(await send(report()));
		const id = String(filed['id']);
		api.advance(5 * 60_000);
		const before = await counts();
		const res = await handle(id, control.session, { note: '  已在前台补录为工单  ' });
		expect(res.status).toBe(200);
		expect(await json(res)).toMatchObject({
			id,
			status: 'handled',
			handled: { by: { id: control.id }, at: api.now().toISOString(), note: '已在前台补录为工单' },
		});
		expect(await counts()).toEqual([before[0], before[1] + 1, before[2] + 1]);
		const [audit] = await api.db
			.select()
			.from(auditLog)
			.where(sql`${auditLog.subjectId} = ${id} and ${auditLog.action} = 'kioskUndelivered.handled'`);
		expect(audit).toMatchObject({
			actorType: 'staff',
			actorId: control.id,
			details: { note: '已在前台补录为工单' },
		});
		const [event] = await api.db
			.select()
			.from(events)
			.where(sql`${events.aggregateId} = ${id} and ${events.type} = ${UNDELIVERED_HANDLED}`);
		expect(event?.payload).toMatchObject({ filing: { id, status: 'handled', handledBy: control.id } });

		const afterHandled = await counts();
		const again = await handle(id, desk.session);
		expect(again.status).toBe(409);
		expect(await json(again)).toMatchObject({ code: 'KIOSK_UNDELIVERED.ALREADY_HANDLED' });
		expect(await counts()).toEqual(afterHandled);
	});

	it('refuses a missing note with 400 naming it, an unknown or foreign filing with 404, and writes nothing', async () => {
		const id = String((await json(await send(report())))['id']);
		const before = await counts();
		for (const body of [{}, { note: '   ' }, { note: 'x'.repeat(1001) }]) {
			const res = await handle(id, desk.session, body);
			expect(res.status).toBe(400);
			expect(((await json(res))['errors'] as { path: string }[]).map((e) => e.path)).toContain('note');
		}
		expect((await handle('0b6f3b4e-0000-4000-8000-000000000000', desk.session)).status).toBe(404);
		expect((await handle('not-a-uuid', desk.session)).status).toBe(404);
		const foreign = await handle(id, otherDesk.session);
		expect(foreign.status).toBe(404);
		expect(await json(foreign)).toMatchObject({ code: 'KIOSK_UNDELIVERED.NOT_FOUND' });
		expect(await counts()).toEqual(before);
		const [row] = await api.db
			.select()
			.from(kioskUndeliveredFilings)
			.where(eq(kioskUndeliveredFilings.id, id));
		expect(row?.status).toBe('open');
	});

	it('lets readers of work orders see the list but only the desk and control room handle', async () => {
		const id = String((await json(await send(report())))['id']);
		expect((await list(supervisor.session)).status).toBe(200);
		expect((await handle(id, supervisor.session)).status).toBe(403);
		expect((await api.request('/api/v1/kiosk-undelivered', { bearer: kiosk.token })).status).toBe(403);
		expect((await api.request('/api/v1/kiosk-undelivered')).status).toBe(401);
	});
});
