import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { attachments, events, notices, workOrderHistory, workOrders } from '../../db/schema/index';
import { createKioskTestApi, photoForm, PNG_1X1, type KioskTestApi } from './kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let otherSite: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string; deviceId: string };
let otherKiosk: { token: string; deviceId: string };
let owner: Awaited<ReturnType<KioskTestApi['resident']>>;
let tech: { id: string; session: string };
let desk: { id: string; session: string };

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const count = async (
	table: typeof workOrders | typeof workOrderHistory | typeof events | typeof attachments,
) => (await api.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const filing = (overrides: Json = {}) => ({
	roomId: site.roomIds[0],
	phoneLast4: '5678',
	kind: 'repair',
	category: 'plumbing',
	description: '厨房水龙头一直滴水',
	...overrides,
});

const post = (path: string, body: unknown, token = kiosk.token, headers: Record<string, string> = {}) =>
	api.request(`/api/v1/kiosk${path}`, { method: 'POST', bearer: token, json: body, headers });

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('KIOSK');
	otherEstateId = await api.createEstate('ELSEWHERE');
	site = await createSite(api.db, estateId);
	otherSite = await createSite(api.db, otherEstateId, '9');
	kiosk = await api.kioskToken(estateId);
	otherKiosk = await api.kioskToken(otherEstateId);
	owner = await api.resident(estateId, site.roomIds[0] ?? '', { name: '王芳', phone: '13812345678' });
	await api.resident(otherEstateId, otherSite.roomIds[0] ?? '', { name: '李雷', phone: '13900005678' });
	tech = await api.staffSession(estateId, ['technician'], { skills: ['plumbing'] });
	desk = await api.staffSession(estateId, ['customer_service']);
});
afterAll(() => api.close());

describe('kiosk notices', () => {
	it('shows published, unexpired notices of its own estate, pinned first, without staff data', async () => {
		const at = api.now().getTime();
		const base = {
			body: '正文',
			audience: { scope: 'estate' },
			createdAt: new Date(at),
			updatedAt: new Date(at),
		};
		await api.db.insert(notices).values([
			{ ...base, estateId, title: '普通', pinned: false, publishAt: new Date(at - 3_600_000) },
			{ ...base, estateId, title: '置顶', pinned: true, publishAt: new Date(at - 7_200_000) },
			{ ...base, estateId, title: '未发布', pinned: true, publishAt: new Date(at + 3_600_000) },
			{
				...base,
				estateId,
				title: '已过期',
				pinned: false,
				publishAt: new Date(at - 9e7),
				expireAt: new Date(at - 1000),
			},
			{
				...base,
				estateId,
				title: '已撤回',
				pinned: false,
				publishAt: new Date(at - 1000),
				deletedAt: new Date(at),
			},
			{
				...base,
				estateId,
				title: '仅限9栋',
				pinned: false,
				publishAt: new Date(at - 1000),
				audience: { scope: 'buildings', buildingIds: [otherSite.buildingId] },
			},
			{ ...base, estateId: otherEstateId, title: '别的小区', pinned: true, publishAt: new Date(at - 1000) },
		]);
		const res = await api.request('/api/v1/kiosk/notices', { bearer: kiosk.token });
		expect(res.status).toBe(200);
		const list = (await json(res))['notices'] as Json[];
		expect(list.map((n) => n['title'])).toEqual(['置顶', '仅限9栋', '普通']);
		expect(Object.keys(list[0] ?? {}).sort()).toEqual([
			'audience',
			'body',
			'expireAt',
			'id',
			'pinned',
			'publishAt',
			'title',
		]);

		const forBuilding = await json(
			await api.request(`/api/v1/kiosk/notices?building=${site.buildingId}`, { bearer: kiosk.token }),
		);
		expect((forBuilding['notices'] as Json[]).map((n) => n['title'])).toEqual(['置顶', '普通']);

		const elsewhere = await json(await api.request('/api/v1/kiosk/notices', { bearer: otherKiosk.token }));
		expect((elsewhere['notices'] as Json[]).map((n) => n['title'])).toEqual(['别的小区']);
	});

	it('is for kiosks only: no token is 401, a staff session 403', async () => {
		expect((await api.request('/api/v1/kiosk/notices')).status).toBe(401);
		expect((await api.request('/api/v1/kiosk/notices', { session: desk.session })).status).toBe(403);
	});
});

