import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { auditLog, calendarDays, slaSettings } from '../../db/schema/index';
import { createStaffMember } from '../auth/auth.fixtures';

// SPEC.md "Calendar that knows 调休": a new mainland estate gets the national schedule as its preset, its
// administrators add and remove days or import an .ics file, and deadlines follow.
const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const CHINESE_DAYS_ICS = readFileSync(
	createRequire(import.meta.url).resolve('chinese-days/dist/holidays.ics'),
	'utf8',
);

type Json = Record<string, unknown>;
let api: TestApi;
let admin: { id: string; session: string };
let manager: { id: string; session: string };
let mainland: { id: string };
let desk: string;

const newEstate = (change: Json = {}): Json => ({
	name: '翠湖天地',
	code: 'CHTD',
	timeZone: 'Asia/Shanghai',
	country: 'CN',
	location: { lng: 121.4737, lat: 31.2304 },
	workingHours: [{ start: '09:00', end: '18:00' }],
	...change,
});

const createEstate = (body: Json, session = admin.session) =>
	api.request('/api/v1/estates', { method: 'POST', session, json: body });

const day = (estateId: string, date: string) => `/api/v1/estates/${estateId}/calendar/days/${date}`;

async function resolveDueOf(orderId: string, session: string): Promise<string | undefined> {
	const detail = (await (await api.request(`/api/v1/work-orders/${orderId}`, { session })).json()) as {
		sla: { clocks: { clock: string; dueAt: string | null }[] };
	};
	return detail.sla.clocks.find((clock) => clock.clock === 'resolve')?.dueAt ?? undefined;
}

beforeAll(async () => {
	api = await createTestApi({ start: shanghai('2026-09-30', '16:00') });
	const home = await api.createEstate('HQ');
	admin = await api.staffSession(home, ['admin']);
	manager = await api.staffSession(home, ['manager']);
	const res = await createEstate(newEstate());
	expect(res.status).toBe(201);
	mainland = (await res.json()) as { id: string };
	// The new estate's own people: a front desk and an administrator.
	const member = await createStaffMember(api.db, mainland.id, { roles: ['customer_service', 'admin'] });
	desk = await api.login(member.username);
}, 60_000);
afterAll(() => api.close());

describe('creating an estate in mainland China', () => {
	it('gives it the working week, the SLA rules and the national holidays with 调休 days as its preset', async () => {
		const [settings] = await api.db.select().from(slaSettings).where(eq(slaSettings.estateId, mainland.id));
		expect(settings?.workingWeek).toMatchObject({
			mon: [{ start: '09:00', end: '18:00' }],
			sat: [],
			sun: [],
		});
		const days = await api.db.select().from(calendarDays).where(eq(calendarDays.estateId, mainland.id));
		const on = (date: string) => days.find((d) => d.date === date);
		expect(on('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'preset' });
		expect(on('2026-10-07')).toMatchObject({ kind: 'holiday' });
		expect(on('2026-10-10')).toMatchObject({ kind: 'working', source: 'preset' });
		expect(on('2026-09-20')).toMatchObject({ kind: 'working' });
		const [audit] = await api.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectId, mainland.id), eq(auditLog.action, 'estate.created')));
		expect(audit).toMatchObject({ actorId: admin.id });
	});

	it('puts a general order filed on 30 September at 17:00 due on the 调休 Saturday 10 October', async () => {
		api.advance(shanghai('2026-09-30', '17:00').getTime() - api.now().getTime());
		const res = await api.request('/api/v1/work-orders', {
			method: 'POST',
			session: desk,
			json: {
				kind: 'repair',
				category: 'carpentry',
				channel: 'front_desk',
				description: '卧室衣柜门铰链松动',
				location: {
					kind: 'point',
					position: [121.4737, 31.2304],
					description: '3栋大堂',
					buildingId: null,
					zoneId: null,
				},
			},
		});
		expect(res.status).toBe(201);
		const { order } = (await res.json()) as { order: { id: string; urgency: string } };
		expect(order.urgency).toBe('general');
		// 1 h on 30 September, nothing 1–7 October, 9 h on 8 and 9 October, the last 8 h on the 调休 Saturday.
		expect(await resolveDueOf(order.id, desk)).toBe(shanghai('2026-10-10', '17:00').toISOString());

		// The estate gives its staff 10 October off after all: the deadline moves to Monday 12 October.
		const off = await api.request(day(mainland.id, '2026-10-10'), {
			method: 'PUT',
			session: desk,
			json: { kind: 'holiday', name: '业主答谢日调休' },
		});
		expect(off.status).toBe(200);
		expect(await resolveDueOf(order.id, desk)).toBe(shanghai('2026-10-12', '17:00').toISOString());
	});

	it('gives an estate outside mainland China no preset', async () => {
		const res = await createEstate(newEstate({ code: 'HKIG', country: 'HK', timeZone: 'Asia/Hong_Kong' }));
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ country: 'HK', presetDays: 0 });
	});

	it.each([
		['an unknown time zone', { code: 'TZ01', timeZone: 'China/Beijing' }, 400, 'timeZone'],
		['a lower-case code', { code: 'abc' }, 400, 'code'],
		[
			'working hours that overlap',
			{
				code: 'WH01',
				workingHours: [
					{ start: '09:00', end: '12:00' },
					{ start: '11:00', end: '18:00' },
				],
			},
			400,
			'workingHours',
		],
		[
			'a location outside its boundary',
			{
				code: 'OUT1',
				boundary: {
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[1, 0],
							[1, 1],
							[0, 0],
						],
					],
				},
			},
			422,
			'location',
		],
		['a code that is taken', { code: 'CHTD' }, 409, 'code'],
	])('refuses %s, naming the field', async (_, change, status, path) => {
		const res = await createEstate(newEstate(change));
		expect(res.status).toBe(status);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path.split('.')[0])).toContain(path);
	});

	it('is for administrators', async () => {
		expect((await createEstate(newEstate({ code: 'MGR1' }), manager.session)).status).toBe(403);
	});
});

