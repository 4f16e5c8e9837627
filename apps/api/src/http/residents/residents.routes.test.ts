import type { StaffRole } from '@estate-ops/domain/estate';
import { and, eq, sql } from 'drizzle-orm';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { createSite } from '#test/site-factory';
import { listAudit, SENSITIVE_READ_ACTION } from '../../db/repositories/audit.repository';
import { auditLog, households, residents } from '../../db/schema/index';
import { generateEncryptionKey, type EncryptionKey } from '../../privacy/field-encryption';
import { protectIdNumber, protectPhone } from '../../privacy/sensitive-field';
import { createResidentService } from '../../services/resident.service';
import { authenticate, passwordChangeGate, requirePermission } from '../auth/auth.middleware';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { createRouter } from '../openapi-router';
import { residentRoutes } from './residents.routes';

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';
const OTHER_PHONE = '13987654321';

let api: TestApi;
let app: ReturnType<typeof createRouter>;
let key: EncryptionKey;
let estateId: string;
let otherEstateId: string;
let site: Awaited<ReturnType<typeof createSite>>;
let otherSite: Awaited<ReturnType<typeof createSite>>;
let wang: string;
let li: string;
let movedOut: string;
let stranger: string;
const sessions = new Map<StaffRole, { id: string; session: string }>();

type Page = { items: Record<string, unknown>[]; nextOffset: number | null };

async function addResident(
	estate: string,
	roomId: string,
	person: { name: string; phone: string; idNumber?: string; movedOutOn?: string; relation?: string },
): Promise<string> {
	const [household] = await api.db
		.insert(households)
		.values({ estateId: estate, roomId })
		.returning({ id: households.id });
	if (!household) throw new Error('no household');
	const phone = protectPhone(person.phone, key);
	const id = person.idNumber ? protectIdNumber(person.idNumber, key) : null;
	const [row] = await api.db
		.insert(residents)
		.values({
			estateId: estate,
			householdId: household.id,
			name: person.name,
			relation: person.relation ?? 'owner',
			phoneEncrypted: phone.encrypted,
			phoneMasked: phone.masked,
			idNumberEncrypted: id?.encrypted ?? null,
			idNumberMasked: id?.masked ?? null,
			movedInOn: '2020-05-01',
			movedOutOn: person.movedOutOn ?? null,
		})
		.returning({ id: residents.id });
	if (!row) throw new Error('no resident');
	return row.id;
}

const get = (path: string, role?: StaffRole) => {
	const session = role ? sessions.get(role)?.session : undefined;
	return app.request(path, session ? { headers: { cookie: `${SESSION_COOKIE}=${session}` } } : {});
};

const auditRowsOf = (residentId: string) =>
	api.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.subjectId, residentId), eq(auditLog.action, SENSITIVE_READ_ACTION)));

beforeAll(async () => {
	api = await createTestApi();
	key = generateEncryptionKey();
	estateId = await api.createEstate('RES');
	otherEstateId = await api.createEstate('RES2');
	site = await createSite(api.db, estateId, '3');
	otherSite = await createSite(api.db, otherEstateId, '9');
	wang = await addResident(estateId, site.roomIds[0] ?? '', {
		name: '王芳',
		phone: PHONE,
		idNumber: ID_NUMBER,
	});
	li = await addResident(estateId, site.roomIds[1] ?? '', {
		name: '李建国',
		phone: OTHER_PHONE,
		relation: 'tenant',
	});
	movedOut = await addResident(estateId, site.roomIds[2] ?? '', {
		name: '王小明',
		phone: '13700001111',
		movedOutOn: '2024-01-01',
		relation: 'tenant',
	});
	stranger = await addResident(otherEstateId, otherSite.roomIds[0] ?? '', {
		name: '赵强',
		phone: '13600002222',
	});

	const service = createResidentService({ db: api.db, now: api.now, encryptionKey: key });
	// The way app.ts wires an area: request id, authentication and the password gate on /api/*, then the sub-app.
	app = createRouter();
	app.use(requestId());
	app.use('/api/*', authenticate({ auth: api.services.auth, secureCookies: false }));
	app.use('/api/*', passwordChangeGate());
	app.route(
		'/api/v1/residents',
		residentRoutes({ service, requirePermission, clientAddress: () => '198.51.100.7' }),
	);
	app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'test', version: 'test' } });

	const roles: StaffRole[] = [
		'admin',
		'manager',
		'control_room',
		'customer_service',
		'dispatcher',
		'finance',
		'technician',
		'guard',
		'cleaner',
		'supervisor',
	];
	for (const role of roles) sessions.set(role, await api.staffSession(estateId, [role]));
});
afterAll(() => api.close());

