import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { events, notices } from '../../db/schema/index';
import { createKioskTestApi, type KioskTestApi } from '../kiosk/kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let otherSite: Awaited<ReturnType<typeof createSite>>;
let desk: { id: string; session: string };
let tech: { id: string; session: string };
let outsider: { id: string; session: string };

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const create = (body: Json, session = desk.session) =>
	api.request('/api/v1/notices', { method: 'POST', session, json: body });
const noticeEvents = async (id: string) =>
	(await api.db.select().from(events).where(eq(events.aggregateId, id)).orderBy(events.seq)).map((e) => [
		e.type,
		e.estateId,
	]);

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('NOTICES');
	otherEstateId = await api.createEstate('OTHER');
	site = await createSite(api.db, estateId);
	otherSite = await createSite(api.db, otherEstateId, '8');
	desk = await api.staffSession(estateId, ['customer_service']);
	tech = await api.staffSession(estateId, ['technician']);
	outsider = await api.staffSession(otherEstateId, ['admin']);
});
afterAll(() => api.close());

describe('writing notices', () => {
	it('creates a notice published now, with its outbox event for the kiosks', async () => {
		const res = await create({
			title: '停水通知',
			body: '3月5日 9:00-12:00 3栋停水',
			audience: { scope: 'buildings', buildingIds: [site.buildingId] },
			pinned: true,
		});
		expect(res.status).toBe(201);
		const notice = await json(res);
		expect(notice).toMatchObject({
			title: '停水通知',
			pinned: true,
			state: 'active',
			expireAt: null,
			createdBy: desk.id,
			publishAt: api.now().toISOString(),
		});
		expect(await noticeEvents(String(notice['id']))).toEqual([['notice.published', estateId]]);
		const [event] = await api.db
			.select()
			.from(events)
			.where(eq(events.aggregateId, String(notice['id'])));
		expect(JSON.stringify(event?.payload)).not.toContain(desk.id);
	});

	it.each([
		['a title over 120 characters', { title: '题'.repeat(121) }, 'title'],
		['a body over 5,000 characters', { body: '字'.repeat(5001) }, 'body'],
		['an empty title', { title: '   ' }, 'title'],
		[
			'an audience of no buildings',
			{ audience: { scope: 'buildings', buildingIds: [] } },
			'audience.buildingIds',
		],
	])('refuses %s with 400', async (_name, change, path) => {
		const res = await create({ title: '通知', body: '正文', audience: { scope: 'estate' }, ...change });
		expect(res.status).toBe(400);
		expect(((await json(res))['errors'] as Json[]).map((e) => e['path'])).toContain(path);
	});

	it('refuses an expiry before publication and a building of another estate with 422, writing nothing', async () => {
		const before = (await api.db.select({ n: sql<number>`count(*)::int` }).from(notices))[0]?.n;
		const publishAt = new Date(api.now().getTime() + 86_400_000);
		const backwards = await create({
			title: '通知',
			body: '正文',
			audience: { scope: 'estate' },
			publishAt: publishAt.toISOString(),
			expireAt: api.now().toISOString(),
		});
		expect(backwards.status).toBe(422);
		expect(await json(backwards)).toMatchObject({
			code: 'NOTICE.EXPIRES_BEFORE_PUBLISH',
			errors: [{ path: 'expireAt' }],
		});
		const foreign = await create({
			title: '通知',
			body: '正文',
			audience: { scope: 'buildings', buildingIds: [otherSite.buildingId] },
		});
		expect(foreign.status).toBe(422);
		expect(await json(foreign)).toMatchObject({
			code: 'BUILDING.NOT_FOUND',
			errors: [{ path: 'audience.buildingIds.0' }],
		});
		expect((await api.db.select({ n: sql<number>`count(*)::int` }).from(notices))[0]?.n).toBe(before);
	});

	it('needs notices.manage: a technician may read but not write; nobody signed in gets 401', async () => {
		expect(
			(await create({ title: '通知', body: '正文', audience: { scope: 'estate' } }, tech.session)).status,
		).toBe(403);
		expect((await api.request('/api/v1/notices', { session: tech.session })).status).toBe(200);
		expect((await api.request('/api/v1/notices')).status).toBe(401);
	});

	it('updates a notice and withdraws it softly, each with its event', async () => {
		const id = String(
			(await json(await create({ title: '电梯保养', body: '周三上午', audience: { scope: 'estate' } })))[
				'id'
			],
		);
		const later = new Date(api.now().getTime() + 7 * 86_400_000).toISOString();
		const updated = await api.request(`/api/v1/notices/${id}`, {
			method: 'PATCH',
			session: desk.session,
			json: { body: '周四上午', expireAt: later },
		});
		expect(updated.status).toBe(200);
		expect(await json(updated)).toMatchObject({ title: '电梯保养', body: '周四上午', expireAt: later });
		const badChange = await api.request(`/api/v1/notices/${id}`, {
			method: 'PATCH',
			session: desk.session,
			json: { publishAt: new Date(api.now().getTime() + 8 * 86_400_000).toISOString() },
		});
		expect(badChange.status).toBe(422);

		const deleted = await api.request(`/api/v1/notices/${id}`, { method: 'DELETE', session: desk.session });
		expect(deleted.status).toBe(204);
		expect(await noticeEvents(id)).toEqual([
			['notice.published', estateId],
			['notice.updated', estateId],
			['notice.withdrawn', estateId],
		]);
		const [row] = await api.db.select().from(notices).where(eq(notices.id, id));
		expect(row?.deletedAt).toBeInstanceOf(Date);
		expect((await api.request(`/api/v1/notices/${id}`, { session: desk.session })).status).toBe(404);
		expect(
			(await api.request(`/api/v1/notices/${id}`, { method: 'DELETE', session: desk.session })).status,
		).toBe(404);
	});

	it('keeps each estate’s notices to itself', async () => {
		const id = String(
			(await json(await create({ title: '本小区', body: '正文', audience: { scope: 'estate' } })))['id'],
		);
		expect((await api.request(`/api/v1/notices/${id}`, { session: outsider.session })).status).toBe(404);
		expect(
			(
				await api.request(`/api/v1/notices/${id}`, {
					method: 'PATCH',
					session: outsider.session,
					json: { title: 'x' },
				})
			).status,
		).toBe(404);
		const list = await json(await api.request('/api/v1/notices', { session: outsider.session }));
		expect(list['total']).toBe(0);
	});
});

