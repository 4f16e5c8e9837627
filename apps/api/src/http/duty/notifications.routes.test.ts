import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaRules } from '@estate-ops/domain/sla';
import { createTestApi, type TestApi } from '#test/api-harness';
import { events, notifications, slaSettings } from '../../db/schema/index';
import { createClusterLocks, type ClusterLocks } from '../../jobs/cluster-lock';
import { createSlaWatchJob, type SlaWatchJob } from '../../jobs/sla-watch.job';

// SPEC.md "Warn before, not after", through the api with a fake clock across a night and a weekend: the duty
// roster decides who hears of each SLA alert and when. Friday 6 March 2026, Shanghai.
const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const FRIDAY = '2026-03-06';
const SATURDAY = '2026-03-07';
const MONDAY = '2026-03-09';

// Solutions within 100 wall-clock minutes: at risk at +80, breached after +100, the manager after +200.
const RESOLVE_IN_100: SlaRules = {
	urgent: { resolve: { measure: 'clock', minutes: 100 } },
	important: { resolve: { measure: 'clock', minutes: 100 } },
	general: { resolve: { measure: 'clock', minutes: 100 } },
};
const NINE_TO_SIX = [{ start: '09:00', end: '18:00' }];
const WEEK = {
	mon: NINE_TO_SIX,
	tue: NINE_TO_SIX,
	wed: NINE_TO_SIX,
	thu: NINE_TO_SIX,
	fri: NINE_TO_SIX,
	sat: [],
	sun: [],
};

type Person = { id: string; session: string };
type Json = Record<string, unknown>;
type NotificationJson = {
	id: string;
	workOrderId: string;
	alert: string;
	reasons: string[];
	deliveredAt: string;
	readAt: string | null;
};

let api: TestApi;
let locks: ClusterLocks;
let job: SlaWatchJob;
let estateId: string;
let desk: Person;
let head: Person;
let nightLead: Person;
let manager: Person;

const setClock = (at: Date) => api.advance(at.getTime() - api.now().getTime());

const pointOrder = (description: string, category: string) => ({
	kind: 'repair',
	category,
	channel: 'front_desk',
	description,
	location: {
		kind: 'point',
		position: [121.47, 31.23],
		description: '3栋大堂',
		buildingId: null,
		zoneId: null,
	},
});

async function file(
	at: Date,
	description: string,
	category: string,
): Promise<{ id: string; urgency: string }> {
	setClock(at);
	const res = await api.request('/api/v1/work-orders', {
		method: 'POST',
		session: desk.session,
		json: pointOrder(description, category),
	});
	expect(res.status).toBe(201);
	return ((await res.json()) as { order: { id: string; urgency: string } }).order;
}

async function watch(at: Date) {
	setClock(at);
	const run = await job.runOnce(at);
	if (!run.ran) throw new Error('the SLA watch did not run');
	return run;
}

const inbox = async (person: Person) =>
	(await (await api.request('/api/v1/notifications', { session: person.session })).json()) as {
		items: NotificationJson[];
		unread: number;
	};

const addShift = async (body: Json) => {
	const res = await api.request('/api/v1/duty/shifts', {
		method: 'POST',
		session: manager.session,
		json: body,
	});
	expect(res.status).toBe(201);
};

beforeAll(async () => {
	api = await createTestApi({ start: shanghai(FRIDAY, '09:00') });
	estateId = await api.createEstate('NIGHT');
	await api.db.insert(slaSettings).values({ estateId, rules: RESOLVE_IN_100, workingWeek: WEEK });
	desk = await api.staffSession(estateId, ['customer_service']);
	manager = await api.staffSession(estateId, ['manager']);
	head = await api.staffSession(estateId, ['dispatcher']);
	nightLead = await api.staffSession(estateId, ['dispatcher']);
	const dayLead = await api.staffSession(estateId, ['dispatcher']);
	// 工程部: the head keeps office hours on working days; a day lead Monday to Friday; a lead every night.
	await addShift({
		staffId: head.id,
		department: 'engineering',
		role: 'head',
		start: '08:30',
		end: '17:30',
		repeat: { kind: 'working_days' },
	});
	await addShift({
		staffId: dayLead.id,
		department: 'engineering',
		role: 'lead',
		start: '08:00',
		end: '20:00',
		repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
	});
	await addShift({
		staffId: nightLead.id,
		department: 'engineering',
		role: 'lead',
		start: '20:00',
		end: '08:00',
		repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
	});
	locks = createClusterLocks({});
	job = createSlaWatchJob({ db: api.db, locks, now: api.now });
}, 60_000);
afterAll(async () => {
	await locks.close();
	await api.close();
});

