import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '#test/site-factory';
import { attachments, workOrderHistory, workOrders } from '../../db/schema/index';
import { sniffPhotoType } from '../../services/attachment.service';
import {
	createKioskTestApi,
	JPEG_BYTES,
	photoForm,
	PNG_1X1,
	TEXT_BYTES,
	WEBP_BYTES,
	type KioskTestApi,
} from '../kiosk/kiosk.fixtures';

let api: KioskTestApi;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let desk: { id: string; session: string };
let tech: { id: string; session: string };
let otherTech: { id: string; session: string };
let dispatcher: { id: string; session: string };
let outsider: { id: string; session: string };
let kiosk: { token: string };

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const storedCount = async () =>
	(await api.db.select({ n: sql<number>`count(*)::int` }).from(attachments))[0]?.n ?? 0;

async function newOrder(): Promise<string> {
	const res = await api.request('/api/v1/work-orders', {
		method: 'POST',
		session: desk.session,
		json: {
			kind: 'repair',
			category: 'plumbing',
			channel: 'front_desk',
			description: '阳台地漏堵了',
			location: { kind: 'room', roomId: site.roomIds[0], buildingId: site.buildingId },
		},
	});
	expect(res.status).toBe(201);
	return String(((await json(res))['order'] as Json)['id']);
}

const upload = (id: string, form: FormData, session = desk.session) =>
	api.request(`/api/v1/work-orders/${id}/photos`, { method: 'POST', session, body: form });

beforeAll(async () => {
	api = await createKioskTestApi();
	estateId = await api.createEstate('PHOTOS');
	otherEstateId = await api.createEstate('OTHER');
	site = await createSite(api.db, estateId);
	desk = await api.staffSession(estateId, ['customer_service']);
	tech = await api.staffSession(estateId, ['technician'], { skills: ['plumbing'] });
	otherTech = await api.staffSession(estateId, ['technician'], { skills: ['plumbing'] });
	dispatcher = await api.staffSession(estateId, ['dispatcher']);
	outsider = await api.staffSession(otherEstateId, ['admin', 'customer_service']);
	kiosk = await api.kioskToken(estateId);
});
afterAll(() => api.close());

describe('recognising photos by their bytes', () => {
	it.each([
		['PNG', PNG_1X1, 'image/png'],
		['JPEG', JPEG_BYTES, 'image/jpeg'],
		['WebP', WEBP_BYTES, 'image/webp'],
		['text', TEXT_BYTES, null],
		['a truncated PNG signature', PNG_1X1.subarray(0, 4), null],
	])('%s is %s', (_name, bytes, type) => {
		expect(sniffPhotoType(bytes)).toBe(type);
	});
});

