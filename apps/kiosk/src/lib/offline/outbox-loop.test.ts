import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushResult } from './outbox';
import { OutboxLoop, retryDelay } from './outbox-loop';

const result = (pending: number, reachable = pending === 0): FlushResult => ({
	sent: [],
	refused: 0,
	pending,
	reachable,
});

/** A flush whose passes answer from `pendings` in turn (the last one repeats), counting the passes. */
function flushes(pendings: number[]) {
	const calls: number[] = [];
	const flush = async () => {
		calls.push(Date.now());
		return result(pendings.length > 1 ? (pendings.shift() as number) : (pendings[0] ?? 0));
	};
	return { calls, flush };
}

describe('retryDelay', () => {
	it.each([
		[1, 2_000],
		[2, 4_000],
		[3, 8_000],
		[4, 16_000],
		[5, 30_000],
		[50, 30_000],
	])('waits after %i failed passes %i ms', (failures, delay) => {
		expect(retryDelay(failures, 2_000, 30_000)).toBe(delay);
	});
});

describe('OutboxLoop', () => {
	beforeEach(() => {
		vi.useFakeTimers({ now: 0 });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('sends at start and stays quiet while nothing waits', async () => {
		const { calls, flush } = flushes([0]);
		new OutboxLoop({ flush }).start();
		await vi.advanceTimersByTimeAsync(600_000);
		expect(calls).toHaveLength(1);
	});

	it('tries again with a growing delay while filings wait, and stops once they are sent', async () => {
		const { calls, flush } = flushes([2, 2, 2, 0]);
		new OutboxLoop({ flush, retryMs: 1_000, maxRetryMs: 8_000 }).start();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toEqual([0, 1_000, 3_000, 7_000]);
	});

	it('sends at once when kicked (the browser is back online), not at the end of the wait', async () => {
		const { calls, flush } = flushes([1, 0]);
		const loop = new OutboxLoop({ flush, retryMs: 10_000 });
		loop.start();
		await vi.advanceTimersByTimeAsync(500);
		loop.kick();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toEqual([0, 500]);
	});

	it('never runs two passes at once: a kick during a pass runs one more after it', async () => {
		let release: () => void = () => {};
		let running = 0;
		let overlapped = false;
		let passes = 0;
		const flush = () =>
			new Promise<FlushResult>((resolve) => {
				running++;
				overlapped ||= running > 1;
				passes++;
				release = () => {
					running--;
					resolve(result(0));
				};
			});
		const loop = new OutboxLoop({ flush });
		loop.start();
		loop.kick();
		loop.kick();
		release();
		await vi.advanceTimersByTimeAsync(0);
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(passes).toBe(2);
		expect(overlapped).toBe(false);
	});

	it('reports every pass', async () => {
		const seen: number[] = [];
		const { flush } = flushes([3]);
		new OutboxLoop({ flush, onFlushed: (r) => seen.push(r.pending) }).start();
		await vi.advanceTimersByTimeAsync(0);
		expect(seen).toEqual([3]);
	});

	it('treats a failing store like an unanswered api and tries again later', async () => {
		let passes = 0;
		const flush = async () => {
			passes++;
			if (passes === 1) throw new Error('IndexedDB closed');
			return result(0);
		};
		new OutboxLoop({ flush, retryMs: 1_000 }).start();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(passes).toBe(2);
	});

	it('does nothing once stopped', async () => {
		const { calls, flush } = flushes([1]);
		const loop = new OutboxLoop({ flush, retryMs: 1_000 });
		const stop = loop.start();
		await vi.advanceTimersByTimeAsync(0);
		stop();
		loop.kick();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toHaveLength(1);
	});
});