describe('listing notices', () => {
	it('filters by state and pinned, pinned first, in pages', async () => {
		const estate = await api.createEstate('LIST');
		const admin = await api.staffSession(estate, ['admin']);
		const at = api.now().getTime();
		const add = (title: string, extra: Json = {}) =>
			create({ title, body: '正文', audience: { scope: 'estate' }, ...extra }, admin.session).then(
				async (res) => {
					expect(res.status).toBe(201);
					return json(res);
				},
			);
		await add('过期', {
			publishAt: new Date(at - 86_400_000).toISOString(),
			expireAt: new Date(at - 60_000).toISOString(),
		});
		await add('计划', { publishAt: new Date(at + 86_400_000).toISOString() });
		await add('生效A', { publishAt: new Date(at - 120_000).toISOString() });
		await add('生效B置顶', { publishAt: new Date(at - 240_000).toISOString(), pinned: true });

		const list = async (query: string) =>
			json(await api.request(`/api/v1/notices${query}`, { session: admin.session }));
		const titles = (page: Json) => (page['items'] as Json[]).map((n) => n['title']);
		expect(titles(await list(''))).toEqual(['生效B置顶', '计划', '生效A', '过期']);
		expect(titles(await list('?state=active'))).toEqual(['生效B置顶', '生效A']);
		expect(titles(await list('?state=scheduled'))).toEqual(['计划']);
		expect(titles(await list('?state=expired'))).toEqual(['过期']);
		expect(titles(await list('?pinned=true'))).toEqual(['生效B置顶']);
		expect((await list('?state=expired'))['items']).toEqual([expect.objectContaining({ state: 'expired' })]);
		const page2 = await list('?limit=2&offset=2');
		expect(titles(page2)).toEqual(['生效A', '过期']);
		expect(page2).toMatchObject({ total: 4, limit: 2, offset: 2 });
		expect((await api.request('/api/v1/notices?state=soon', { session: admin.session })).status).toBe(400);
	});
});
