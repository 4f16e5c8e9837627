import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock } from './clock.svelte';

describe('Clock', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('reads the time when created', () => {
		const clock = new Clock(() => new Date('2026-03-02T09:00:00+08:00'));
		expect(clock.now.toISOString()).toBe('2026-03-02T01:00:00.000Z');
	});

	it('reads the time at every tick until stopped', () => {
		vi.useFakeTimers();
		let reads = 0;
		const clock = new Clock(() => new Date(Date.UTC(2026, 2, 2, 1, 0, reads++)));
		const stop = clock.start(1_000);
		vi.advanceTimersByTime(3_000);
		expect(clock.now.getUTCSeconds()).toBe(reads - 1);
		expect(reads).toBe(5);
		stop();
		vi.advanceTimersByTime(3_000);
		expect(reads).toBe(5);
	});
});