describe('the resident directory', () => {
	it.each<StaffRole>(['admin', 'manager', 'control_room', 'customer_service', 'dispatcher', 'finance'])(
		'lists residents to %s with masked phone and ID numbers only',
		async (role) => {
			const res = await get('/api/v1/residents', role);
			expect(res.status).toBe(200);
			const text = await res.text();
			expect(text).not.toContain(PHONE);
			expect(text).not.toContain(ID_NUMBER);
			expect(text).not.toContain('v1:');
			const page = JSON.parse(text) as Page;
			expect(page.items.map((item) => item['name']).sort()).toEqual(['李建国', '王芳'].sort());
			expect(page.items.find((item) => item['id'] === wang)).toMatchObject({
				phoneMasked: '138****5678',
				idNumberMasked: '110***********002X',
				relation: 'owner',
				room: {
					id: site.roomIds[0],
					buildingId: site.buildingId,
					buildingNumber: '3',
					unitNumber: '2',
					number: '1201',
					floor: 12,
				},
			});
			expect(Object.keys(page.items[0] ?? {})).not.toContain('phoneEncrypted');
		},
	);

	it.each<StaffRole>(['technician', 'guard', 'cleaner', 'supervisor'])(
		'refuses the directory to %s',
		async (role) => {
			const res = await get('/api/v1/residents', role);
			expect(res.status).toBe(403);
			expect(res.headers.get('content-type')).toContain('application/problem+json');
		},
	);

	it('finds residents by building, room and part of the name, within the caller’s estate', async () => {
		const search = async (query: string) =>
			((await (await get(`/api/v1/residents?${query}`, 'customer_service')).json()) as Page).items.map(
				(item) => item['name'],
			);

		expect(await search(`buildingId=${site.buildingId}`)).toEqual(['王芳', '李建国']);
		expect(await search(`buildingId=${otherSite.buildingId}`)).toEqual([]);
		expect(await search('room=1202')).toEqual(['李建国']);
		expect(await search(`roomId=${site.roomIds[0]}`)).toEqual(['王芳']);
		expect(await search(`name=${encodeURIComponent('王')}`)).toEqual(['王芳']);
		expect(await search(`name=${encodeURIComponent('王')}&includeMovedOut=true`)).toEqual(['王芳', '王小明']);
		expect(await search(`name=${encodeURIComponent('赵')}`)).toEqual([]);
		const withPast = (await (
			await get('/api/v1/residents?includeMovedOut=true', 'customer_service')
		).json()) as Page;
		expect(withPast.items.find((item) => item['id'] === movedOut)).toMatchObject({
			movedOutOn: '2024-01-01',
			phoneMasked: '137****1111',
		});
	});

	it('pages with limit and nextOffset', async () => {
		const first = (await (await get('/api/v1/residents?limit=1', 'customer_service')).json()) as Page;
		const second = (await (
			await get('/api/v1/residents?limit=1&offset=1', 'customer_service')
		).json()) as Page;
		expect([first.items.length, first.nextOffset, second.items.length, second.nextOffset]).toEqual([
			1,
			1,
			1,
			null,
		]);
		expect(first.items[0]?.['id']).not.toBe(second.items[0]?.['id']);
	});

	it('answers a bad filter with 400 naming the field', async () => {
		const res = await get('/api/v1/residents?buildingId=not-a-uuid', 'customer_service');
		expect(res.status).toBe(400);
		expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
			'buildingId',
		);
	});
});

