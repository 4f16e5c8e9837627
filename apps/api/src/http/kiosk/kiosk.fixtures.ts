import { randomUUID } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { createTestApi } from '#test/api-harness';
import { appendEvents } from '../../db/repositories/event.repository';
import { households, residents } from '../../db/schema/index';
import { generateEncryptionKey } from '../../privacy/field-encryption';
import { protectPhone } from '../../privacy/sensitive-field';
import { createAttachmentService } from '../../services/attachment.service';
import { createKioskService } from '../../services/kiosk.service';
import { createKioskUndeliveredService } from '../../services/kiosk-undelivered.service';
import { createNoticeService } from '../../services/notice.service';
import { attachmentRoutes, workOrderPhotoRoutes } from '../attachments/attachments.routes';
import { authenticate, originCheck, passwordChangeGate, requirePermission } from '../auth/auth.middleware';
import { noticeRoutes } from '../notices/notices.routes';
import { createRouter } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import { PUBLIC_STATUS_MISS_LIMIT, publicStatusRoutes } from '../public-status/public-status.routes';
import { statusPageRoutes } from '../public-status/status-page.routes';
import { createAddressRateLimiter } from '../../auth/address-rate-limiter';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { workOrderRoutes } from '../work-orders/work-orders.routes';
import { kioskRoutes } from './kiosk.routes';
import { kioskUndeliveredRoutes } from './kiosk-undelivered.routes';

/**
 * Test kit for notices, the kiosk, attachments and the public status page: the harness's api (for sign-in
 * and device issuing) plus an app wired the way app.ts will wire these areas, over the same database and
 * clock. `x-test-client` sets the client address the public status page limits by.
 */