describe('an administrator keeping the calendar', () => {
	it('adds a working day, changes it, shows it, and removes it again, each audited', async () => {
		const date = '2026-11-07';
		const added = await api.request(day(mainland.id, date), {
			method: 'PUT',
			session: desk,
			json: { kind: 'workday', name: '消防演练补班' },
		});
		expect(added.status).toBe(201);
		expect(await added.json()).toEqual({ date, kind: 'workday', name: '消防演练补班', source: 'admin' });
		const changed = await api.request(day(mainland.id, date), {
			method: 'PUT',
			session: desk,
			json: { kind: 'holiday', name: '小区活动日' },
		});
		expect(changed.status).toBe(200);
		const view = (await (
			await api.request(`/api/v1/estates/${mainland.id}/calendar?from=2026-11-01&to=2026-11-30`, {
				session: desk,
			})
		).json()) as { timeZone: string; days: Json[] };
		expect(view.timeZone).toBe('Asia/Shanghai');
		expect(view.days).toEqual([{ date, kind: 'holiday', name: '小区活动日', source: 'admin' }]);

		expect((await api.request(day(mainland.id, date), { method: 'DELETE', session: desk })).status).toBe(204);
		expect((await api.request(day(mainland.id, date), { method: 'DELETE', session: desk })).status).toBe(404);
		const audited = await api.db
			.select({ action: auditLog.action, details: auditLog.details })
			.from(auditLog)
			.where(eq(auditLog.subjectType, 'calendar'))
			.orderBy(auditLog.id);
		expect(
			audited.filter((a) => (a.details as { date?: string }).date === date).map((a) => a.action),
		).toEqual(['calendar.daySet', 'calendar.daySet', 'calendar.dayRemoved']);
	});

	it.each([
		['a date that does not exist', '2026-02-30', { kind: 'holiday', name: '假' }, 'date'],
		['an unknown kind', '2026-11-08', { kind: 'weekend', name: '假' }, 'kind'],
		['an empty name', '2026-11-08', { kind: 'holiday', name: '  ' }, 'name'],
	])('refuses %s with 400 naming the field', async (_, date, body, path) => {
		const res = await api.request(day(mainland.id, date), { method: 'PUT', session: desk, json: body });
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toContain(path);
	});

	it('treats another estate’s calendar as unknown', async () => {
		const res = await api.request(day(mainland.id, '2026-11-09'), {
			method: 'PUT',
			session: admin.session,
			json: { kind: 'holiday', name: '假' },
		});
		expect(res.status).toBe(404);
	});
});

describe('importing an .ics file', () => {
	let hongKong: string;
	let hkAdmin: string;

	beforeAll(async () => {
		const res = await createEstate(newEstate({ code: 'HKIMP', country: 'HK', timeZone: 'Asia/Hong_Kong' }));
		hongKong = ((await res.json()) as { id: string }).id;
		hkAdmin = await api.login((await createStaffMember(api.db, hongKong, { roles: ['admin'] })).username);
	});

	const importIcs = (body: string, query = '', type = 'text/calendar') =>
		api.request(`/api/v1/estates/${hongKong}/calendar/import${query}`, {
			method: 'POST',
			session: hkAdmin,
			headers: { 'content-type': type },
			body,
		});

	it('previews a file without writing, then imports it: holidays off, 班 days worked', async () => {
		const preview = await importIcs(CHINESE_DAYS_ICS, '?dryRun=true');
		expect(preview.status).toBe(200);
		const planned = (await preview.json()) as { dryRun: boolean; days: Json[]; skipped: unknown[] };
		expect(planned.dryRun).toBe(true);
		expect(planned.days).toContainEqual({
			date: '2026-10-10',
			kind: 'workday',
			name: '国庆节(班)',
			source: 'import',
			replaces: null,
		});
		expect(planned.skipped).toEqual([]);
		expect(await api.db.select().from(calendarDays).where(eq(calendarDays.estateId, hongKong))).toEqual([]);

		const imported = await importIcs(CHINESE_DAYS_ICS);
		expect(imported.status).toBe(200);
		const rows = await api.db.select().from(calendarDays).where(eq(calendarDays.estateId, hongKong));
		expect(rows).toHaveLength(planned.days.length);
		expect(rows.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday', source: 'import' });
		expect(rows.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'working', source: 'import' });

		const again = (await (await importIcs(CHINESE_DAYS_ICS, '?dryRun=true')).json()) as {
			days: { replaces: unknown }[];
		};
		expect(again.days.every((d) => d.replaces !== null)).toBe(true);
	});

	it('refuses what is not text/calendar with 415, and what is not an iCalendar with 422', async () => {
		const json = await importIcs(JSON.stringify({ days: [] }), '', 'application/json');
		expect(json.status).toBe(415);
		const text = await importIcs('国庆节放假 10月1日至7日');
		expect(text.status).toBe(422);
		expect(await text.json()).toMatchObject({ code: 'CALENDAR.ICS_INVALID', errors: [{ path: 'body' }] });
	});
});
