import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { testDatabaseDriver } from '#test/database';
import { poolConfigOf } from '#test/realtime-harness';
import { createCleaningSite } from '../http/cleaning/cleaning.fixtures';
import { outbox, shanghai } from '../http/patrols/patrols.fixtures';
import { createClusterLocks, type ClusterLocks } from './cluster-lock';
import { createCleaningWatchJob, type CleaningWatchJob } from './cleaning-watch.job';

const at = (time: string) => shanghai('2026-03-02', time);

let api: TestApi;
let estateId: string;
let site: Awaited<ReturnType<typeof createCleaningSite>>;
let locks: ClusterLocks;
let job: CleaningWatchJob;

type StatusPayload = { zoneId: string; status: string; previousStatus: string | null; localDate: string };

const announced = async (): Promise<StatusPayload[]> =>
	(await outbox(api.db, estateId, 'cleaning.zoneStatus')).map((e) => e.payload as StatusPayload);

beforeAll(async () => {
	api = await createTestApi({ start: at('08:00') });
	estateId = await api.createEstate('CW');
	site = await createCleaningSite(api.db, estateId, at('07:00'));
	locks = createClusterLocks(testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(api.db) } : {});
	job = createCleaningWatchJob({ db: api.db, locks, now: api.now });
});
afterAll(async () => {
	await locks.close();
	await api.close();
});

describe('the cleaning watch', () => {
	it('announces every zone once, then only the zones whose status changed', async () => {
		expect(await job.runOnce(at('08:00'))).toMatchObject({ ran: true, announced: 4 });
		expect((await announced()).map((p) => [p.zoneId, p.status, p.previousStatus])).toEqual([
			[site.lift, 'overdue', null],
			[site.road, 'due', null],
			[site.toilet, 'due', null],
			[site.green, 'due', null],
		]);
		expect(await job.runOnce(at('08:30'))).toMatchObject({ announced: 0 });

		// 09:00 passes with the road unswept and the toilet's first round not done.
		expect(await job.runOnce(at('09:01'))).toMatchObject({ announced: 2 });
		expect((await announced()).slice(4).map((p) => [p.zoneId, p.status, p.previousStatus])).toEqual([
			[site.road, 'overdue', 'due'],
			[site.toilet, 'overdue', 'due'],
		]);
		expect(await job.runOnce(at('09:02'))).toMatchObject({ announced: 0 });
	});

	it("starts each day afresh: every zone's new status, with no previous one", async () => {
		const before = (await announced()).length;
		expect(await job.runOnce(shanghai('2026-03-03', '00:05'))).toMatchObject({ announced: 4 });
		const fresh = (await announced()).slice(before);
		expect(
			fresh.every((p) => p.localDate === '2026-03-03' && p.previousStatus === null && p.status === 'idle'),
		).toBe(true);
	});

	it('lets one pass run at a time under the cluster lock', async () => {
		const other = createCleaningWatchJob({ db: api.db, locks, now: api.now });
		const [a, b] = await Promise.all([job.runOnce(at('10:00')), other.runOnce(at('10:00'))]);
		expect([a.ran, b.ran].sort()).toEqual([false, true]);
	});
});
