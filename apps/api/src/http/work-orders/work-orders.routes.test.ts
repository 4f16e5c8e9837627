import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { createSite } from '#test/site-factory';
import { auditLog, events, workOrderHistory, workOrders } from '../../db/schema/index';

let api: TestApi;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let service: { id: string; session: string };
let tech: { id: string; session: string };
let otherTech: { id: string; session: string };
let admin: { id: string; session: string };

const json = async (res: Response) =>
	(await res.json()) as Record<string, unknown> & { order: { id: string; status: string; version: number } };

const newOrder = (overrides: Record<string, unknown> = {}) => ({
	kind: 'repair',
	category: 'plumbing',
	channel: 'phone',
	reportedAt: new Date(api.now().getTime() - 3 * 60_000).toISOString(),
	description: '卫生间水管漏水，地面有积水',
	location: { kind: 'room', roomId: site.roomIds[0], buildingId: site.buildingId },
	contact: { name: '王芳', phone: '13812345678' },
	...overrides,
});

const count = async (table: typeof workOrders | typeof workOrderHistory | typeof events) =>
	(await api.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

beforeAll(async () => {
	api = await createTestApi();
	estateId = await api.createEstate('WO');
	otherEstateId = await api.createEstate('OTHER');
	site = await createSite(api.db, estateId);
	service = await api.staffSession(estateId, ['customer_service', 'dispatcher']);
	tech = await api.staffSession(estateId, ['technician'], { skills: ['plumbing'] });
	otherTech = await api.staffSession(estateId, ['technician'], { skills: ['electrical'] });
	admin = await api.staffSession(estateId, ['admin']);
});
afterAll(() => api.close());

async function file(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
	return api.request('/api/v1/work-orders', {
		method: 'POST',
		session: service.session,
		json: newOrder(overrides),
		headers,
	});
}

async function command(id: string, session: string, body: Record<string, unknown>) {
	return api.request(`/api/v1/work-orders/${id}/commands`, { method: 'POST', session, json: body });
}

describe('filing a work order from the front desk', () => {
	it('creates the order with a request code, its history, its outbox event and its SLA deadline', async () => {
		const res = await file();
		expect(res.status).toBe(201);
		const body = await json(res);
		const order = body.order as Record<string, unknown>;
		expect(order).toMatchObject({
			status: 'submitted',
			kind: 'repair',
			channel: 'phone',
			version: 1,
			estateId,
		});
		expect(order['code']).toMatch(/^R[2-9A-HJ-NP-Z]{6}$/);
		// A burst pipe or leak with water on the floor is urgent; the staff member who filed it is responsible.
		expect(order['urgency']).toBe('urgent');
		expect(order['responsibleStaffId']).toBe(service.id);
		expect(body['publicToken']).toMatch(/^[\w-]{32}$/);
		expect(body['slaState']).toBe('on_track');
		expect(typeof body['nextDueAt']).toBe('string');

		const id = (order as { id: string }).id;
		const history = await api.db
			.select()
			.from(workOrderHistory)
			.where(sql`${workOrderHistory.workOrderId} = ${id}`);
		expect(history.map((h) => h.type)).toEqual(['workOrder.submitted']);
		const outbox = await api.db
			.select()
			.from(events)
			.where(sql`${events.aggregateId} = ${id}`);
		expect(outbox.map((e) => [e.type, e.estateId])).toEqual([['workOrder.submitted', estateId]]);
	});

	it('takes the building from the room, whatever the client said', async () => {
		const other = await createSite(api.db, estateId, '7');
		const res = await file({
			location: { kind: 'room', roomId: site.roomIds[1], buildingId: other.buildingId },
		});
		expect(res.status).toBe(201);
		expect((await json(res)).order).toMatchObject({
			location: { roomId: site.roomIds[1], buildingId: site.buildingId },
		});
	});

	it.each([
		[
			'a room of no estate',
			{
				location: {
					kind: 'room',
					roomId: '00000000-0000-4000-8000-000000000000',
					buildingId: '00000000-0000-4000-8000-000000000000',
				},
			},
			422,
			'location.roomId',
		],
		['a wrong kind', { kind: 'party' }, 400, 'kind'],
		['a category of another kind', { category: 'parking_space' }, 422, null],
		['a description of 5,000 characters', { description: '漏'.repeat(5000) }, 400, 'description'],
		['a missing description', { description: undefined }, 400, 'description'],
		['the kiosk channel', { channel: 'kiosk' }, 400, 'channel'],
		['a phone report without the call time', { reportedAt: null }, 422, null],
		[
			'a position off the planet',
			{ location: { kind: 'point', position: [500, 31] } },
			400,
			'location.position.0',
		],
	])('refuses %s with a problem body and writes nothing', async (_, overrides, status, path) => {
		const before = [await count(workOrders), await count(workOrderHistory), await count(events)];
		const res = await file(overrides);
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		const problem = (await res.json()) as { status: number; errors?: { path: string }[] };
		expect(problem.status).toBe(status);
		if (path) expect(problem.errors?.map((e) => e.path)).toContain(path);
		expect([await count(workOrders), await count(workOrderHistory), await count(events)]).toEqual(before);
	});

	it('answers malformed JSON with 400 and writes nothing', async () => {
		const before = await count(workOrders);
		const res = await api.request('/api/v1/work-orders', {
			method: 'POST',
			session: service.session,
			headers: { 'content-type': 'application/json' },
			body: '{"kind": "repair",',
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(await count(workOrders)).toBe(before);
	});
});

describe('Idempotency-Key on creates', () => {
	it('answers a retry with the same key and body with the same order, filed once', async () => {
		const key = 'front-desk-7f9a2c1e';
		const first = await file({}, { 'idempotency-key': key });
		const again = await file({}, { 'idempotency-key': key });
		expect(first.status).toBe(201);
		expect(again.status).toBe(201);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		const [a, b] = [await json(first), await json(again)];
		expect(b.order.id).toBe(a.order.id);
		expect(b['publicToken']).toBe(a['publicToken']);
		const rows = await api.db
			.select()
			.from(workOrders)
			.where(sql`${workOrders.id} = ${a.order.id}`);
		expect(rows).toHaveLength(1);
	});

	it('refuses the same key with another body', async () => {
		const key = 'front-desk-0b1c2d3e';
		expect((await file({}, { 'idempotency-key': key })).status).toBe(201);
		const res = await file({ description: '另一件事：门锁坏了' }, { 'idempotency-key': key });
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
	});

	it('files once when two requests with one key arrive together', async () => {
		const key = 'front-desk-race-42';
		const before = await count(workOrders);
		const [a, b] = await Promise.all([
			file({}, { 'idempotency-key': key }),
			file({}, { 'idempotency-key': key }),
		]);
		expect([a.status, b.status]).toEqual([201, 201]);
		expect((await json(a)).order.id).toBe((await json(b)).order.id);
		expect(await count(workOrders)).toBe(before + 1);
	});
});

describe('the lifecycle over HTTP', () => {
	it('runs accept → assign → contact → arrive → resolve → feedback → close, each in the history', async () => {
		const id = (await json(await file())).order.id;
		const steps: [string, Record<string, unknown>][] = [
			[service.session, { type: 'accept' }],
			[service.session, { type: 'assign', assigneeId: tech.id }],
			[tech.session, { type: 'recordContact', method: 'phone', outcome: 'reached' }],
			[tech.session, { type: 'arrive' }],
			[
				tech.session,
				{
					type: 'resolve',
					startedAt: api.now().toISOString(),
					endedAt: api.now().toISOString(),
					materials: [{ item: '软管', quantity: 1, unit: '根' }],
					result: '更换进水软管，试水无渗漏',
					residentSignedOff: true,
				},
			],
			[
				service.session,
				{
					type: 'recordFeedback',
					method: 'phone',
					ratings: { speed: 5, result: 5, attitude: 4 },
					comment: null,
					satisfied: true,
				},
			],
			[service.session, { type: 'close' }],
		];
		for (const [session, body] of steps) {
			api.advance(60_000);
			const res = await command(id, session, body);
			expect(res.status, `${String(body['type'])}: ${await res.clone().text()}`).toBe(200);
		}
		const detail = await api.request(`/api/v1/work-orders/${id}`, { session: service.session });
		expect(detail.status).toBe(200);
		const body = (await detail.json()) as {
			order: { status: string; version: number };
			history: { type: string; version: number }[];
			sla: { clocks: { clock: string }[] };
		};
		expect(body.order.status).toBe('closed');
		expect(body.history.map((h) => h.type)).toEqual([
			'workOrder.submitted',
			'workOrder.accepted',
			'workOrder.assigned',
			'workOrder.contactRecorded',
			'workOrder.arrived',
			'workOrder.resolved',
			'workOrder.feedbackRecorded',
			'workOrder.closed',
		]);
		expect(body.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(body.sla.clocks.map((c) => c.clock)).toEqual(
			expect.arrayContaining(['accept', 'contact', 'on_site', 'resolve', 'feedback']),
		);
	});

	it('refuses a step the lifecycle does not allow with 409 and the reason', async () => {
		const id = (await json(await file())).order.id;
		const res = await command(id, service.session, { type: 'close' });
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ code: 'WORK_ORDER.INVALID_TRANSITION', status: 409 });
	});

	it('refuses an edit made on a stale version with 409 so the client reloads', async () => {
		const id = (await json(await file())).order.id;
		expect((await command(id, service.session, { type: 'accept', expectedVersion: 1 })).status).toBe(200);
		const stale = await command(id, service.session, {
			type: 'assign',
			assigneeId: tech.id,
			expectedVersion: 1,
		});
		expect(stale.status).toBe(409);
		expect(await stale.json()).toMatchObject({
			code: 'WORK_ORDER.VERSION_CONFLICT',
			details: { expectedVersion: 1, currentVersion: 2 },
		});
	});

	it('lets exactly one of two concurrent commands on one order win', async () => {
		const id = (await json(await file())).order.id;
		expect((await command(id, service.session, { type: 'accept' })).status).toBe(200);
		const results = await Promise.all([
			command(id, service.session, { type: 'assign', assigneeId: tech.id }),
			command(id, service.session, { type: 'assign', assigneeId: otherTech.id }),
		]);
		expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
		const history = await api.db
			.select()
			.from(workOrderHistory)
			.where(sql`${workOrderHistory.workOrderId} = ${id}`);
		expect(history.filter((h) => h.type === 'workOrder.assigned')).toHaveLength(1);
	});

	it('refuses an assignee who is not staff of the estate', async () => {
		const id = (await json(await file())).order.id;
		await command(id, service.session, { type: 'accept' });
		const res = await command(id, service.session, {
			type: 'assign',
			assigneeId: '00000000-0000-4000-8000-000000000001',
		});
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ code: 'STAFF.NOT_FOUND', errors: [{ path: 'assigneeId' }] });
	});

	it('ranks the plumber first for a plumbing order', async () => {
		const id = (await json(await file())).order.id;
		const res = await api.request(`/api/v1/work-orders/${id}/suggestions`, { session: service.session });
		expect(res.status).toBe(200);
		const { suggestions } = (await res.json()) as {
			suggestions: { staffId: string; skillMatch: boolean | null }[];
		};
		expect(suggestions[0]).toMatchObject({ staffId: tech.id, skillMatch: true });
		expect(suggestions.find((s) => s.staffId === otherTech.id)?.skillMatch).toBe(false);
	});
});