describe('kiosk address pickers', () => {
	it('walks buildings → units → rooms of its own estate, numbers and ids only', async () => {
		const buildings = await json(await api.request('/api/v1/kiosk/rooms', { bearer: kiosk.token }));
		expect(buildings).toEqual({ level: 'buildings', items: [{ id: site.buildingId, number: '3' }] });
		const units = await json(
			await api.request(`/api/v1/kiosk/rooms?building=${site.buildingId}`, { bearer: kiosk.token }),
		);
		expect(units).toEqual({ level: 'units', items: [{ id: site.unitId, number: '2' }] });
		const rooms = await json(
			await api.request(`/api/v1/kiosk/rooms?building=${site.buildingId}&unit=${site.unitId}`, {
				bearer: kiosk.token,
			}),
		);
		expect(rooms['level']).toBe('rooms');
		expect((rooms['items'] as Json[]).map((r) => r['number'])).toEqual(['1201', '1202', '1203']);
		// Another estate's building gives nothing away.
		const foreign = await json(
			await api.request(`/api/v1/kiosk/rooms?building=${otherSite.buildingId}`, { bearer: kiosk.token }),
		);
		expect(foreign).toEqual({ level: 'units', items: [] });
	});

	it('asks for the building before the unit', async () => {
		const res = await api.request(`/api/v1/kiosk/rooms?unit=${site.unitId}`, { bearer: kiosk.token });
		expect(res.status).toBe(400);
	});
});

describe('identifying a household at the kiosk', () => {
	it('says yes or no and nothing else', async () => {
		const yes = await post('/verify', { roomId: site.roomIds[0], phoneLast4: '5678' });
		expect(yes.status).toBe(200);
		expect(await yes.json()).toEqual({ verified: true });
		const no = await post('/verify', { roomId: site.roomIds[0], phoneLast4: '0000' });
		expect(await no.json()).toEqual({ verified: false });
	});

	it('does not count a resident who has moved out', async () => {
		await api.resident(estateId, site.roomIds[2] ?? '', { phone: '13700001111', movedOutOn: '2025-12-31' });
		expect(await (await post('/verify', { roomId: site.roomIds[2], phoneLast4: '1111' })).json()).toEqual({
			verified: false,
		});
	});

	it('refuses a room of another estate with 422', async () => {
		const res = await post('/verify', { roomId: otherSite.roomIds[0], phoneLast4: '5678' });
		expect(res.status).toBe(422);
		expect((await json(res))['code']).toBe('ROOM.NOT_FOUND');
	});

	it('locks a kiosk and room for 10 minutes after 5 wrong tries', async () => {
		const room = site.roomIds[1];
		await api.resident(estateId, room ?? '', { phone: '13611112222' });
		for (let i = 0; i < 5; i++)
			expect(await (await post('/verify', { roomId: room, phoneLast4: '9999' })).json()).toEqual({
				verified: false,
			});
		const locked = await post('/verify', { roomId: room, phoneLast4: '2222' });
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBe(600);
		expect((await json(locked))['code']).toBe('KIOSK.TOO_MANY_ATTEMPTS');
		// Another kiosk, or another room, is not locked.
		expect((await post('/verify', { roomId: site.roomIds[0], phoneLast4: '5678' })).status).toBe(200);
		api.advance(9 * 60_000);
		expect((await post('/verify', { roomId: room, phoneLast4: '2222' })).status).toBe(429);
		api.advance(61_000);
		expect(await (await post('/verify', { roomId: room, phoneLast4: '2222' })).json()).toEqual({
			verified: true,
		});
	});
});

