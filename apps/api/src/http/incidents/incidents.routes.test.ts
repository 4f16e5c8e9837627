import { EMERGENCY_PLANS } from '@estate-ops/domain/patrols';
import { and, asc, eq } from 'drizzle-orm';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { events, incidentHistory, incidents } from '../../db/schema/index';

type IncidentJson = {
	incident: {
		id: string;
		reportedBy: string;
		status: string;
		kind: string;
		location: { point?: [number, number]; description?: string };
		checklist: { key: string; completion: { outcome: string; by: string } | null }[];
		notifications: { party: string; by: string }[];
		review?: { cause: string };
	};
	version: number;
};
type ProblemJson = { code?: string; errors?: { path: string; message: string }[] };

const POINT: [number, number] = [121.5441, 31.2048];

let api: TestApi;
let estateId: string;
let guard: { id: string; session: string };
let guard2: { id: string; session: string };
let control: { id: string; session: string };
let admin: { id: string; session: string };
let supervisor: { id: string; session: string };

const fire = (extra: Record<string, unknown> = {}) => ({
	kind: 'fire',
	description: '5栋地下车库B2层电动车充电区冒烟起火',
	lng: POINT[0],
	lat: POINT[1],
	accuracyM: 12,
	place: '5栋地下车库B2入口',
	...extra,
});
const report = (session: string, body: unknown, headers: Record<string, string> = {}) =>
	api.request('/api/v1/incidents', { method: 'POST', session, json: body, headers });
const command = (id: string, session: string, body: unknown) =>
	api.request(`/api/v1/incidents/${id}/commands`, { method: 'POST', session, json: body });

beforeAll(async () => {
	api = await createTestApi();
	estateId = await api.createEstate('IN');
	guard = await api.staffSession(estateId, ['guard']);
	guard2 = await api.staffSession(estateId, ['guard']);
	control = await api.staffSession(estateId, ['control_room']);
	admin = await api.staffSession(estateId, ['admin']);
	supervisor = await api.staffSession(estateId, ['supervisor']);
});
afterAll(() => api.close());

describe('filing an incident from the field', () => {
	it('stores it with its kind’s emergency plan as an open checklist, its history and an incident.reported event', async () => {
		const res = await report(guard.session, fire());
		expect(res.status).toBe(201);
		const body = (await res.json()) as IncidentJson;
		expect(body.version).toBe(1);
		expect(body.incident).toMatchObject({
			status: 'reported',
			kind: 'fire',
			reportedBy: guard.id,
			location: { point: POINT, description: '5栋地下车库B2入口' },
			notifications: [],
		});
		expect(body.incident.checklist.map((item) => item.key)).toEqual(
			EMERGENCY_PLANS.fire.map((step) => step.key),
		);
		expect(body.incident.checklist.every((item) => item.completion === null)).toBe(true);

		const history = await api.db
			.select()
			.from(incidentHistory)
			.where(eq(incidentHistory.incidentId, body.incident.id));
		expect(history.map((h) => [h.version, h.type])).toEqual([[1, 'incident.reported']]);
		const [event] = await api.db.select().from(events).where(eq(events.aggregateId, body.incident.id));
		expect(event).toMatchObject({ estateId, type: 'incident.reported', aggregateType: 'incident' });
		expect(event?.payload).toMatchObject({
			incidentId: body.incident.id,
			status: 'reported',
			by: guard.id,
			version: 1,
		});
		expect((event?.payload as { incident: { kind: string } }).incident.kind).toBe('fire');
	});

	it('stores a GCJ-02 position in WGS-84', async () => {
		const [lng, lat] = gcoord.transform([POINT[0], POINT[1]], gcoord.WGS84, gcoord.GCJ02);
		const res = await report(guard.session, fire({ kind: 'flood', lng, lat, datum: 'gcj02' }));
		const point = ((await res.json()) as IncidentJson).incident.location.point;
		expect(point?.[0]).toBeCloseTo(POINT[0], 5);
		expect(point?.[1]).toBeCloseTo(POINT[1], 5);
	});

	it('files once per Idempotency-Key, and refuses the key with another report', async () => {
		const headers = { 'idempotency-key': 'incident-retry-0001' };
		const first = await report(guard.session, fire({ kind: 'theft' }), headers);
		const again = await report(guard.session, fire({ kind: 'theft' }), headers);
		expect(first.status).toBe(201);
		expect(again.status).toBe(201);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		const id = ((await first.json()) as IncidentJson).incident.id;
		expect(((await again.json()) as IncidentJson).incident.id).toBe(id);
		expect(
			await api.db.$count(incidents, and(eq(incidents.estateId, estateId), eq(incidents.kind, 'theft'))),
		).toBe(1);
		const other = await report(guard.session, fire({ kind: 'fight' }), headers);
		expect(other.status).toBe(422);
		expect(((await other.json()) as ProblemJson).code).toBe('IDEMPOTENCY.KEY_REUSED');
	});

	it.each<[string, Record<string, unknown>, number, string]>([
		['an unknown kind', { kind: 'alien' }, 400, 'kind'],
		['no place and no position', { lng: undefined, lat: undefined, place: undefined }, 400, 'place'],
		['a longitude without latitude', { lat: undefined }, 400, 'lat'],
		['an empty description', { description: '  ' }, 400, 'description'],
		['a time in the future', { occurredAt: '2030-01-01T00:00:00+08:00' }, 422, 'occurredAt'],
	])('refuses %s and files nothing', async (_case, extra, status, path) => {
		const before = await api.db.$count(incidents);
		const res = await report(guard.session, fire(extra));
		expect(res.status).toBe(status);
		expect(((await res.json()) as ProblemJson).errors?.map((e) => e.path)).toContain(path);
		expect(await api.db.$count(incidents)).toBe(before);
	});

	it('is for people in the field and the control room, not a quality supervisor', async () => {
		expect((await report(supervisor.session, fire())).status).toBe(403);
		expect((await api.request('/api/v1/incidents', { method: 'POST', json: fire() })).status).toBe(401);
	});
});