describe('SLA notifications across a night and a weekend', () => {
	let general: { id: string };

	it('tells the night lead at once when a general order turns at risk at 22:40 on Friday', async () => {
		general = await file(shanghai(FRIDAY, '21:20'), '卧室衣柜门铰链松动', 'carpentry');
		expect(await watch(shanghai(FRIDAY, '22:41'))).toMatchObject({ raised: 1, delivered: 1 });
		const { items, unread } = await inbox(nightLead);
		expect(unread).toBe(1);
		expect(items).toEqual([
			expect.objectContaining({
				workOrderId: general.id,
				alert: 'sla.atRisk',
				reasons: ['on_duty_lead'],
				deliveredAt: shanghai(FRIDAY, '22:41').toISOString(),
			}),
		]);
	});

	it('holds its breach at 23:00 for the head until the start of their Monday shift, while the control room sees it at once', async () => {
		expect(await watch(shanghai(FRIDAY, '23:01'))).toMatchObject({ raised: 1, delivered: 0 });
		expect(await inbox(head)).toEqual({ items: [], unread: 0 });

		const [queued] = await api.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.workOrderId, general.id), eq(notifications.level, 2)));
		expect(queued).toMatchObject({
			recipientId: head.id,
			alert: 'sla.breached',
			deliverAt: shanghai(MONDAY, '08:30'),
			deliveredAt: null,
		});
		const [breach] = await api.db
			.select()
			.from(events)
			.where(and(eq(events.aggregateId, general.id), eq(events.type, 'sla.breached')));
		expect(breach?.payload).toMatchObject({
			level: 2,
			notifications: [
				{
					recipientId: head.id,
					reasons: ['department_head'],
					deliverAt: shanghai(MONDAY, '08:30').toISOString(),
					queued: true,
				},
			],
		});
	});

	it('brings an urgent order at risk at 03:00 to the on-duty lead, and its breach to the head, at once', async () => {
		const urgent = await file(shanghai(SATURDAY, '01:20'), '厨房水管爆裂，地面水浸', 'plumbing');
		expect(urgent.urgency).toBe('urgent');
		await watch(shanghai(SATURDAY, '03:01'));
		const lead = await inbox(nightLead);
		expect(
			lead.items.filter((n) => n.workOrderId === urgent.id).map((n) => [n.alert, n.deliveredAt]),
		).toEqual([
			['sla.breached', shanghai(SATURDAY, '03:01').toISOString()],
			['sla.atRisk', shanghai(SATURDAY, '03:01').toISOString()],
		]);
		const headInbox = await inbox(head);
		expect(headInbox.items.map((n) => [n.workOrderId, n.alert])).toEqual([[urgent.id, 'sla.breached']]);
	});

	it('keeps the general order’s manager level for the manager’s working hours on Monday, the urgent one not', async () => {
		await watch(shanghai(SATURDAY, '09:00'));
		// Both orders have been breached for 200 minutes by now: only the urgent one reaches the manager on Saturday.
		const saturday = await inbox(manager);
		expect(saturday.items.map((n) => [n.alert, n.workOrderId === general.id])).toEqual([
			['sla.escalated', false],
		]);
		const [escalated] = await api.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.workOrderId, general.id), eq(notifications.level, 3)));
		expect(escalated).toMatchObject({ recipientId: manager.id, deliverAt: shanghai(MONDAY, '09:00') });
	});

	it('delivers the head’s notification when their Monday shift starts, once, and lets them read it', async () => {
		expect(await watch(shanghai(MONDAY, '08:29'))).toMatchObject({ delivered: 0 });
		expect(await watch(shanghai(MONDAY, '08:30'))).toMatchObject({ delivered: 1 });
		expect(await watch(shanghai(MONDAY, '08:31'))).toMatchObject({ delivered: 0 });
		const before = await inbox(head);
		// The general order's breach, now; the urgent order's breach and (no lead being on duty on Saturday) its
		// escalation, already on Saturday.
		expect(before.unread).toBe(3);
		expect(before.items[0]).toMatchObject({ workOrderId: general.id });
		const generalBreach = before.items.find((n) => n.workOrderId === general.id);
		expect(generalBreach).toMatchObject({
			alert: 'sla.breached',
			deliveredAt: shanghai(MONDAY, '08:30').toISOString(),
		});

		const read = await api.request(`/api/v1/notifications/${generalBreach?.id ?? ''}/read`, {
			method: 'POST',
			session: head.session,
		});
		expect(read.status).toBe(200);
		expect(await read.json()).toMatchObject({ readAt: shanghai(MONDAY, '08:31').toISOString() });
		expect((await inbox(head)).unread).toBe(2);

		const all = await api.request('/api/v1/notifications/read-all', {
			method: 'POST',
			session: head.session,
			json: {},
		});
		expect(await all.json()).toEqual({ unread: 0 });
		const unreadOnly = await api.request('/api/v1/notifications?unread=true', { session: head.session });
		expect(((await unreadOnly.json()) as { items: unknown[] }).items).toEqual([]);
	});

	it('lets nobody read another person’s notification', async () => {
		const [theirs] = await api.db
			.select()
			.from(notifications)
			.where(eq(notifications.recipientId, nightLead.id));
		const res = await api.request(`/api/v1/notifications/${theirs?.id ?? ''}/read`, {
			method: 'POST',
			session: head.session,
		});
		expect(res.status).toBe(404);
		const [after] = await api.db
			.select()
			.from(notifications)
			.where(eq(notifications.id, theirs?.id ?? ''));
		expect(after?.readAt).toBeNull();
	});

	it('raises each alert and each notification once however often the watch runs', async () => {
		const raised = await api.db
			.select({ type: events.type })
			.from(events)
			.where(and(eq(events.aggregateId, general.id), like(events.type, 'sla.%')))
			.orderBy(asc(events.seq));
		expect(raised.map((e) => e.type)).toEqual(['sla.atRisk', 'sla.breached', 'sla.escalated']);
		const rows = await api.db.select().from(notifications).where(eq(notifications.workOrderId, general.id));
		expect(rows.map((n) => [n.level, n.recipientId]).sort()).toEqual(
			[
				[1, nightLead.id],
				[2, head.id],
				[3, manager.id],
			].sort(),
		);
	});
});