describe('filing at the kiosk', () => {
	it('files through the work-order service for the resident and answers with the code and status link only', async () => {
		const res = await post(
			'/work-orders',
			filing({ description: '卫生间水管爆裂，水漫出来了' }),
			kiosk.token,
			{ 'idempotency-key': 'kiosk-file-0001' },
		);
		expect(res.status).toBe(201);
		const body = await json(res);
		expect(Object.keys(body).sort()).toEqual(['code', 'emergency', 'publicToken', 'statusUrl', 'urgency']);
		expect(body['code']).toMatch(/^R[2-9A-HJ-NP-Z]{6}$/);
		expect(body['statusUrl']).toBe(`/status/${String(body['publicToken'])}`);
		expect(body).toMatchObject({ urgency: 'urgent', emergency: true });
		expect(JSON.stringify(body)).not.toMatch(/王芳|13812345678|5678|1201/);

		const [row] = await api.db
			.select()
			.from(workOrders)
			.where(eq(workOrders.code, String(body['code'])));
		expect(row).toMatchObject({
			estateId,
			channel: 'kiosk',
			residentId: owner.id,
			roomId: site.roomIds[0],
			buildingId: site.buildingId,
			status: 'submitted',
		});
		// The resident's number reaches the order as its contact, stored masked with the clear one sealed.
		expect(row?.state).toMatchObject({
			contact: { name: '王芳', phone: '138****5678' },
			submittedBy: { kind: 'resident', residentId: owner.id },
		});
		expect(row?.contactPhoneEncrypted).toMatch(/^v1:/);
	});

	it('files once for a retry with the same Idempotency-Key', async () => {
		const before = await count(workOrders);
		const headers = { 'idempotency-key': 'kiosk-retry-0001' };
		const first = await post(
			'/work-orders',
			filing({ description: '门锁坏了', category: 'doors_locks' }),
			kiosk.token,
			headers,
		);
		const second = await post(
			'/work-orders',
			filing({ description: '门锁坏了', category: 'doors_locks' }),
			kiosk.token,
			headers,
		);
		expect(first.status).toBe(201);
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect((await json(second))['code']).toBe((await json(first))['code']);
		expect(await count(workOrders)).toBe(before + 1);
	});

	it('refuses wrong digits with 422 and writes nothing', async () => {
		const before = await Promise.all([count(workOrders), count(workOrderHistory), count(events)]);
		const res = await post(
			'/work-orders',
			filing({ roomId: site.roomIds[0], phoneLast4: '1234' }),
			kiosk.token,
			{ 'idempotency-key': 'kiosk-wrong-0001' },
		);
		expect(res.status).toBe(422);
		const problem = await json(res);
		expect(problem).toMatchObject({ code: 'KIOSK.VERIFICATION_FAILED', errors: [{ path: 'phoneLast4' }] });
		expect(String(problem['detail'])).toMatch(/last four digits/);
		expect(await Promise.all([count(workOrders), count(workOrderHistory), count(events)])).toEqual(before);
	});

	it('refuses a room of another estate with 422 and writes nothing', async () => {
		const before = await count(workOrders);
		const res = await post('/work-orders', filing({ roomId: otherSite.roomIds[0], phoneLast4: '5678' }));
		expect(res.status).toBe(422);
		expect((await json(res))['code']).toBe('ROOM.NOT_FOUND');
		expect(await count(workOrders)).toBe(before);
	});

	it('puts photos uploaded at the kiosk on the order and ties them to it', async () => {
		const upload = await api.request('/api/v1/kiosk/photos', {
			method: 'POST',
			bearer: kiosk.token,
			body: photoForm(PNG_1X1, 'image/png'),
		});
		expect(upload.status).toBe(201);
		const photoId = String((await json(upload))['id']);
		const res = await post('/work-orders', filing({ attachments: [photoId] }));
		expect(res.status).toBe(201);
		const [row] = await api.db
			.select()
			.from(workOrders)
			.where(eq(workOrders.code, String((await json(res))['code'])));
		expect((row?.state as { attachments: unknown[] }).attachments).toEqual([
			expect.objectContaining({
				id: photoId,
				content: { kind: 'photo', storageKey: photoId, caption: null },
				addedDuring: 'submitted',
			}),
		]);
		const [stored] = await api.db
			.select({ workOrderId: attachments.workOrderId })
			.from(attachments)
			.where(eq(attachments.id, photoId));
		expect(stored?.workOrderId).toBe(row?.id);

		// The same photo cannot be filed twice, nor another kiosk's photo at all.
		const again = await post('/work-orders', filing({ attachments: [photoId] }));
		expect(again.status).toBe(422);
		expect((await json(again))['code']).toBe('ATTACHMENT.NOT_FOUND');
		const theirs = await api.request('/api/v1/kiosk/photos', {
			method: 'POST',
			bearer: otherKiosk.token,
			body: photoForm(PNG_1X1, 'image/png'),
		});
		const stolen = await post('/work-orders', filing({ attachments: [String((await json(theirs))['id'])] }));
		expect(stolen.status).toBe(422);
	});

	it('a kiosk cannot file for a room of another estate even with its resident’s digits', async () => {
		const res = await post(
			'/work-orders',
			filing({ roomId: site.roomIds[0], phoneLast4: '5678' }),
			otherKiosk.token,
		);
		expect(res.status).toBe(422);
		expect((await json(res))['code']).toBe('ROOM.NOT_FOUND');
	});
});

