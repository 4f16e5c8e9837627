import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { openTestDatabase, testDatabaseDriver } from '../../test/database';
import { poolConfigOf } from '../../test/realtime-harness';
import { type ClusterLocks, createClusterLocks } from './cluster-lock';

describe('withClusterLock', () => {
	let handle: DatabaseHandle;
	let locks: ClusterLocks;

	beforeAll(async () => {
		handle = await openTestDatabase();
		locks = createClusterLocks(
			testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(handle.db) } : {},
		);
	});

	afterAll(async () => {
		await locks.close();
		await handle.close();
	});

	it('runs the job and returns its value when nobody holds the lock', async () => {
		expect(await locks.withClusterLock('sla-watch', async () => 42)).toEqual({ acquired: true, value: 42 });
	});

	it('refuses a second holder of the same name while the first runs, and lets it in afterwards', async () => {
		let release: () => void = () => undefined;
		const first = locks.withClusterLock(
			'schedules',
			() => new Promise<string>((resolve) => (release = () => resolve('first'))),
		);
		await new Promise((resolve) => setTimeout(resolve, 50));

		expect(await locks.withClusterLock('schedules', async () => 'second')).toEqual({ acquired: false });
		expect(await locks.withClusterLock('stale-guards', async () => 'other name')).toEqual({
			acquired: true,
			value: 'other name',
		});

		release();
		expect(await first).toEqual({ acquired: true, value: 'first' });
		expect(await locks.withClusterLock('schedules', async () => 'third')).toEqual({
			acquired: true,
			value: 'third',
		});
	});

	it('releases the lock when the job throws', async () => {
		await expect(
			locks.withClusterLock('failing', async () => {
				throw new Error('job failed');
			}),
		).rejects.toThrow('job failed');
		expect(await locks.withClusterLock('failing', async () => 'ok')).toEqual({ acquired: true, value: 'ok' });
	});
});
