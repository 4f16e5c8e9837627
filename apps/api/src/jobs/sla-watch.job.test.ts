import type { Actor } from '@estate-ops/domain/estate';
import type { StaffId } from '@estate-ops/domain/shared';
import type { SlaRules } from '@estate-ops/domain/sla';
import type { WorkOrderCommand } from '@estate-ops/domain/work-orders';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolConfigOf } from '#test/realtime-harness';
import { openTestDatabase, testDatabaseDriver } from '#test/database';
import type { DatabaseHandle } from '../db/database';
import { events, slaAlerts, slaSettings, workOrders } from '../db/schema/index';
import { createEstate, createStaffMember } from '../http/auth/auth.fixtures';
import { createServices } from '../app-services';
import { generateEncryptionKey } from '../privacy/field-encryption';
import type { SubmitInput, WorkOrderService } from '../services/work-order.service';
import { type ClusterLocks, createClusterLocks } from './cluster-lock';
import { createSlaWatchJob, type SlaWatchJob } from './sla-watch.job';

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

// One clock per order keeps the arithmetic readable: the solution must come within 100 wall-clock minutes,
// so 80 % is reached at +80 min, the breach after +100 min and the manager's level at +200 min.
const RESOLVE_IN_100: SlaRules = {
	urgent: { resolve: { measure: 'clock', minutes: 100 } },
	important: { resolve: { measure: 'clock', minutes: 100 } },
	general: { resolve: { measure: 'clock', minutes: 100 } },
};
const WEEK = {
	mon: [{ start: '09:00', end: '18:00' }],
	tue: [{ start: '09:00', end: '18:00' }],
	wed: [{ start: '09:00', end: '18:00' }],
	thu: [{ start: '09:00', end: '18:00' }],
	fri: [{ start: '09:00', end: '18:00' }],
	sat: [],
	sun: [],
};

const input: SubmitInput = {
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
	residentId: null,
	contact: null,
	desiredWindow: null,
	areaM2: null,
	reportedAt: null,
	attachments: [],
} as SubmitInput;

let handle: DatabaseHandle;
let clock = T0.getTime();
let service: WorkOrderService;
const lockSets: ClusterLocks[] = [];

const newLocks = (): ClusterLocks => {
	const locks = createClusterLocks(
		testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(handle.db) } : {},
	);
	lockSets.push(locks);
	return locks;
};
const newJob = (
	extra: { locks?: Pick<ClusterLocks, 'withClusterLock'>; now?: () => Date; intervalMs?: number } = {},
): SlaWatchJob =>
	createSlaWatchJob({
		db: handle.db,
		locks: extra.locks ?? newLocks(),
		now: extra.now ?? (() => new Date(clock)),
		...(extra.intervalMs ? { intervalMs: extra.intervalMs } : {}),
	});

beforeAll(async () => {
	handle = await openTestDatabase();
	service = createServices({
		db: handle.db,
		now: () => new Date(clock),
		encryptionKey: generateEncryptionKey(),
	}).workOrders;
});

afterAll(async () => {
	for (const locks of lockSets) await locks.close();
	await handle.close();
});

/** A fresh estate with the 100-minute rule and a staff member to act in it. */
async function estate() {
	const estateId = await createEstate(handle.db, 'SLA');
	await handle.db.insert(slaSettings).values({ estateId, rules: RESOLVE_IN_100, workingWeek: WEEK });
	const member = await createStaffMember(handle.db, estateId, { roles: ['customer_service', 'dispatcher'] });
	const actor: Actor = { kind: 'staff', staffId: member.id as StaffId };
	return { estateId, actor, staffId: member.id };
}

async function submit(estateId: string, actor: Actor, minutes = 0): Promise<string> {
	clock = at(minutes).getTime();
	const result = await service.submit(estateId, actor, input, null);
	if (!result.ok) throw new Error(result.error.message);
	return result.value.order.id;
}

async function run(
	estateId: string,
	actor: Actor,
	id: string,
	minutes: number,
	command: Exclude<WorkOrderCommand, { type: 'submit' }>,
) {
	clock = at(minutes).getTime();
	const result = await service.execute(estateId, id, actor, command, { requestId: null });
	if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
}

const slaEventsOf = async (workOrderId: string) =>
	handle.db
		.select()
		.from(events)
		.where(and(eq(events.aggregateId, workOrderId), like(events.type, 'sla.%')))
		.orderBy(asc(events.seq));

const typesOf = async (workOrderId: string) => (await slaEventsOf(workOrderId)).map((event) => event.type);

const columnsOf = async (id: string) => {
	const [row] = await handle.db
		.select({ nextDueAt: workOrders.nextDueAt, slaState: workOrders.slaState })
		.from(workOrders)
		.where(eq(workOrders.id, id));
	return row;
};