describe('following and rating a request at the kiosk', () => {
	async function fileOne(): Promise<{ code: string; id: string }> {
		const res = await post('/work-orders', filing({ description: '客厅灯不亮', category: 'electrical' }));
		const code = String((await json(res))['code']);
		const [row] = await api.db
			.select({ id: workOrders.id })
			.from(workOrders)
			.where(eq(workOrders.code, code));
		return { code, id: row?.id ?? '' };
	}

	async function resolve(id: string) {
		const wo = api.services.workOrders;
		const staff = { kind: 'staff' as const, staffId: desk.id as never };
		const techActor = { kind: 'staff' as const, staffId: tech.id as never };
		const opts = { requestId: null };
		for (const [actor, command] of [
			[staff, { type: 'accept' }],
			[staff, { type: 'assign', assigneeId: tech.id }],
			[techActor, { type: 'recordContact', method: 'phone', outcome: 'reached', note: null }],
			[techActor, { type: 'arrive' }],
			[
				techActor,
				{
					type: 'resolve',
					startedAt: api.now(),
					endedAt: api.now(),
					materials: [],
					result: '更换灯泡',
					residentSignedOff: true,
				},
			],
		] as const) {
			const result = await wo.execute(estateId, id, actor, command as never, opts);
			if (!result.ok) throw new Error(result.error.message);
			api.advance(60_000);
		}
	}

	it('shows progress with the technician’s name once assigned, and only for the household’s digits', async () => {
		const { code, id } = await fileOne();
		const first = await post('/work-orders/lookup', { code, phoneLast4: '5678' });
		expect(first.status).toBe(200);
		expect(await json(first)).toMatchObject({
			code,
			status: 'submitted',
			technician: null,
			canRate: false,
			next: { step: 'accept' },
		});

		await api.services.workOrders.execute(
			estateId,
			id,
			{ kind: 'staff', staffId: desk.id as never },
			{ type: 'accept' },
			{ requestId: null },
		);
		await api.services.workOrders.execute(
			estateId,
			id,
			{ kind: 'staff', staffId: desk.id as never },
			{ type: 'assign', assigneeId: tech.id as never },
			{ requestId: null },
		);
		const assigned = await json(
			await post('/work-orders/lookup', { code: code.toLowerCase(), phoneLast4: '5678' }),
		);
		expect(assigned).toMatchObject({
			status: 'assigned',
			technician: { name: expect.any(String) },
			next: { step: 'contact' },
		});
		expect(typeof assigned['expectedBy']).toBe('string');
		expect(JSON.stringify(assigned)).not.toMatch(/王芳|13812345678|客厅灯不亮/);

		const wrong = await post('/work-orders/lookup', { code, phoneLast4: '0000' });
		expect(wrong.status).toBe(422);
		const otherHousehold = await post('/work-orders/lookup', { code, phoneLast4: '5678' }, otherKiosk.token);
		expect(otherHousehold.status).toBe(422);
		const unknown = await post('/work-orders/lookup', { code: 'R222222', phoneLast4: '5678' });
		expect(unknown.status).toBe(422);
	});

	it('records a satisfied rating', async () => {
		const { code, id } = await fileOne();
		await resolve(id);
		expect(await json(await post('/work-orders/lookup', { code, phoneLast4: '5678' }))).toMatchObject({
			status: 'resolved',
			canRate: true,
		});
		const res = await post(`/work-orders/${code}/feedback`, {
			phoneLast4: '5678',
			ratings: { speed: 5, result: 5, attitude: 4 },
			satisfied: true,
		});
		expect(res.status).toBe(200);
		expect(await json(res)).toMatchObject({ status: 'feedback', canRate: false });
		const [row] = await api.db.select().from(workOrders).where(eq(workOrders.id, id));
		expect(row?.state).toMatchObject({
			feedback: { method: 'kiosk', satisfied: true, by: { kind: 'resident', residentId: owner.id } },
		});
	});

	it('sends the work back when the resident is not satisfied, and reopens on request', async () => {
		const { code, id } = await fileOne();
		await resolve(id);
		const unhappy = await post(`/work-orders/${code}/feedback`, {
			phoneLast4: '5678',
			ratings: { speed: 2, result: 1, attitude: 3 },
			comment: '灯还是不亮',
			satisfied: false,
		});
		expect(unhappy.status).toBe(200);
		expect(await json(unhappy)).toMatchObject({ status: 'assigned', reopenCount: 1 });

		const second = await fileOne();
		await resolve(second.id);
		const reopened = await post(`/work-orders/${second.code}/reopen`, {
			phoneLast4: '5678',
			reason: '第二天又坏了',
		});
		expect(reopened.status).toBe(200);
		expect(await json(reopened)).toMatchObject({ status: 'assigned', reopenCount: 1 });
		const notFinished = await fileOne();
		const refused = await post(`/work-orders/${notFinished.code}/reopen`, {
			phoneLast4: '5678',
			reason: '重新处理',
		});
		expect(refused.status).toBe(409);
		const wrong = await post(`/work-orders/${second.code}/reopen`, { phoneLast4: '1111', reason: 'x' });
		expect(wrong.status).toBe(422);
	});
});

describe('the api description', () => {
	it('documents the notices, kiosk, photo, attachment and public status routes', () => {
		const doc = api.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: 'test' } });
		expect(Object.keys(doc.paths ?? {})).toEqual(
			expect.arrayContaining([
				'/api/v1/notices',
				'/api/v1/notices/{id}',
				'/api/v1/kiosk/notices',
				'/api/v1/kiosk/rooms',
				'/api/v1/kiosk/verify',
				'/api/v1/kiosk/photos',
				'/api/v1/kiosk/work-orders',
				'/api/v1/kiosk/work-orders/lookup',
				'/api/v1/kiosk/work-orders/{code}/feedback',
				'/api/v1/kiosk/work-orders/{code}/reopen',
				'/api/v1/work-orders/{id}/photos',
				'/api/v1/attachments/{id}',
				'/api/v1/public/status/{token}',
			]),
		);
	});
});
