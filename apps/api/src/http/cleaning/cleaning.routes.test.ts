import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { cleaningCompletions, cleaningConditions } from '../../db/schema/index';
import { photoForm, PNG_1X1 } from '../kiosk/kiosk.fixtures';
import { outbox, shanghai } from '../patrols/patrols.fixtures';
import { createCleaningSite, roundId } from './cleaning.fixtures';

type Task = {
	id: string;
	taskId: string;
	state: string;
	late: boolean;
	reason: string;
	dueAt: string;
	completion: { cleanerId: string; photoAttachmentId: string | null; note: string | null } | null;
};
type Zone = { zoneId: string; name: string; status: string; counts: Record<string, number>; tasks: Task[] };
type Day = { date: string; zones: Zone[]; conditions: { id: string; kind: string; active: boolean }[] };
type Done = { task: Task; zone: Zone; duplicate: boolean };
type ProblemJson = { code?: string; errors?: { path: string; message: string }[] };

// Monday 2 March 2026, 08:00 in Shanghai: a working day.
const at = (time: string) => shanghai('2026-03-02', time);

let api: TestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createCleaningSite>>;
let cleaner: { id: string; session: string };
let supervisor: { id: string; session: string };
let control: { id: string; session: string };
let guard: { id: string; session: string };

const today = async (session = control.session, query = '') =>
	(await (await api.request(`/api/v1/cleaning/today${query}`, { session })).json()) as Day;
const done = (id: string, body: unknown = {}, session = cleaner.session) =>
	api.request(`/api/v1/cleaning/tasks/${id}/done`, { method: 'POST', session, json: body });
const switchOn = (body: unknown, session = supervisor.session) =>
	api.request('/api/v1/cleaning/conditions', { method: 'POST', session, json: body });

beforeAll(async () => {
	api = await createTestApi({ start: at('08:00') });
	estateId = await api.createEstate('CL');
	site = await createCleaningSite(api.db, estateId, at('07:00'));
	cleaner = await api.staffSession(estateId, ['cleaner']);
	supervisor = await api.staffSession(estateId, ['supervisor']);
	control = await api.staffSession(estateId, ['control_room']);
	guard = await api.staffSession(estateId, ['guard']);
});
afterAll(() => api.close());

describe("today's cleaning", () => {
	it('lists every cleaning zone’s rounds with their state, overdue zones and tasks first', async () => {
		const day = await today();
		expect(day.date).toBe('2026-03-02');
		expect(day.zones.map((z) => [z.name, z.status])).toEqual([
			['1栋电梯', 'overdue'],
			// Both due at 09:00: by name, in pinyin order (huán before huì).
			['环形主干道', 'due'],
			['会所一楼公共卫生间', 'due'],
			['中心花园', 'due'],
		]);
		const lift = day.zones[0];
		expect(lift?.tasks.map((t) => [t.taskId, t.state, t.dueAt])).toEqual([
			['lift-clean-disinfect', 'overdue', at('07:00').toISOString()],
			['lift-peak-disinfect', 'overdue', at('07:30').toISOString()],
			['lift-peak-disinfect', 'upcoming', at('18:00').toISOString()],
		]);
		expect(day.zones[2]?.counts).toEqual({ upcoming: 3, due: 1, overdue: 0, done: 0 });
	});

	it('is read by cleaners and the control room, not by guards', async () => {
		expect((await api.request('/api/v1/cleaning/today', { session: cleaner.session })).status).toBe(200);
		expect((await api.request('/api/v1/cleaning/today', { session: guard.session })).status).toBe(403);
		expect(
			(await api.request('/api/v1/cleaning/today?date=02-03-2026', { session: control.session })).status,
		).toBe(400);
	});
});