describe('the contact phone', () => {
	it('is stored only sealed: the order, its history and its events carry it masked', async () => {
		const id = (await json(await file())).order.id;
		const [row] = await api.db
			.select()
			.from(workOrders)
			.where(sql`${workOrders.id} = ${id}`);
		expect((row?.state as { contact: { phone: string } }).contact.phone).toBe('138****5678');
		expect(row?.contactPhoneEncrypted).toMatch(/^v1:/);
		const raw = JSON.stringify([
			row,
			await api.db
				.select()
				.from(workOrderHistory)
				.where(sql`${workOrderHistory.workOrderId} = ${id}`),
			await api.db
				.select()
				.from(events)
				.where(sql`${events.aggregateId} = ${id}`),
		]);
		expect(raw).not.toContain('13812345678');
		const detail = await api.request(`/api/v1/work-orders/${id}`, { session: service.session });
		expect(await detail.text()).not.toContain('13812345678');
	});

	it('is read in clear only by a role that may, and every such read is audited', async () => {
		const id = (await json(await file())).order.id;
		const audits = async () =>
			(
				await api.db
					.select()
					.from(auditLog)
					.where(sql`${auditLog.subjectId} = ${id}`)
			).filter((a) => a.action !== 'staff.created');
		const refused = await api.request(`/api/v1/work-orders/${id}/contact`, { session: tech.session });
		expect(refused.status).toBe(403);
		expect(await audits()).toHaveLength(0);

		const res = await api.request(`/api/v1/work-orders/${id}/contact`, { session: service.session });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({ phone: '13812345678' });
		const [audit] = await audits();
		expect(audit).toMatchObject({
			actorId: service.id,
			subjectType: 'workOrder',
			details: { fields: ['contact.phone'] },
		});
	});
});

