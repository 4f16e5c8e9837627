import { describe, expect, it } from 'vitest';
import type { StoredFix } from '../db/repositories/position.repository';
import { createPositionWriter } from './position-writer';

/**
 * The group commit alone, over a stand-in for the batch write that records what it is given (the real write
 * is covered through the positions routes, against the database).
 */
const fix = (personId: string, second: number): StoredFix => ({
	estateId: 'estate-1',
	personId,
	role: 'guard',
	deviceId: null,
	deviceTime: new Date(Date.UTC(2026, 2, 2, 1, 0, second)),
	receivedAt: new Date(Date.UTC(2026, 2, 2, 1, 1, 0)),
	lng: 121.474,
	lat: 31.231,
	accuracyM: 5,
	headingDeg: null,
	speedMps: null,
	batteryPct: null,
	reportedDatum: 'wgs84',
});

const recorder = () => {
	const batches: string[][] = [];
	let fail: Error | undefined;
	return {
		batches,
		failNext(error: Error) {
			fail = error;
		},
		write: async (fixes: readonly StoredFix[]) => {
			await Promise.resolve();
			batches.push(fixes.map((f) => `${f.personId}@${f.deviceTime.getUTCSeconds()}`));
			if (fail) {
				const error = fail;
				fail = undefined;
				throw error;
			}
		},
	};
};

describe('the position writer (group commit)', () => {
	it('writes the reports that arrive together in one batch, and answers each once it is written', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 20 });
		const answered: string[] = [];
		const first = writer.write([fix('li', 1), fix('li', 2)]).then(() => answered.push('li'));
		const second = writer.write([fix('wang', 1)]).then(() => answered.push('wang'));
		expect(store.batches).toEqual([]);
		await Promise.all([first, second]);
		expect(store.batches).toEqual([['li@1', 'li@2', 'wang@1']]);
		expect(answered).toEqual(['li', 'wang']);
	});

	it('writes at once when a batch is full, without waiting for the timer', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 60_000, maxBatch: 3 });
		await Promise.all([writer.write([fix('li', 1), fix('li', 2)]), writer.write([fix('wang', 1)])]);
		expect(store.batches).toEqual([['li@1', 'li@2', 'wang@1']]);
	});

	it('fails every report of a batch that could not be written, and goes on with the next', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 5 });
		store.failNext(new Error('the database went away'));
		const results = await Promise.allSettled([writer.write([fix('li', 1)]), writer.write([fix('wang', 1)])]);
		expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
		await writer.write([fix('li', 1)]);
		expect(store.batches).toEqual([['li@1', 'wang@1'], ['li@1']]);
	});

	it('puts what arrives during a write into the next batch', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 60_000 });
		const first = writer.write([fix('li', 1)]);
		const flushing = writer.flush();
		const second = writer.write([fix('li', 2)]);
		await flushing;
		await writer.flush();
		await Promise.all([first, second]);
		expect(store.batches).toEqual([['li@1'], ['li@2']]);
	});

	it('writes what is queued on close, and refuses reports after it', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 60_000 });
		const queued = writer.write([fix('li', 1)]);
		await writer.close();
		await queued;
		expect(store.batches).toEqual([['li@1']]);
		await expect(writer.write([fix('li', 2)])).rejects.toThrow('closed');
	});

	it('answers an empty report at once without a write', async () => {
		const store = recorder();
		const writer = createPositionWriter(store.write, { flushMs: 60_000 });
		await writer.write([]);
		expect(store.batches).toEqual([]);
	});
});