describe('working an incident through its plan', () => {
	it('responds, ticks steps, records who was told, contains, closes once every step is done, and is reviewed', async () => {
		const filed = (await (await report(guard.session, fire())).json()) as IncidentJson;
		const id = filed.incident.id;

		const steps: [string, Record<string, unknown>, string][] = [
			[guard.session, { type: 'respond' }, 'responding'],
			[guard.session, { type: 'completeStep', stepKey: 'call_fire_brigade' }, 'responding'],
			[
				guard.session,
				{ type: 'recordNotification', party: 'fire_brigade', note: '119已接警，预计8分钟到' },
				'responding',
			],
			[control.session, { type: 'recordNotification', party: 'manager' }, 'responding'],
			[guard.session, { type: 'contain' }, 'contained'],
		];
		for (const [session, body, status] of steps) {
			const res = await command(id, session, body);
			expect(res.status, JSON.stringify(body)).toBe(200);
			expect(((await res.json()) as IncidentJson).incident.status).toBe(status);
		}

		const early = await command(id, control.session, { type: 'close', summary: '明火已扑灭' });
		expect(early.status).toBe(409);
		const problem = (await early.json()) as ProblemJson & { details?: { open?: string[] } };
		expect(problem.code).toBe('INCIDENT.CHECKLIST_INCOMPLETE');
		expect(problem.details?.open).toContain('evacuate');

		for (const step of EMERGENCY_PLANS.fire.filter((s) => s.key !== 'call_fire_brigade')) {
			const outcome = step.key === 'isolate_power_gas' ? 'not_applicable' : 'done';
			const note = outcome === 'not_applicable' ? { note: '充电区为独立回路，已由充电桩急停断电' } : {};
			expect(
				(await command(id, control.session, { type: 'completeStep', stepKey: step.key, outcome, ...note }))
					.status,
			).toBe(200);
		}
		// The guard on the scene may not close or review: that is for the control room and managers.
		expect((await command(id, guard.session, { type: 'close', summary: '明火已扑灭' })).status).toBe(403);
		expect(
			(await command(id, control.session, { type: 'close', summary: '明火已扑灭，无人员受伤' })).status,
		).toBe(200);
		const reviewed = await command(id, control.session, {
			type: 'review',
			cause: '电动车电池过充',
			measures: '充电区加装定时断电与烟感联动',
			result: '已整改，物业经理验收',
		});
		expect(reviewed.status).toBe(200);
		const final = (await reviewed.json()) as IncidentJson;
		expect(final.incident).toMatchObject({ status: 'reviewed', review: { cause: '电动车电池过充' } });
		expect(final.incident.notifications.map((n) => [n.party, n.by])).toEqual([
			['fire_brigade', guard.id],
			['manager', control.id],
		]);
		expect(final.version).toBe(6 + EMERGENCY_PLANS.fire.length + 1);

		const detail = await api.request(`/api/v1/incidents/${id}`, { session: control.session });
		const { history } = (await detail.json()) as { history: { version: number; type: string }[] };
		expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 1));
		expect(history.at(-2)?.type).toBe('incident.closed');
		expect(history.at(-1)?.type).toBe('incident.reviewed');
		const published = await api.db
			.select()
			.from(events)
			.where(eq(events.aggregateId, id))
			.orderBy(asc(events.seq));
		expect(published.map((e) => e.type)).toEqual(history.map((h) => h.type));
		expect(new Set(published.map((e) => e.type))).toEqual(
			new Set([
				'incident.reported',
				'incident.responding',
				'incident.stepCompleted',
				'incident.partyNotified',
				'incident.contained',
				'incident.closed',
				'incident.reviewed',
			]),
		);

		const after = await command(id, control.session, { type: 'completeStep', stepKey: 'evacuate' });
		expect(after.status).toBe(409);
		expect(((await after.json()) as ProblemJson).code).toBe('INCIDENT.CLOSED');
	});

	it.each<[string, Record<string, unknown>, number, string]>([
		['an unknown step', { type: 'completeStep', stepKey: 'dance' }, 422, 'INCIDENT.UNKNOWN_STEP'],
		['a stale version', { type: 'respond', expectedVersion: 7 }, 409, 'INCIDENT.VERSION_CONFLICT'],
		['containing before responding', { type: 'contain' }, 409, 'INCIDENT.INVALID_TRANSITION'],
		[
			'a notification in the future',
			{ type: 'recordNotification', party: 'police', at: '2030-01-01T00:00:00Z' },
			422,
			'INCIDENT.IN_FUTURE',
		],
		['an unknown party', { type: 'recordNotification', party: 'the_press' }, 400, 'REQUEST.INVALID'],
		['an unknown command', { type: 'celebrate' }, 400, 'REQUEST.INVALID'],
	])('refuses %s and changes nothing', async (_case, body, status, code) => {
		const { incident } = (await (
			await report(guard.session, fire({ kind: 'medical' }))
		).json()) as IncidentJson;
		const res = await command(incident.id, guard.session, body);
		expect(res.status).toBe(status);
		expect(((await res.json()) as ProblemJson).code).toBe(code);
		const [row] = await api.db.select().from(incidents).where(eq(incidents.id, incident.id));
		expect(row?.version).toBe(1);
	});
});