describe('marking a round done', () => {
	it('stores it once, turns the zone done and announces cleaning.taskDone and cleaning.zoneStatus', async () => {
		const sweep = roundId(site.road, 'road-sweep', at('09:00'));
		const res = await done(sweep, { note: '落叶已清扫' });
		expect(res.status).toBe(201);
		const body = (await res.json()) as Done;
		expect(body.duplicate).toBe(false);
		expect(body.task).toMatchObject({
			id: sweep,
			state: 'done',
			late: false,
			completion: { cleanerId: cleaner.id, note: '落叶已清扫' },
		});
		expect(body.zone).toMatchObject({ zoneId: site.road, status: 'done' });

		const published = await outbox(api.db, estateId, 'cleaning.');
		expect(published.map((e) => e.type)).toEqual(['cleaning.taskDone', 'cleaning.zoneStatus']);
		expect(published[0]?.payload).toMatchObject({
			taskInstanceId: sweep,
			zoneId: site.road,
			taskName: '道路清扫',
			late: false,
			cleanerId: cleaner.id,
		});
		expect(published[1]?.payload).toMatchObject({
			zoneId: site.road,
			status: 'done',
			previousStatus: null,
			localDate: '2026-03-02',
			counts: { done: 1 },
		});

		const again = await done(sweep, { note: '再点一次' });
		expect(again.status).toBe(200);
		expect((await again.json()) as Done).toMatchObject({
			duplicate: true,
			task: { completion: { note: '落叶已清扫' } },
		});
		expect(await api.db.$count(cleaningCompletions, eq(cleaningCompletions.taskInstanceId, sweep))).toBe(1);
		expect(await outbox(api.db, estateId, 'cleaning.')).toHaveLength(2);
	});

	it('takes a photo upload and a late completion of an overdue round', async () => {
		const upload = await api.request('/api/v1/cleaning/photos', {
			method: 'POST',
			session: cleaner.session,
			body: photoForm(PNG_1X1, 'image/png', 'lift.png'),
		});
		expect(upload.status).toBe(201);
		const photo = (await upload.json()) as { id: string };
		const res = await done(roundId(site.lift, 'lift-clean-disinfect', at('07:00')), {
			photoAttachmentId: photo.id,
		});
		expect(res.status).toBe(201);
		const body = (await res.json()) as Done;
		expect(body.task).toMatchObject({
			state: 'done',
			late: true,
			completion: { photoAttachmentId: photo.id },
		});
		// The 07:30 disinfection is still overdue.
		expect(body.zone.status).toBe('overdue');
	});

	it('dates a completion queued offline by the phone’s time', async () => {
		const res = await done(roundId(site.lift, 'lift-peak-disinfect', at('07:30')), {
			doneAt: at('07:25').toISOString(),
		});
		expect(res.status).toBe(201);
		const body = (await res.json()) as Done;
		expect(body.task).toMatchObject({ late: false });
		// Nothing left due or overdue in the lift until the 18:00 rush.
		expect(body.zone.status).toBe('done');
	});

	it.each<[string, () => string, () => unknown, number, string]>([
		[
			'a round whose window has not opened',
			() => roundId(site.toilet, 'toilet-clean', at('12:00')),
			() => ({}),
			409,
			'CLEANING.WINDOW_NOT_OPEN',
		],
		[
			'a round the plan does not have',
			() => roundId(site.toilet, 'toilet-clean', at('10:00')),
			() => ({}),
			404,
			'CLEANING.TASK_NOT_FOUND',
		],
		[
			'a zone of no estate',
			() => roundId('00000000-0000-4000-8000-000000000000', 'road-sweep', at('09:00')),
			() => ({}),
			404,
			'CLEANING.TASK_NOT_FOUND',
		],
		['an id that is no round', () => 'not-a-round', () => ({}), 404, 'CLEANING.TASK_NOT_FOUND'],
		[
			'a photo nobody uploaded',
			() => roundId(site.green, 'green-litter-pick', at('11:00')),
			() => ({ photoAttachmentId: '00000000-0000-4000-8000-000000000000' }),
			422,
			'ATTACHMENT.NOT_FOUND',
		],
		[
			'a time ahead of the clock',
			() => roundId(site.green, 'green-litter-pick', at('11:00')),
			() => ({ doneAt: at('09:30').toISOString() }),
			422,
			'CLEANING.DONE_IN_FUTURE',
		],
		[
			'a note of 501 characters',
			() => roundId(site.green, 'green-litter-pick', at('11:00')),
			() => ({ note: '扫'.repeat(501) }),
			400,
			'REQUEST.INVALID',
		],
	])('refuses %s and stores nothing', async (_case, id, body, status, code) => {
		const before = await api.db.$count(cleaningCompletions);
		const res = await done(id(), body());
		expect(res.status).toBe(status);
		expect(((await res.json()) as ProblemJson).code).toBe(code);
		expect(await api.db.$count(cleaningCompletions)).toBe(before);
	});

	it('is for cleaners: not guards, supervisors or the control room', async () => {
		const green = roundId(site.green, 'green-litter-pick', at('11:00'));
		for (const session of [guard.session, supervisor.session, control.session]) {
			expect((await done(green, {}, session)).status).toBe(403);
		}
	});
});

