import { sql } from 'drizzle-orm';
import { StaffRole } from '@estate-ops/domain/estate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './api-harness';
import { concretePath, ROUTES } from './route-table';
import { createSite } from './site-factory';

/**
 * Hostile bodies on every route that takes one, sent by a caller who may use the route: each must get a 4xx
 * problem body and leave every table as it was.
 */
const TABLES = [
	'work_orders',
	'work_order_history',
	'events',
	'notices',
	'attachments',
	'staff',
	'devices',
	'sessions',
	'idempotency_keys',
	'sla_alerts',
	'residents',
] as const;

const HUGE = 'a'.repeat(300 * 1024);

const BODIES: readonly (readonly [name: string, contentType: string, body: string])[] = [
	['malformed JSON', 'application/json', '{"kind": "repair",'],
	['an empty body', 'application/json', ''],
	['a JSON array', 'application/json', '[1, 2, 3]'],
	['a JSON string', 'application/json', '"repair"'],
	['null', 'application/json', 'null'],
	[
		'wrong types everywhere',
		'application/json',
		JSON.stringify({ kind: 7, title: [], roomId: {}, username: false, type: 12, password: 3 }),
	],
	[
		'unicode edge cases',
		'application/json',
		JSON.stringify({
			title: '\u0000\uD800',
			description: '\uFEFF\u202E',
			code: '𠜎'.repeat(40),
			type: '\u0000',
		}),
	],
	['a body over the limit', 'application/json', JSON.stringify({ description: HUGE })],
	['form data where JSON is expected', 'application/x-www-form-urlencoded', 'kind=repair&category=plumbing'],
	['plain text', 'text/plain', 'fix my sink'],
];

let api: TestApi;
let staffSession: string;
let kioskToken: string;

const counts = async () => {
	const result: Record<string, number> = {};
	for (const table of TABLES) {
		const rows = await api.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
		const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
		result[table] = Number(list[0]?.n ?? -1);
	}
	return result;
};

beforeAll(async () => {
	api = await createTestApi();
	const estateId = await api.createEstate('SWEEP');
	await createSite(api.db, estateId);
	// One account holding every role, so that every staff route is open to it.
	const everyone = await api.staffSession(estateId, [...StaffRole.options]);
	staffSession = everyone.session;
	const issued = await api.request('/api/v1/devices', {
		method: 'POST',
		session: staffSession,
		json: { kind: 'kiosk', name: '1栋大堂' },
	});
	kioskToken = ((await issued.json()) as { token: string }).token;
}, 120_000);
afterAll(() => api.close());

describe('hostile input on every route that takes a body', () => {
	const writes = ROUTES.filter(
		([method, path]) => method !== 'GET' && method !== 'DELETE' && !path.endsWith('/logout'),
	);

	it('answers each with a 4xx problem body and writes nothing', async () => {
		const before = await counts();
		const failures: string[] = [];
		for (const [method, path] of writes) {
			for (const [name, contentType, body] of BODIES) {
				const res = await api.request(concretePath(path), {
					method,
					...(path.startsWith('/api/v1/kiosk') ? { bearer: kioskToken } : { session: staffSession }),
					headers: { 'content-type': contentType },
					body,
				});
				const type = res.headers.get('content-type') ?? '';
				if (res.status < 400 || res.status >= 500 || !type.includes('application/problem+json')) {
					failures.push(`${method} ${path} with ${name} → ${res.status} ${type}`);
				}
			}
		}
		expect(failures).toEqual([]);
		expect(await counts()).toEqual(before);
	}, 180_000);

	it('says which field is wrong when the JSON parses but does not fit', async () => {
		const res = await api.request('/api/v1/work-orders', {
			method: 'POST',
			session: staffSession,
			json: {
				kind: 'repair',
				category: 'plumbing',
				channel: 'front_desk',
				description: 42,
				location: { kind: 'room' },
			},
		});
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string; message: string }[] };
		expect(problem.errors.map((e) => e.path)).toEqual(
			expect.arrayContaining(['description', 'location.roomId']),
		);
	});

	it('refuses a body over the limit with 413 before reading it all', async () => {
		const res = await api.request('/api/v1/notices', {
			method: 'POST',
			session: staffSession,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'x', body: HUGE }),
		});
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
	});
});
