import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeriodicTimer } from './periodic-timer';

afterEach(() => {
	vi.useRealTimers();
});

describe('createPeriodicTimer', () => {
	it('runs the first pass after its delay, then every interval after the previous pass ended', async () => {
		vi.useFakeTimers();
		const starts: number[] = [];
		const timer = createPeriodicTimer(
			async () => {
				starts.push(Date.now());
				await new Promise((done) => setTimeout(done, 300));
			},
			1_000,
			0,
		);
		const t0 = Date.now();
		timer.start();
		timer.start(); // a second start changes nothing
		await vi.advanceTimersByTimeAsync(2_700);
		expect(starts.map((at) => at - t0)).toEqual([0, 1_300, 2_600]);
		await vi.advanceTimersByTimeAsync(300);
		await timer.stop();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(starts).toHaveLength(3);
	});

	it('waits for the pass in flight when stopped', async () => {
		vi.useFakeTimers();
		let finished = false;
		const timer = createPeriodicTimer(async () => {
			await new Promise((done) => setTimeout(done, 500));
			finished = true;
		}, 1_000);
		timer.start();
		await vi.advanceTimersByTimeAsync(1_100);
		const stopped = timer.stop();
		expect(finished).toBe(false);
		await vi.advanceTimersByTimeAsync(500);
		await stopped;
		expect(finished).toBe(true);
	});
});
