import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { testDatabaseDriver } from '#test/database';
import { poolConfigOf } from '#test/realtime-harness';
import { events, patrolRounds } from '../db/schema/index';
import { gardenRouteBody, shanghai } from '../http/patrols/patrols.fixtures';
import { createClusterLocks, type ClusterLocks } from './cluster-lock';
import { createPatrolWatchJob, type PatrolWatchJob } from './patrol-watch.job';

// The night of Monday 2 March 2026 in Shanghai. The garden route's night rounds start at 22:00, 01:00 and
// 04:00; in each, the gate is due 15 minutes in, the pond 30 and the club 45, each late 10 minutes after,
// and the window closes after an hour.
const night = (time: string) => shanghai('2026-03-02', time);
const small = (time: string) => shanghai('2026-03-03', time);

let api: TestApi;
let estateId: string;
let routeId: string;
let guard: { id: string; session: string };
const lockSets: ClusterLocks[] = [];

const newLocks = () => {
	const locks = createClusterLocks(
		testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(api.db) } : {},
	);
	lockSets.push(locks);
	return locks;
};
const newJob = (locks: Pick<ClusterLocks, 'withClusterLock'> = newLocks()): PatrolWatchJob =>
	createPatrolWatchJob({ db: api.db, locks, now: api.now });
const setClock = (at: Date) => api.advance(at.getTime() - api.now().getTime());

/** The estate's patrol alerts so far, as `[type, checkpointName or '']`. */
async function alerts(): Promise<[string, string][]> {
	const rows = await api.db
		.select()
		.from(events)
		.where(and(eq(events.estateId, estateId), like(events.type, 'patrol.%')))
		.orderBy(asc(events.seq));
	return rows
		.filter(
			(row) =>
				!['patrol.checkpointVisited', 'patrol.routeCreated', 'patrol.scanNotCounted'].includes(row.type),
		)
		.map((row) => [row.type, String((row.payload as { checkpointName?: string }).checkpointName ?? '')]);
}

const scan = (code: string, at: Date, point: [number, number]) =>
	api.request('/api/v1/patrols/scans', {
		method: 'POST',
		session: guard.session,
		json: { checkpointCode: code, scannedAt: at.toISOString(), lng: point[0], lat: point[1], accuracyM: 6 },
	});

beforeAll(async () => {
	api = await createTestApi({ start: night('21:00') });
	estateId = await api.createEstate('PW');
	const manager = await api.staffSession(estateId, ['manager']);
	guard = await api.staffSession(estateId, ['guard']);
	const res = await api.request('/api/v1/patrols/routes', {
		method: 'POST',
		session: manager.session,
		json: gardenRouteBody('W'),
	});
	routeId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
	for (const locks of lockSets) await locks.close();
	await api.close();
});