export async function createKioskTestApi() {
	const api = await createTestApi();
	const { db, now } = api;
	const encryptionKey = generateEncryptionKey();
	const notices = createNoticeService({ db, now, appendEvents });
	const attachments = createAttachmentService({
		db,
		now,
		newId: randomUUID,
		workOrders: api.services.workOrders,
	});
	const kiosk = createKioskService({ db, now, workOrders: api.services.workOrders, encryptionKey });
	const undelivered = createKioskUndeliveredService({ db, now, appendEvents });
	const idempotency = { db, now };
	const statusMisses = createAddressRateLimiter({ now, ...PUBLIC_STATUS_MISS_LIMIT });
	const testClient = (c: { req: { header: (name: string) => string | undefined } }) =>
		c.req.header('x-test-client') ?? '203.0.113.9';

	const app = createRouter();
	app.use(requestId());
	app.use('/api/*', originCheck([]));
	app.use('/api/*', authenticate({ auth: api.services.auth, secureCookies: false }));
	app.use('/api/*', passwordChangeGate());
	app.onError((error, c) => {
		if (error instanceof HTTPException)
			return problemResponse(
				problem(error.status, error.message || 'Request failed', { requestId: c.get('requestId') }),
			);
		throw error;
	});
	app
		.route(
			'/api/v1/work-orders',
			workOrderRoutes({ db, service: api.services.workOrders, idempotency, requirePermission }),
		)
		.route('/api/v1/work-orders', workOrderPhotoRoutes({ db, attachments, requirePermission }))
		.route('/api/v1/attachments', attachmentRoutes({ db, attachments, requirePermission }))
		.route('/api/v1/notices', noticeRoutes({ notices, now, requirePermission }))
		.route(
			'/api/v1/kiosk',
			kioskRoutes({ kiosk, notices, attachments, undelivered, idempotency, requirePermission }),
		)
		.route('/api/v1/kiosk-undelivered', kioskUndeliveredRoutes({ undelivered, requirePermission }))
		.route(
			'/api/v1/public',
			publicStatusRoutes({ db, now, clientAddress: testClient, missLimiter: statusMisses }),
		);
	app.route('/', statusPageRoutes({ db, now, clientAddress: testClient, missLimiter: statusMisses }));

	type RequestOptions = RequestInit & { session?: string; bearer?: string; json?: unknown };
	const request = async (path: string, init: RequestOptions = {}): Promise<Response> => {
		const headers = new Headers(init.headers);
		if (init.session) headers.set('cookie', `${SESSION_COOKIE}=${init.session}`);
		if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
		if (init.json !== undefined) headers.set('content-type', 'application/json');
		if (init.method && init.method !== 'GET' && !headers.has('origin'))
			headers.set('origin', 'http://localhost');
		const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
		return app.request(path, { ...init, headers, ...(body !== undefined && body !== null ? { body } : {}) });
	};

	/** A kiosk device token for the estate, issued by an administrator through the devices api. */
	const kioskToken = async (estateId: string): Promise<{ token: string; deviceId: string }> => {
		const admin = await api.staffSession(estateId, ['admin']);
		const res = await api.request('/api/v1/devices', {
			method: 'POST',
			session: admin.session,
			json: { kind: 'kiosk', name: `大堂 ${randomUUID().slice(0, 4)}`, staffId: null },
		});
		if (res.status !== 201) throw new Error(`issuing a kiosk failed with ${res.status}: ${await res.text()}`);
		const body = (await res.json()) as { token: string; device: { id: string } };
		return { token: body.token, deviceId: body.device.id };
	};

	/** A household in the room with one resident (phone sealed as the seed seals it). */
	const resident = async (
		estateId: string,
		roomId: string,
		options: {
			name?: string;
			phone?: string;
			relation?: string;
			movedOutOn?: string;
			householdId?: string;
		} = {},
	): Promise<{ id: string; householdId: string; name: string; phone: string }> => {
		const phone = options.phone ?? '13812345678';
		const name = options.name ?? '王芳';
		let householdId = options.householdId;
		if (!householdId) {
			const [household] = await db
				.insert(households)
				.values({ estateId, roomId, movedInOn: '2020-01-01' })
				.returning({ id: households.id });
			if (!household) throw new Error('no household');
			householdId = household.id;
		}
		const sealed = protectPhone(phone, encryptionKey);
		const [row] = await db
			.insert(residents)
			.values({
				estateId,
				householdId,
				name,
				relation: options.relation ?? 'owner',
				phoneEncrypted: sealed.encrypted,
				phoneMasked: sealed.masked,
				movedInOn: '2020-01-01',
				movedOutOn: options.movedOutOn ?? null,
			})
			.returning({ id: residents.id });
		if (!row) throw new Error('no resident');
		return { id: row.id, householdId, name, phone };
	};

	return {
		...api,
		app,
		request,
		harnessRequest: api.request,
		kioskToken,
		resident,
		encryptionKey,
		services: { ...api.services, notices, attachments, kiosk, kioskUndelivered: undelivered },
	};
}

export type KioskTestApi = Awaited<ReturnType<typeof createKioskTestApi>>;

/** Smallest real images: a 1×1 PNG, the start of a JPEG and a WebP header, and bytes that are none of them. */
export const PNG_1X1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);
export const JPEG_BYTES = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
	Buffer.from('JFIF\0', 'latin1'),
	Buffer.alloc(64, 7),
]);
export const WEBP_BYTES = Buffer.concat([
	Buffer.from('RIFF', 'latin1'),
	Buffer.from([0x24, 0, 0, 0]),
	Buffer.from('WEBPVP8 ', 'latin1'),
	Buffer.alloc(32, 1),
]);
export const TEXT_BYTES = Buffer.from('just some text, not a picture\n', 'utf8');

/** A multipart body with `bytes` in the field `photo`, declared as `type`. */
export function photoForm(
	bytes: Buffer,
	type: string,
	name = 'photo.bin',
	extra: Record<string, string> = {},
): FormData {
	const form = new FormData();
	form.set('photo', new File([new Uint8Array(bytes)], name, { type }));
	for (const [key, value] of Object.entries(extra)) form.set(key, value);
	return form;
}
