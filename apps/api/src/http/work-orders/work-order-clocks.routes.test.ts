import { mainlandChinaCalendar, workingMinutesBetween } from '@estate-ops/domain/sla';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';

// SPEC.md "Separate clocks", through the routes: each open order shows its clocks one by one, and a pause of two
// working hours (who and why recorded) moves every running deadline by exactly two working hours.
const shanghai = (hhmm: string, day = '02') => new Date(`2026-03-${day}T${hhmm}:00+08:00`);
const preset = mainlandChinaCalendar({ holidays: [], adjustedWorkingDays: [] });
if (!preset.ok) throw new Error('fixture calendar is invalid');
const calendar = preset.value;

type Clock = {
	clock: string;
	state: string;
	dueAt: string | null;
	completedAt: string | null;
	measure: 'working' | 'clock';
	remainingMs: number | null;
};
type Detail = {
	order: { id: string; version: number; pauses: Record<string, unknown>[] };
	sla: { state: string; clocks: Clock[] };
	history: { type: string; actor: Record<string, unknown>; event: Record<string, unknown> }[];
};

let api: TestApi;
let desk: { id: string; session: string };
let tech: { id: string; session: string };

const at = (time: Date) => api.advance(time.getTime() - api.now().getTime());

async function fileAndAssign(): Promise<string> {
	const res = await api.request('/api/v1/work-orders', {
		method: 'POST',
		session: desk.session,
		json: {
			kind: 'repair',
			category: 'carpentry',
			channel: 'front_desk',
			description: '卧室衣柜门铰链松动',
			location: {
				kind: 'point',
				position: [121.47, 31.23],
				description: '3栋大堂',
				buildingId: null,
				zoneId: null,
			},
		},
	});
	const id = ((await res.json()) as Detail).order.id;
	await command(id, desk.session, { type: 'accept' });
	await command(id, desk.session, { type: 'assign', assigneeId: tech.id });
	return id;
}

async function command(id: string, session: string, body: Record<string, unknown>) {
	const res = await api.request(`/api/v1/work-orders/${id}/commands`, {
		method: 'POST',
		session,
		json: body,
	});
	return res;
}

const detail = async (id: string) =>
	(await (await api.request(`/api/v1/work-orders/${id}`, { session: desk.session })).json()) as Detail;

const running = (d: Detail) => d.sla.clocks.filter((c) => c.completedAt === null && c.dueAt !== null);

let paused: string;
let steady: string;

beforeAll(async () => {
	api = await createTestApi({ start: shanghai('09:00') });
	const estateId = await api.createEstate('CLOCKS');
	desk = await api.staffSession(estateId, ['customer_service', 'dispatcher']);
	tech = await api.staffSession(estateId, ['technician']);
	paused = await fileAndAssign();
	steady = await fileAndAssign();
}, 60_000);
afterAll(() => api.close());

describe('the separate clocks of an order', () => {
	it('shows acceptance, dispatch, contact and solution clocks each with its own deadline, state and time left', async () => {
		at(shanghai('09:10'));
		const { sla } = await detail(steady);
		// A general repair has no on-site target: the visit is agreed with the resident on contact.
		expect(sla.clocks.map((c) => [c.clock, c.state, c.measure])).toEqual([
			['accept', 'met', 'clock'],
			['dispatch', 'met', 'working'],
			['contact', 'on_track', 'clock'],
			['resolve', 'on_track', 'working'],
			['feedback', 'pending', 'clock'],
		]);
		const resolve = sla.clocks.find((c) => c.clock === 'resolve');
		// 3 working days of 9 h, 10 minutes of which are gone.
		expect(resolve?.remainingMs).toBe((3 * 540 - 10) * 60_000);
	});

	it('refuses a pause without a reason, and records who paused and why', async () => {
		at(shanghai('09:20'));
		const refused = await command(paused, tech.session, {
			type: 'pause',
			cause: 'waiting_for_parts',
			reason: ' ',
		});
		expect(refused.status).toBe(422);
		expect(await refused.json()).toMatchObject({ code: 'WORK_ORDER.REASON_REQUIRED' });
		const ok = await command(paused, tech.session, {
			type: 'pause',
			cause: 'waiting_for_parts',
			reason: '等待铰链配件到货',
		});
		expect(ok.status).toBe(200);
		at(shanghai('10:20'));
		const during = await detail(paused);
		expect(running(during).map((c) => c.state)).toEqual(['paused', 'paused']);
		expect(during.sla.state).toBe('paused');
	});

	it('moves every running deadline by the two working hours of the pause once resumed', async () => {
		at(shanghai('11:20'));
		expect((await command(paused, desk.session, { type: 'resume' })).status).toBe(200);
		at(shanghai('11:30'));
		const before = running(await detail(steady));
		const after = await detail(paused);
		expect(running(after).map((c) => c.clock)).toEqual(before.map((c) => c.clock));
		for (const clock of running(after)) {
			const unpaused = before.find((c) => c.clock === clock.clock)?.dueAt;
			if (!unpaused || !clock.dueAt) throw new Error(`${clock.clock} has no deadline`);
			expect(workingMinutesBetween(calendar, new Date(unpaused), new Date(clock.dueAt)), clock.clock).toBe(
				120,
			);
		}
		expect(running(after).find((c) => c.clock === 'resolve')?.dueAt).toBe(
			shanghai('11:00', '05').toISOString(),
		);

		expect(after.order.pauses).toEqual([
			expect.objectContaining({
				cause: 'waiting_for_parts',
				reason: '等待铰链配件到货',
				by: { kind: 'staff', staffId: tech.id },
				resumedBy: { kind: 'staff', staffId: desk.id },
			}),
		]);
		const history = after.history.filter(
			(h) => h.type === 'workOrder.paused' || h.type === 'workOrder.resumed',
		);
		expect(history).toEqual([
			expect.objectContaining({
				type: 'workOrder.paused',
				actor: { kind: 'staff', staffId: tech.id },
				event: expect.objectContaining({ reason: '等待铰链配件到货', cause: 'waiting_for_parts' }),
			}),
			expect.objectContaining({ type: 'workOrder.resumed', actor: { kind: 'staff', staffId: desk.id } }),
		]);
	});
});