describe('adding a photo to a work order', () => {
	it('stores it with its hash and size and puts it on the order’s timeline', async () => {
		const id = await newOrder();
		const res = await upload(id, photoForm(PNG_1X1, 'image/png', 'leak.png', { caption: '地漏' }));
		expect(res.status).toBe(201);
		const body = await json(res);
		const attachment = body['attachment'] as Json;
		expect(attachment).toMatchObject({ contentType: 'image/png', sizeBytes: PNG_1X1.length });
		expect(attachment['sha256']).toMatch(/^[0-9a-f]{64}$/);
		expect(body['version']).toBe(2);

		const [row] = await api.db
			.select()
			.from(attachments)
			.where(eq(attachments.id, String(attachment['id'])));
		expect(row).toMatchObject({
			estateId,
			workOrderId: id,
			contentType: 'image/png',
			sizeBytes: PNG_1X1.length,
			uploadedBy: { kind: 'staff', staffId: desk.id },
		});
		expect(Buffer.compare(row?.content ?? Buffer.alloc(0), PNG_1X1)).toBe(0);
		const history = await api.db.select().from(workOrderHistory).where(eq(workOrderHistory.workOrderId, id));
		expect(history.map((h) => h.type)).toEqual(['workOrder.submitted', 'workOrder.attachmentAdded']);
		const [order] = await api.db
			.select({ state: workOrders.state })
			.from(workOrders)
			.where(eq(workOrders.id, id));
		expect((order?.state as { attachments: unknown[] }).attachments).toEqual([
			expect.objectContaining({
				id: attachment['id'],
				content: { kind: 'photo', storageKey: attachment['id'], caption: '地漏' },
			}),
		]);
	});

	it('judges the type by the bytes: a PNG sent as text/plain is stored as PNG, text sent as JPEG is refused with 415', async () => {
		const id = await newOrder();
		const renamed = await upload(id, photoForm(PNG_1X1, 'text/plain', 'notes.txt'));
		expect(renamed.status).toBe(201);
		expect((await json(renamed))['attachment']).toMatchObject({ contentType: 'image/png' });
		const jpeg = await upload(id, photoForm(JPEG_BYTES, 'image/png', 'photo.png'));
		expect((await json(jpeg))['attachment']).toMatchObject({ contentType: 'image/jpeg' });

		const before = await storedCount();
		const fake = await upload(id, photoForm(TEXT_BYTES, 'image/jpeg', 'photo.jpg'));
		expect(fake.status).toBe(415);
		expect(await json(fake)).toMatchObject({
			code: 'ATTACHMENT.UNSUPPORTED_TYPE',
			title: 'Unsupported Media Type',
		});
		expect(await storedCount()).toBe(before);
	});

	it('refuses a 6 MB upload with 413 and stores nothing', async () => {
		const id = await newOrder();
		const before = await storedCount();
		const big = Buffer.concat([JPEG_BYTES, Buffer.alloc(6 * 1024 * 1024)]);
		const res = await upload(id, photoForm(big, 'image/jpeg', 'big.jpg'));
		expect(res.status).toBe(413);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(await json(res)).toMatchObject({ code: 'ATTACHMENT.TOO_LARGE' });
		// Just over 5 MB inside the allowed envelope is still refused, by the photo's own size.
		const justOver = await upload(
			id,
			photoForm(Buffer.concat([JPEG_BYTES, Buffer.alloc(5 * 1024 * 1024)]), 'image/jpeg'),
		);
		expect(justOver.status).toBe(413);
		expect(await storedCount()).toBe(before);
	});

	it('asks for the photo in the field "photo"', async () => {
		const id = await newOrder();
		const form = new FormData();
		form.set('picture', new File([new Uint8Array(PNG_1X1)], 'a.png', { type: 'image/png' }));
		const res = await upload(id, form);
		expect(res.status).toBe(400);
		expect(((await json(res))['errors'] as Json[]).map((e) => e['path'])).toContain('photo');
	});

	it('lets a technician add photos to their own task only, and nobody without the permission', async () => {
		const id = await newOrder();
		const staff = { kind: 'staff' as const, staffId: desk.id as never };
		await api.services.workOrders.execute(estateId, id, staff, { type: 'accept' }, { requestId: null });
		await api.services.workOrders.execute(
			estateId,
			id,
			staff,
			{ type: 'assign', assigneeId: tech.id as never },
			{ requestId: null },
		);
		expect((await upload(id, photoForm(PNG_1X1, 'image/png'), tech.session)).status).toBe(201);
		expect((await upload(id, photoForm(PNG_1X1, 'image/png'), otherTech.session)).status).toBe(404);
		expect((await upload(id, photoForm(PNG_1X1, 'image/png'), dispatcher.session)).status).toBe(403);
		expect((await upload(id, photoForm(PNG_1X1, 'image/png'), outsider.session)).status).toBe(404);
		expect(
			(
				await api.request(`/api/v1/work-orders/${id}/photos`, {
					method: 'POST',
					bearer: kiosk.token,
					body: photoForm(PNG_1X1, 'image/png'),
				})
			).status,
		).toBe(403);
	});

	it('removes the file again when the order no longer takes photos', async () => {
		const id = await newOrder();
		await api.services.workOrders.execute(
			estateId,
			id,
			{ kind: 'staff', staffId: desk.id as never },
			{ type: 'cancel', reason: '业主自行处理' },
			{ requestId: null },
		);
		const before = await storedCount();
		const res = await upload(id, photoForm(PNG_1X1, 'image/png'));
		expect(res.status).toBe(409);
		expect(await storedCount()).toBe(before);
	});
});

describe('serving a photo', () => {
	it('serves the bytes with their type and private caching to staff of the estate only', async () => {
		const id = await newOrder();
		const photoId = String(
			((await json(await upload(id, photoForm(JPEG_BYTES, 'image/jpeg'))))['attachment'] as Json)['id'],
		);
		const res = await api.request(`/api/v1/attachments/${photoId}`, { session: desk.session });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/jpeg');
		expect(res.headers.get('cache-control')).toMatch(/^private/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), JPEG_BYTES)).toBe(0);

		expect((await api.request(`/api/v1/attachments/${photoId}`, { session: outsider.session })).status).toBe(
			404,
		);
		expect((await api.request(`/api/v1/attachments/${photoId}`, { session: otherTech.session })).status).toBe(
			404,
		);
		expect((await api.request(`/api/v1/attachments/${photoId}`, { bearer: kiosk.token })).status).toBe(403);
		expect((await api.request(`/api/v1/attachments/${photoId}`)).status).toBe(401);
		expect((await api.request('/api/v1/attachments/not-an-id', { session: desk.session })).status).toBe(404);
	});

	it('refuses a kiosk photo over 5 MB with 413 and accepts a WebP', async () => {
		const before = await storedCount();
		const big = await api.request('/api/v1/kiosk/photos', {
			method: 'POST',
			bearer: kiosk.token,
			body: photoForm(Buffer.concat([PNG_1X1, Buffer.alloc(6 * 1024 * 1024)]), 'image/png'),
		});
		expect(big.status).toBe(413);
		expect(await storedCount()).toBe(before);
		const webp = await api.request('/api/v1/kiosk/photos', {
			method: 'POST',
			bearer: kiosk.token,
			body: photoForm(WEBP_BYTES, 'image/webp'),
		});
		expect(webp.status).toBe(201);
		expect(await json(webp)).toMatchObject({ contentType: 'image/webp', sizeBytes: WEBP_BYTES.length });
	});
});