describe('who sees which incidents', () => {
	it('shows field staff the incidents they filed, and the control room all of them', async () => {
		const mine = (await (
			await report(guard2.session, fire({ kind: 'suspicious_person' }))
		).json()) as IncidentJson;
		const ownList = await api.request('/api/v1/incidents', { session: guard2.session });
		expect(ownList.status).toBe(200);
		const own = (await ownList.json()) as { items: IncidentJson[] };
		expect(own.items.map((item) => item.incident.id)).toEqual([mine.incident.id]);

		const all = (await (
			await api.request('/api/v1/incidents?limit=200', { session: control.session })
		).json()) as {
			items: IncidentJson[];
		};
		expect(all.items.length).toBeGreaterThan(5);
		const adminList = await api.request('/api/v1/incidents', { session: admin.session });
		expect(adminList.status).toBe(200);

		const others = all.items.find((item) => item.incident.reportedBy !== guard2.id);
		expect(others).toBeDefined();
		const hidden = others?.incident.id ?? '';
		expect((await api.request(`/api/v1/incidents/${hidden}`, { session: guard2.session })).status).toBe(404);
		expect((await command(hidden, guard2.session, { type: 'respond' })).status).toBe(404);
		// An administrator reads incidents but does not work them.
		expect((await command(hidden, admin.session, { type: 'respond' })).status).toBe(403);
	});

	it('filters by status and kind and pages newest first', async () => {
		const filtered = (await (
			await api.request('/api/v1/incidents?status=reported&kind=suspicious_person', {
				session: control.session,
			})
		).json()) as { items: IncidentJson[] };
		expect(filtered.items.length).toBeGreaterThan(0);
		expect(
			filtered.items.every(
				(i) => i.incident.status === 'reported' && i.incident.kind === 'suspicious_person',
			),
		).toBe(true);

		const first = (await (
			await api.request('/api/v1/incidents?limit=2', { session: control.session })
		).json()) as {
			items: IncidentJson[];
			nextCursor: string;
		};
		const second = (await (
			await api.request(`/api/v1/incidents?limit=2&cursor=${first.nextCursor}`, { session: control.session })
		).json()) as { items: IncidentJson[] };
		expect(second.items.map((i) => i.incident.id)).not.toContain(first.items[0]?.incident.id);
		expect(
			(await api.request('/api/v1/incidents?cursor=nonsense', { session: control.session })).status,
		).toBe(400);
		expect((await api.request('/api/v1/incidents?status=burning', { session: control.session })).status).toBe(
			400,
		);
	});

	it('answers 404 for an incident of no one', async () => {
		const res = await api.request('/api/v1/incidents/00000000-0000-4000-8000-000000000000', {
			session: control.session,
		});
		expect(res.status).toBe(404);
		expect(((await res.json()) as ProblemJson).code).toBe('INCIDENT.NOT_FOUND');
	});
});