describe('who may do what', () => {
	it('lets a technician see only the orders assigned to them', async () => {
		const mine = (await json(await file())).order.id;
		const notMine = (await json(await file())).order.id;
		await command(mine, service.session, { type: 'accept' });
		await command(mine, service.session, { type: 'assign', assigneeId: tech.id });
		const list = await api.request('/api/v1/work-orders?limit=200', { session: tech.session });
		expect(list.status).toBe(200);
		const ids = ((await list.json()) as { items: { order: { id: string } }[] }).items.map((i) => i.order.id);
		expect(ids).toContain(mine);
		expect(ids).not.toContain(notMine);
		expect((await api.request(`/api/v1/work-orders/${notMine}`, { session: tech.session })).status).toBe(404);
	});

	it('refuses a technician accepting an order (403) and an order of another estate (404)', async () => {
		const id = (await json(await file())).order.id;
		expect((await command(id, tech.session, { type: 'accept' })).status).toBe(403);
		const outsider = await api.staffSession(otherEstateId, ['customer_service']);
		expect((await api.request(`/api/v1/work-orders/${id}`, { session: outsider.session })).status).toBe(404);
		expect((await command(id, outsider.session, { type: 'accept' })).status).toBe(404);
	});

	it('refuses anonymous callers with 401 and a kiosk token with 403', async () => {
		expect((await api.request('/api/v1/work-orders')).status).toBe(401);
		const issued = await api.request('/api/v1/devices', {
			method: 'POST',
			session: admin.session,
			json: { kind: 'kiosk', name: '3栋大堂' },
		});
		expect(issued.status).toBe(201);
		const { token } = (await issued.json()) as { token: string };
		expect((await api.request('/api/v1/work-orders', { bearer: token })).status).toBe(403);
		expect(
			(await api.request('/api/v1/work-orders', { method: 'POST', bearer: token, json: newOrder() })).status,
		).toBe(403);
	});
});