describe('extra rounds for holidays, events and bad weather', () => {
	it('adds the condition’s rounds while it is on, and takes them away when it is switched off', async () => {
		const res = await switchOn({
			kind: 'bad_weather',
			from: '2026-03-02',
			to: '2026-03-03',
			zones: [site.road],
			note: '暴雨预警',
		});
		expect(res.status).toBe(201);
		const condition = (await res.json()) as { id: string; active: boolean; setBy: string };
		expect(condition).toMatchObject({ active: true, setBy: supervisor.id });

		const withRain = await today();
		const road = withRain.zones.find((z) => z.zoneId === site.road);
		expect(road?.tasks.map((t) => [t.reason, t.dueAt])).toContainEqual([
			'bad_weather',
			at('14:00').toISOString(),
		]);
		expect(withRain.conditions.map((c) => c.kind)).toEqual(['bad_weather']);
		// The lobby's bad-weather rounds do not reach zones the condition does not name.
		expect(
			withRain.zones.find((z) => z.zoneId === site.toilet)?.tasks.every((t) => t.reason === 'plan'),
		).toBe(true);

		const listed = (await (
			await api.request('/api/v1/cleaning/conditions', { session: cleaner.session })
		).json()) as {
			conditions: { id: string }[];
		};
		expect(listed.conditions.map((c) => c.id)).toContain(condition.id);

		const off = await api.request(`/api/v1/cleaning/conditions/${condition.id}`, {
			method: 'DELETE',
			session: supervisor.session,
		});
		expect(off.status).toBe(200);
		expect((await off.json()) as { active: boolean; endedBy: string }).toMatchObject({
			active: false,
			endedBy: supervisor.id,
		});
		const dry = await today();
		expect(dry.zones.find((z) => z.zoneId === site.road)?.tasks.map((t) => t.reason)).toEqual(['plan']);
		const [row] = await api.db
			.select()
			.from(cleaningConditions)
			.where(eq(cleaningConditions.id, condition.id));
		expect(row?.endedAt?.toISOString()).toBe(at('08:00').toISOString());

		const published = (await outbox(api.db, estateId, 'cleaning.condition')).map((e) => e.type);
		expect(published).toEqual(['cleaning.conditionSwitchedOn', 'cleaning.conditionSwitchedOff']);
		const twice = await api.request(`/api/v1/cleaning/conditions/${condition.id}`, {
			method: 'DELETE',
			session: supervisor.session,
		});
		expect(twice.status).toBe(409);
	});

	it('announces a zone only when its fill changes', async () => {
		const announced = async () =>
			(await outbox(api.db, estateId, 'cleaning.zoneStatus')).map((e) => {
				const payload = e.payload as { zoneId: string; status: string };
				return [payload.zoneId, payload.status];
			});
		// The road and the lift by their completions; the toilet and the green by the refresh after the first
		// condition was switched on (they had never been announced).
		expect(await announced()).toEqual([
			[site.road, 'done'],
			[site.lift, 'overdue'],
			[site.lift, 'done'],
			[site.toilet, 'due'],
			[site.green, 'due'],
		]);
		// A holiday adds rounds this afternoon and evening: at 08:00 no zone's fill changes, so nothing is announced.
		expect((await switchOn({ kind: 'holiday', from: '2026-03-02', to: '2026-03-02' })).status).toBe(201);
		expect(await announced()).toHaveLength(5);
	});

	it.each<[string, Record<string, unknown>, number, string, string]>([
		[
			'a period that ends before it starts',
			{ kind: 'event', from: '2026-03-05', to: '2026-03-04' },
			422,
			'CLEANING.INVALID_CONDITION',
			'to',
		],
		[
			'a period that is over',
			{ kind: 'event', from: '2026-02-01', to: '2026-02-02' },
			422,
			'CLEANING.CONDITION_IN_PAST',
			'to',
		],
		[
			'a zone of no estate',
			{
				kind: 'event',
				from: '2026-03-02',
				to: '2026-03-02',
				zones: ['00000000-0000-4000-8000-000000000000'],
			},
			422,
			'ZONE.NOT_FOUND',
			'zones.0',
		],
		[
			'an unknown kind',
			{ kind: 'typhoon', from: '2026-03-02', to: '2026-03-02' },
			400,
			'REQUEST.INVALID',
			'kind',
		],
		[
			'a date that is not one',
			{ kind: 'event', from: '2026-02-30x', to: '2026-03-02' },
			400,
			'REQUEST.INVALID',
			'from',
		],
	])('refuses %s', async (_case, body, status, code, path) => {
		const before = await api.db.$count(cleaningConditions);
		const res = await switchOn(body);
		expect(res.status).toBe(status);
		const problem = (await res.json()) as ProblemJson;
		expect(problem.code).toBe(code);
		expect(problem.errors?.map((e) => e.path)).toContain(path);
		expect(await api.db.$count(cleaningConditions)).toBe(before);
	});

	it('is switched by supervisors and managers, not cleaners', async () => {
		expect(
			(await switchOn({ kind: 'event', from: '2026-03-02', to: '2026-03-02' }, cleaner.session)).status,
		).toBe(403);
		const missing = await api.request('/api/v1/cleaning/conditions/00000000-0000-4000-8000-000000000000', {
			method: 'DELETE',
			session: supervisor.session,
		});
		expect(missing.status).toBe(404);
	});
});
