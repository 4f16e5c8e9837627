import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { auditLog, dutyShifts, events } from '../../db/schema/index';
import { createStaffMember } from '../auth/auth.fixtures';

// 2026-03-03 is a Tuesday; the estates here keep the default Monday–Friday 09:00–18:00 week in Shanghai.
const TUESDAY_10 = new Date('2026-03-03T10:00:00+08:00');

let api: TestApi;
let estateId: string;
let manager: { id: string; session: string };
let admin: { id: string; session: string };
let tech: { id: string; session: string };
let lead: { id: string; session: string };
let cleanerId: string;
let outsiderId: string;

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;

const shift = (change: Json = {}): Json => ({
	staffId: lead.id,
	department: 'engineering',
	role: 'lead',
	start: '20:00',
	end: '08:00',
	repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
	...change,
});

const post = (body: Json, session = manager.session) =>
	api.request('/api/v1/duty/shifts', { method: 'POST', session, json: body });

beforeAll(async () => {
	api = await createTestApi({ start: TUESDAY_10 });
	estateId = await api.createEstate('DUTY');
	const otherEstateId = await api.createEstate('ELSEWHERE');
	manager = await api.staffSession(estateId, ['manager']);
	admin = await api.staffSession(estateId, ['admin']);
	tech = await api.staffSession(estateId, ['technician']);
	lead = await api.staffSession(estateId, ['dispatcher']);
	cleanerId = (await createStaffMember(api.db, estateId, { roles: ['cleaner'], department: 'cleaning' })).id;
	outsiderId = (await createStaffMember(api.db, otherEstateId, { department: 'engineering' })).id;
}, 60_000);
afterAll(() => api.close());

describe('keeping the duty roster', () => {
	it('lets a manager add a night shift, audited and announced', async () => {
		const res = await post(shift());
		expect(res.status).toBe(201);
		const created = await json(res);
		expect(created).toMatchObject({ ...shift(), validFrom: null, validUntil: null });
		const id = String(created['id']);
		const [audit] = await api.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'duty.shiftCreated')));
		expect(audit).toMatchObject({ actorType: 'staff', actorId: manager.id, estateId });
		const announced = await api.db.select().from(events).where(eq(events.aggregateId, id));
		expect(announced.map((e) => e.type)).toEqual(['duty.shiftCreated']);
	});

	it('lets an administrator change a shift and take it off again', async () => {
		const id = String((await json(await post(shift({ role: 'member' }), admin.session)))['id']);
		const changed = await api.request(`/api/v1/duty/shifts/${id}`, {
			method: 'PUT',
			session: admin.session,
			json: shift({ role: 'head', start: '08:30', end: '17:30', repeat: { kind: 'working_days' } }),
		});
		expect(changed.status).toBe(200);
		expect(await json(changed)).toMatchObject({ id, role: 'head', repeat: { kind: 'working_days' } });
		const removed = await api.request(`/api/v1/duty/shifts/${id}`, {
			method: 'DELETE',
			session: admin.session,
		});
		expect(removed.status).toBe(204);
		expect(await api.db.select().from(dutyShifts).where(eq(dutyShifts.id, id))).toEqual([]);
		const again = await api.request(`/api/v1/duty/shifts/${id}`, {
			method: 'DELETE',
			session: admin.session,
		});
		expect(again.status).toBe(404);
		const actions = await api.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.orderBy(auditLog.id);
		expect(actions.map((a) => a.action)).toEqual([
			'duty.shiftCreated',
			'duty.shiftUpdated',
			'duty.shiftDeleted',
		]);
	});

	it('accepts a shift that overlaps another of the same person (a cover on top of the rota)', async () => {
		const res = await post(
			shift({ start: '18:00', end: '23:00', repeat: { kind: 'dated', date: '2026-03-04' } }),
		);
		expect(res.status).toBe(201);
	});

	it.each([
		['a shift that ends when it starts', { end: '20:00' }, 'end'],
		[
			'a validity that ends before it begins',
			{ validFrom: '2026-04-01', validUntil: '2026-03-01' },
			'validUntil',
		],
		['a weekday listed twice', { repeat: { kind: 'weekly', weekdays: ['mon', 'mon'] } }, 'repeat.weekdays'],
		['an unknown role', { role: 'boss' }, 'role'],
		['a time that is not HH:MM', { start: '8:00' }, 'start'],
	])('refuses %s with 400 naming %s, and writes nothing', async (_, change, path) => {
		const before = (await api.db.select().from(dutyShifts)).length;
		const res = await post(shift(change));
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toContain(path);
		expect(await api.db.select().from(dutyShifts)).toHaveLength(before);
	});

	it.each([
		['someone of another department', () => cleanerId, 'DUTY.STAFF_NOT_IN_DEPARTMENT', 'department'],
		['someone of another estate', () => outsiderId, 'DUTY.STAFF_NOT_FOUND', 'staffId'],
		['nobody', () => '5b0c3f3e-0000-4000-8000-000000000000', 'DUTY.STAFF_NOT_FOUND', 'staffId'],
	])('refuses a shift for %s with 422', async (_, staffId, code, path) => {
		const res = await post(shift({ staffId: staffId() }));
		expect(res.status).toBe(422);
		expect(await json(res)).toMatchObject({ code, errors: [{ path }] });
	});

	it('answers 404 for a change to a shift that does not exist', async () => {
		const res = await api.request('/api/v1/duty/shifts/5b0c3f3e-0000-4000-8000-000000000000', {
			method: 'PUT',
			session: manager.session,
			json: shift(),
		});
		expect(res.status).toBe(404);
	});

	it('keeps technicians to reading', async () => {
		expect((await post(shift(), tech.session)).status).toBe(403);
		expect((await api.request('/api/v1/duty/shifts', { session: tech.session })).status).toBe(403);
	});
});

describe('reading the roster', () => {
	it('lists the shifts by department and says who is on duty and who comes next', async () => {
		const list = await json(
			await api.request('/api/v1/duty/shifts?department=engineering', { session: manager.session }),
		);
		expect((list['items'] as Json[]).every((item) => item['department'] === 'engineering')).toBe(true);

		const onDuty = await json(
			await api.request(
				`/api/v1/duty/on-duty?department=engineering&at=${encodeURIComponent('2026-03-03T22:00:00+08:00')}`,
				{
					session: manager.session,
				},
			),
		);
		expect(
			(onDuty['onDuty'] as { shift: Json; until: string }[]).map((entry) => [
				entry.shift['staffId'],
				entry.until,
			]),
		).toEqual([[lead.id, new Date('2026-03-04T08:00:00+08:00').toISOString()]]);
		const daytime = await json(await api.request('/api/v1/duty/on-duty', { session: manager.session }));
		expect(daytime['onDuty']).toEqual([]);
		expect(daytime['next']).toEqual([
			{ staffId: lead.id, from: new Date('2026-03-03T20:00:00+08:00').toISOString() },
		]);
	});
});