describe('listing', () => {
	it('filters by status and urgency and pages with a cursor without repeats', async () => {
		for (let i = 0; i < 5; i++) {
			api.advance(1000);
			await file({
				description: `楼道灯不亮 ${i}`,
				category: 'electrical',
				channel: 'front_desk',
				reportedAt: null,
			});
		}
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const url: string = `/api/v1/work-orders?status=submitted&urgency=general&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
			const res = await api.request(url, { session: service.session });
			expect(res.status).toBe(200);
			const page = (await res.json()) as {
				items: { order: { id: string; status: string; urgency: string } }[];
				nextCursor: string | null;
			};
			for (const item of page.items) {
				expect(item.order).toMatchObject({ status: 'submitted', urgency: 'general' });
				seen.push(item.order.id);
			}
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen.length).toBeGreaterThanOrEqual(5);
		expect(new Set(seen).size).toBe(seen.length);
	});

	it('rejects an unknown status and a forged cursor with 400 naming the field', async () => {
		const bad = await api.request('/api/v1/work-orders?status=lost', { session: service.session });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^status/);
		const forged = await api.request('/api/v1/work-orders?cursor=bm90LWEtY3Vyc29y', {
			session: service.session,
		});
		expect(forged.status).toBe(400);
	});

	it('describes the work-order routes in the OpenAPI document', async () => {
		const res = await api.request('/api/openapi.json');
		expect(res.status).toBe(200);
		const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/api/v1/work-orders',
				'/api/v1/work-orders/{id}',
				'/api/v1/work-orders/{id}/commands',
			]),
		);
	});
});