describe('the patrol watch across a night', () => {
	it('warns of each late checkpoint once, reports the missed one when the window closes, and closes the round', async () => {
		const job = newJob();
		expect(await job.runOnce(night('21:30'))).toMatchObject({ ran: true, evaluated: 0, raised: 0 });

		setClock(night('22:20'));
		expect((await scan('W-GATE-7F3A', night('22:20'), [121.4737, 31.2304])).status).toBe(201);
		expect(await job.runOnce(night('22:26'))).toMatchObject({ evaluated: 1, raised: 0 });

		// The pond was due at 22:30: at 22:41 the guard is behind.
		expect(await job.runOnce(night('22:41'))).toMatchObject({ raised: 1 });
		expect(await job.runOnce(night('22:42'))).toMatchObject({ raised: 0 });
		expect(await alerts()).toEqual([['patrol.checkpointLate', '景观水池']]);

		// Scanned late now: already warned of, so no second warning.
		setClock(night('22:43'));
		expect((await scan('W-POND-91BC', night('22:43'), [121.4747, 31.2314])).status).toBe(201);
		expect(await alerts()).toEqual([['patrol.checkpointLate', '景观水池']]);

		expect(await job.runOnce(night('22:56'))).toMatchObject({ raised: 1 });
		expect(await job.runOnce(night('23:01'))).toMatchObject({ raised: 2, closed: 1 });
		expect(await job.runOnce(night('23:05'))).toMatchObject({ raised: 0, closed: 0, evaluated: 0 });
		expect(await alerts()).toEqual([
			['patrol.checkpointLate', '景观水池'],
			['patrol.checkpointLate', '会所'],
			['patrol.checkpointMissed', '会所'],
			['patrol.roundClosed', ''],
		]);

		const closedEvents = await api.db
			.select()
			.from(events)
			.where(and(eq(events.estateId, estateId), like(events.type, 'patrol.roundClosed')));
		expect(closedEvents[0]?.payload).toMatchObject({
			routeId,
			status: 'completed_with_issues',
			visited: 1,
			late: 1,
			missed: 1,
			at: night('23:00').toISOString(),
		});
		const missed = await api.db
			.select()
			.from(events)
			.where(and(eq(events.estateId, estateId), eq(events.type, 'patrol.checkpointMissed')));
		expect(missed[0]?.payload).toMatchObject({
			checkpointName: '会所',
			point: [121.4757, 31.2324],
			dueAt: night('22:45').toISOString(),
			at: night('23:00').toISOString(),
		});
	});

	it('gives a round nobody walks one late warning and one missed alert, past midnight', async () => {
		const job = newJob();
		const before = (await alerts()).length;
		// The first pass after midnight also stores the 11 rounds of 3 March (8 by day, 3 by night).
		expect(await job.runOnce(small('01:26'))).toMatchObject({ raised: 1, scheduled: 11 });
		expect(await job.runOnce(small('01:50'))).toMatchObject({ raised: 0 });
		expect(await job.runOnce(small('02:01'))).toMatchObject({ raised: 2, closed: 1 });
		expect((await alerts()).slice(before)).toEqual([
			['patrol.roundLate', ''],
			['patrol.roundMissed', ''],
			['patrol.roundClosed', ''],
		]);
		const [round] = await api.db
			.select()
			.from(patrolRounds)
			.where(eq(patrolRounds.id, `${routeId}:${small('01:00').toISOString()}`));
		expect(round).toMatchObject({ localDate: '2026-03-02', status: 'missed', completion: 0 });
	});

	it("stores each day's rounds once and catches up on rounds it did not watch", async () => {
		const job = newJob();
		// Unwatched since 02:01: the 04:00 round is missed and closed, and the 06:00 round is late already.
		expect(await job.runOnce(small('06:30'))).toMatchObject({ scheduled: 0, raised: 3, closed: 1 });
		expect(await job.runOnce(small('06:31'))).toMatchObject({ scheduled: 0, raised: 0 });
		const dates = await api.db
			.selectDistinct({ localDate: patrolRounds.localDate })
			.from(patrolRounds)
			.where(eq(patrolRounds.routeId, routeId));
		expect(dates.map((d) => d.localDate).sort()).toEqual(['2026-03-02', '2026-03-03']);
	});

	it('raises each alert once even when passes overlap without a lock: the database key decides', async () => {
		const noLock: Pick<ClusterLocks, 'withClusterLock'> = {
			withClusterLock: async (_name, fn) => ({ acquired: true, value: await fn() }),
		};
		const before = (await alerts()).length;
		const runs = await Promise.all(
			[newJob(noLock), newJob(noLock), newJob(noLock)].map((job) => job.runOnce(small('07:05'))),
		);
		// The 06:00 round closed at 07:00 with nothing scanned.
		expect(runs.reduce((sum, run) => sum + (run.ran ? run.raised : 0), 0)).toBe(2);
		expect((await alerts()).slice(before)).toEqual([
			['patrol.roundMissed', ''],
			['patrol.roundClosed', ''],
		]);
	});

	it('lets one pass run at a time under the cluster lock', async () => {
		const locks = newLocks();
		const [a, b] = await Promise.all([
			newJob(locks).runOnce(small('07:06')),
			newJob(locks).runOnce(small('07:06')),
		]);
		expect([a.ran, b.ran].sort()).toEqual([false, true]);
	});

	it('runs passes on its own once started, until stopped', async () => {
		setClock(small('08:26'));
		const job = newJob();
		const before = (await alerts()).length;
		job.start();
		await vi.waitFor(async () => expect((await alerts()).length).toBeGreaterThan(before));
		await job.stop();
		// The 08:00 round: nothing scanned, the gate late since 08:25.
		expect((await alerts()).slice(before)).toEqual([['patrol.roundLate', '']]);
	});
});