describe('the unmasked contact', () => {
	it('gives customer service the clear phone and ID number and audits the read with who, which fields, when and the request id', async () => {
		const desk = sessions.get('customer_service');
		const res = await get(
			`/api/v1/residents/${wang}/contact?reason=${encodeURIComponent('回访')}`,
			'customer_service',
		);

		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({
			residentId: wang,
			phone: PHONE,
			idNumber: ID_NUMBER,
			readAt: api.now().toISOString(),
		});
		const audit = await listAudit(api.db, {
			estateId,
			subjectType: 'resident',
			subjectId: wang,
			action: SENSITIVE_READ_ACTION,
		});
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actor: { type: 'staff', id: desk?.id },
			subjectType: 'resident',
			subjectId: wang,
			details: { fields: ['phone', 'idNumber'], reason: '回访' },
			ip: '198.51.100.7',
			requestId: res.headers.get('x-request-id'),
			at: api.now(),
		});
	});

	it('writes one audit line per read', async () => {
		const before = (await auditRowsOf(li)).length;
		for (let read = 0; read < 3; read++) {
			const res = await get(`/api/v1/residents/${li}/contact`, 'customer_service');
			expect(await res.json()).toMatchObject({ phone: OTHER_PHONE, idNumber: null });
		}
		const rows = await auditRowsOf(li);
		expect(rows.length - before).toBe(3);
		expect(rows.every((row) => JSON.stringify(row.details) === JSON.stringify({ fields: ['phone'] }))).toBe(
			true,
		);
	});

	it.each<StaffRole>([
		'admin',
		'manager',
		'control_room',
		'dispatcher',
		'finance',
		'technician',
		'supervisor',
	])('refuses %s with 403 and audits nothing', async (role) => {
		const before = (await auditRowsOf(wang)).length;
		const res = await get(`/api/v1/residents/${wang}/contact`, role);
		expect(res.status).toBe(403);
		expect(await res.text()).not.toContain(PHONE);
		expect((await auditRowsOf(wang)).length).toBe(before);
	});

	it('answers 401 without a session and audits nothing', async () => {
		const before = (await auditRowsOf(wang)).length;
		expect((await get(`/api/v1/residents/${wang}/contact`)).status).toBe(401);
		expect((await auditRowsOf(wang)).length).toBe(before);
	});

	it('answers 404 for a resident of another estate or no resident at all, and audits nothing', async () => {
		const strangerRes = await get(`/api/v1/residents/${stranger}/contact`, 'customer_service');
		const nobody = await get('/api/v1/residents/not-an-id/contact', 'customer_service');
		expect([strangerRes.status, nobody.status]).toEqual([404, 404]);
		expect(((await strangerRes.json()) as { code: string }).code).toBe('RESIDENT.NOT_FOUND');
		expect(await auditRowsOf(stranger)).toEqual([]);
	});
});

describe('the OpenAPI description', () => {
	it('declares both resident routes with their error responses', async () => {
		const doc = (await (await app.request('/openapi.json')).json()) as {
			paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
		};
		expect(Object.keys(doc.paths['/api/v1/residents']?.get?.responses ?? {})).toEqual([
			'200',
			'400',
			'401',
			'403',
		]);
		expect(Object.keys(doc.paths['/api/v1/residents/{id}/contact']?.get?.responses ?? {})).toEqual([
			'200',
			'401',
			'403',
			'404',
		]);
	});
});

describe('the residents table', () => {
	it('holds no clear phone or ID number, only sealed values and masked copies', async () => {
		const rows = await api.db.execute(sql`select row_to_json(r)::text as row from residents r`);
		const texts = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).map(
			(row) => (row as { row: string }).row,
		);
		expect(texts).toHaveLength(4);
		for (const clear of [PHONE, OTHER_PHONE, ID_NUMBER, '13700001111', '13600002222']) {
			expect(texts.some((text) => text.includes(clear))).toBe(false);
		}
		const [stored] = await api.db.select().from(residents).where(eq(residents.id, wang));
		expect(stored?.phoneEncrypted).toMatch(/^v1:/);
		expect(stored?.idNumberEncrypted).toMatch(/^v1:/);
		expect(stored?.phoneMasked).toBe('138****5678');
	});
});
