import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { createKioskTestApi, photoForm, PNG_1X1, type KioskTestApi } from './kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let kiosk: { token: string };
let desk: { id: string; session: string };
let tech: { id: string; session: string };

type Detail = {
	order: {
		id: string;
		status: string;
		version: number;
		description: string;
		reopenCount: number;
		attachments: { id: string; content: { kind: string; storageKey?: string }; addedDuring: string }[];
	};
};

const DESCRIPTION = '入户门锁芯卡住，钥匙拧不动；门外有划痕';

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('LOST');
	site = await createSite(api.db, estateId);
	kiosk = await api.kioskToken(estateId);
	desk = await api.staffSession(estateId, ['customer_service', 'dispatcher']);
	tech = await api.staffSession(estateId, ['technician'], { skills: ['doors_locks'] });
	await api.resident(estateId, site.roomIds[0] ?? '', { name: '孙丽', phone: '13698761234' });
});
afterAll(() => api.close());

describe('nothing lost between steps', () => {
	it('keeps the kiosk’s photo and the resident’s words on the order through assign, reopen and close', async () => {
		const upload = await api.request('/api/v1/kiosk/photos', {
			method: 'POST',
			bearer: kiosk.token,
			body: photoForm(PNG_1X1, 'image/png', 'lock.png'),
		});
		expect(upload.status).toBe(201);
		const photoId = ((await upload.json()) as { id: string }).id;
		const filed = await api.request('/api/v1/kiosk/work-orders', {
			method: 'POST',
			bearer: kiosk.token,
			json: {
				roomId: site.roomIds[0],
				phoneLast4: '1234',
				kind: 'repair',
				category: 'doors_locks',
				description: DESCRIPTION,
				attachments: [photoId],
			},
		});
		expect(filed.status).toBe(201);
		const { code } = (await filed.json()) as { code: string };
		const found = (await (
			await api.request(`/api/v1/work-orders?q=${code}`, { session: desk.session })
		).json()) as { items: Detail[] };
		const id = found.items[0]?.order.id ?? '';

		/** The order as the desk's api shows it: the words and the photo must be there, and the photo readable. */
		const expectIntact = async (step: string, status: string) => {
			const res = await api.request(`/api/v1/work-orders/${id}`, { session: desk.session });
			expect(res.status, step).toBe(200);
			const { order } = (await res.json()) as Detail;
			expect(order.status, step).toBe(status);
			expect(order.description, step).toBe(DESCRIPTION);
			expect(order.attachments, step).toEqual([
				expect.objectContaining({
					id: photoId,
					content: expect.objectContaining({ kind: 'photo', storageKey: photoId }),
					addedDuring: 'submitted',
				}),
			]);
			const photo = await api.request(`/api/v1/attachments/${photoId}`, { session: desk.session });
			expect(photo.status, step).toBe(200);
			expect(photo.headers.get('content-type'), step).toBe('image/png');
			expect(Buffer.from(await photo.arrayBuffer()).equals(PNG_1X1), step).toBe(true);
			return order;
		};
		const command = async (session: string, body: Record<string, unknown>) => {
			api.advance(10 * 60_000);
			const res = await api.request(`/api/v1/work-orders/${id}/commands`, {
				method: 'POST',
				session,
				json: body,
			});
			expect(res.status, `${String(body['type'])}: ${await res.clone().text()}`).toBe(200);
		};
		const fieldWork = async () => {
			await command(tech.session, { type: 'recordContact', method: 'phone', outcome: 'reached' });
			await command(tech.session, { type: 'arrive' });
			await command(tech.session, {
				type: 'resolve',
				startedAt: api.now().toISOString(),
				endedAt: api.now().toISOString(),
				materials: [],
				result: '更换锁芯，试开正常',
				residentSignedOff: true,
			});
		};

		await expectIntact('filed', 'submitted');
		await command(desk.session, { type: 'accept' });
		await expectIntact('accepted', 'accepted');
		await command(desk.session, { type: 'assign', assigneeId: tech.id });
		await expectIntact('assigned', 'assigned');
		await fieldWork();
		await expectIntact('resolved', 'resolved');

		// The resident says it is not solved, at the kiosk.
		api.advance(60 * 60_000);
		const reopened = await api.request(`/api/v1/kiosk/work-orders/${code}/reopen`, {
			method: 'POST',
			bearer: kiosk.token,
			json: { phoneLast4: '1234', reason: '锁还是卡' },
		});
		expect(reopened.status).toBe(200);
		expect((await expectIntact('reopened', 'assigned')).reopenCount).toBe(1);

		await fieldWork();
		await expectIntact('resolved again', 'resolved');
		api.advance(60_000);
		const rated = await api.request(`/api/v1/kiosk/work-orders/${code}/feedback`, {
			method: 'POST',
			bearer: kiosk.token,
			json: { phoneLast4: '1234', ratings: { speed: 4, result: 5, attitude: 5 }, satisfied: true },
		});
		expect(rated.status).toBe(200);
		await expectIntact('rated', 'feedback');
		await command(desk.session, { type: 'close' });
		const closed = await expectIntact('closed', 'closed');
		expect(closed.reopenCount).toBe(1);
	});
});