describe('the SLA watch job', () => {
	it('raises sla.atRisk at 80 % and sla.breached past due, each exactly once however often it runs', async () => {
		const { estateId, actor, staffId } = await estate();
		const id = await submit(estateId, actor);
		const job = newJob();

		expect(await job.runOnce(at(79))).toMatchObject({ ran: true });
		expect(await typesOf(id)).toEqual([]);

		for (let pass = 0; pass < 4; pass++) await job.runOnce(at(80 + pass));
		expect(await typesOf(id)).toEqual(['sla.atRisk']);

		await run(estateId, actor, id, 90, { type: 'accept' });
		for (let pass = 0; pass < 4; pass++) await job.runOnce(at(101 + pass * 5));
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);

		const [atRisk, breached] = await slaEventsOf(id);
		expect(atRisk).toMatchObject({ estateId, aggregateType: 'workOrder', aggregateId: id, at: at(80) });
		expect(breached?.payload).toEqual({
			workOrderId: id,
			code: expect.stringMatching(/^R/),
			clock: 'resolve',
			level: 2,
			dueAt: at(100).toISOString(),
			urgency: 'general',
			assigneeId: null,
			responsibleStaffId: staffId,
			// No roster and no manager in this estate: nobody to notify (the duty tests cover who is).
			notifications: [],
		});
		const alerts = await handle.db.select().from(slaAlerts).where(eq(slaAlerts.workOrderId, id));
		expect(alerts.map((alert) => [alert.clock, alert.level]).sort()).toEqual([
			['resolve#0', '1'],
			['resolve#0', '2'],
		]);
	});

	it('raises at-risk and breach together when the first pass comes after the deadline', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		const run = await newJob().runOnce(at(150));
		expect(run).toMatchObject({ ran: true, raised: 2 });
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);
	});

	it('raises each alert once when two job instances run at the same moment', async () => {
		const { estateId, actor } = await estate();
		const ids = await Promise.all([submit(estateId, actor), submit(estateId, actor)]);
		const jobs = [newJob(), newJob()];

		await Promise.all(jobs.flatMap((job) => [job.runOnce(at(85)), job.runOnce(at(85))]));
		await Promise.all(jobs.flatMap((job) => [job.runOnce(at(120)), job.runOnce(at(121))]));

		for (const id of ids) expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);
	});

	it('raises each alert once even when no lock keeps two passes apart: the database key decides', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		const noLock: Pick<ClusterLocks, 'withClusterLock'> = {
			withClusterLock: async (_name, fn) => ({ acquired: true, value: await fn() }),
		};
		const jobs = [newJob({ locks: noLock }), newJob({ locks: noLock }), newJob({ locks: noLock })];

		const runs = await Promise.all(jobs.map((job) => job.runOnce(at(130))));

		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);
		// Every pass saw the order due, but only the inserts that happened raised events.
		expect(runs.reduce((sum, run) => sum + (run.ran ? run.raised : 0), 0)).toBeGreaterThanOrEqual(2);
	});

	it('escalates to the manager (level 3) once the breach has lasted another allowed time, once', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		const job = newJob();

		await job.runOnce(at(199));
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);
		await job.runOnce(at(200));
		await job.runOnce(at(260));
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached', 'sla.escalated']);
		const escalated = (await slaEventsOf(id)).at(-1);
		expect(escalated?.payload).toMatchObject({ level: 3, clock: 'resolve' });
	});

	it('raises nothing for a paused order while it stays paused, and counts on from where it stopped', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		await run(estateId, actor, id, 10, { type: 'accept' });
		await run(estateId, actor, id, 30, {
			type: 'pause',
			cause: 'waiting_for_resident',
			reason: '业主出差，约定回来后再上门',
		});
		const job = newJob();

		await job.runOnce(at(200));
		await job.runOnce(at(600));
		expect(await typesOf(id)).toEqual([]);
		expect(await columnsOf(id)).toMatchObject({ slaState: 'paused' });

		// 30 minutes were used before the pause; at-risk comes 50 minutes after the resume.
		await run(estateId, actor, id, 700, { type: 'resume' });
		await job.runOnce(at(749));
		expect(await typesOf(id)).toEqual([]);
		await job.runOnce(at(750));
		expect(await typesOf(id)).toEqual(['sla.atRisk']);
	});

	it('leaves closed and cancelled orders alone', async () => {
		const { estateId, actor, staffId } = await estate();
		const cancelled = await submit(estateId, actor);
		await run(estateId, actor, cancelled, 5, { type: 'cancel', reason: '业主自行修好' });
		const closed = await submit(estateId, actor);
		await run(estateId, actor, closed, 1, { type: 'accept' });
		await run(estateId, actor, closed, 2, { type: 'assign', assigneeId: staffId as StaffId });
		await run(estateId, actor, closed, 3, {
			type: 'recordContact',
			method: 'phone',
			outcome: 'reached',
			note: null,
		});
		await run(estateId, actor, closed, 4, { type: 'arrive' });
		await run(estateId, actor, closed, 20, {
			type: 'resolve',
			startedAt: at(5),
			endedAt: at(19),
			materials: [],
			result: '更换铰链',
			residentSignedOff: true,
		});
		await run(estateId, actor, closed, 30, {
			type: 'recordFeedback',
			method: 'phone',
			ratings: { speed: 5, result: 5, attitude: 5 },
			comment: null,
			satisfied: true,
		});
		await run(estateId, actor, closed, 31, { type: 'close' });
		// A marker the job would overwrite if it looked at these rows.
		await handle.db.update(workOrders).set({ slaState: 'marker' }).where(eq(workOrders.estateId, estateId));

		const result = await newJob().runOnce(at(500));

		expect(result.ran).toBe(true);
		expect([await typesOf(cancelled), await typesOf(closed)]).toEqual([[], []]);
		expect([(await columnsOf(cancelled))?.slaState, (await columnsOf(closed))?.slaState]).toEqual([
			'marker',
			'marker',
		]);
	});

	it('refreshes next_due_at and sla_state so that lists sort by the real next deadline', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		expect(await columnsOf(id)).toEqual({ nextDueAt: at(100), slaState: 'on_track' });
		const job = newJob();

		await job.runOnce(at(85));
		expect(await columnsOf(id)).toEqual({ nextDueAt: at(100), slaState: 'at_risk' });
		await job.runOnce(at(101));
		expect(await columnsOf(id)).toEqual({ nextDueAt: at(100), slaState: 'breached' });
	});

	it('alerts again for the run a reopen starts (返工), and only once for it', async () => {
		const { estateId, actor, staffId } = await estate();
		const id = await submit(estateId, actor);
		const job = newJob();
		await run(estateId, actor, id, 1, { type: 'accept' });
		await run(estateId, actor, id, 2, { type: 'assign', assigneeId: staffId as StaffId });
		await run(estateId, actor, id, 3, {
			type: 'recordContact',
			method: 'phone',
			outcome: 'reached',
			note: null,
		});
		await run(estateId, actor, id, 4, { type: 'arrive' });
		await job.runOnce(at(120));
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached']);
		await run(estateId, actor, id, 130, {
			type: 'resolve',
			startedAt: at(5),
			endedAt: at(129),
			materials: [],
			result: '更换铰链',
			residentSignedOff: true,
		});
		await job.runOnce(at(140));
		expect(await typesOf(id)).toHaveLength(2);

		await run(estateId, actor, id, 150, { type: 'reopen', reason: '铰链仍然松动', assigneeId: null });
		// The new pass runs from the reopening: at risk at +230, breached after +250.
		await job.runOnce(at(229));
		expect(await typesOf(id)).toHaveLength(2);
		for (let pass = 0; pass < 3; pass++) await job.runOnce(at(230 + pass));
		for (let pass = 0; pass < 3; pass++) await job.runOnce(at(251 + pass));

		const alerts = await handle.db.select().from(slaAlerts).where(eq(slaAlerts.workOrderId, id));
		expect(alerts.map((alert) => `${alert.clock}:${alert.level}`).sort()).toEqual([
			'resolve#0:1',
			'resolve#0:2',
			'resolve#1:1',
			'resolve#1:2',
		]);
		expect(await typesOf(id)).toEqual(['sla.atRisk', 'sla.breached', 'sla.atRisk', 'sla.breached']);
		expect((await slaEventsOf(id)).at(-1)?.payload).toMatchObject({ dueAt: at(250).toISOString(), level: 2 });
	});

	it('runs a pass at start and on every tick, and stop() waits for the pass in flight', async () => {
		const { estateId, actor } = await estate();
		const id = await submit(estateId, actor);
		let reads = 0;
		const job = newJob({
			intervalMs: 10,
			now: () => {
				reads++;
				return at(85);
			},
		});

		job.start();
		const deadline = Date.now() + 10_000;
		while (reads < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		await job.stop();
		const readsAtStop = reads;
		await new Promise((resolve) => setTimeout(resolve, 60));

		expect(readsAtStop).toBeGreaterThanOrEqual(3);
		expect(reads).toBe(readsAtStop);
		expect(await typesOf(id)).toEqual(['sla.atRisk']);
	});
});
