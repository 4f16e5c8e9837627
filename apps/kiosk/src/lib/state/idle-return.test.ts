import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleReturn } from './idle-return';
import type { IdlePhase } from './idle-return';

describe('IdleReturn', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	function idleReturn(idleMs = 60_000, countdownMs = 10_000) {
		const phases: IdlePhase[] = [];
		let returned = 0;
		const idle = new IdleReturn({
			idleMs,
			countdownMs,
			onPhase: (phase) => phases.push(phase),
			onIdle: () => returned++,
		});
		return { idle, phases, returned: () => returned };
	}

	it('shows a countdown after 60 s without a touch and goes back when it runs out 10 s later', () => {
		const { idle, returned } = idleReturn();
		idle.start();
		vi.advanceTimersByTime(59_999);
		expect(idle.phase).toEqual({ phase: 'active' });
		vi.advanceTimersByTime(1);
		expect(idle.phase).toEqual({ phase: 'countdown', secondsLeft: 10 });
		vi.advanceTimersByTime(9_999);
		expect(returned()).toBe(0);
		vi.advanceTimersByTime(1);
		expect(returned()).toBe(1);
		expect(idle.phase).toEqual({ phase: 'active' });
	});

	it('counts the seconds down, one by one', () => {
		const { idle, phases } = idleReturn(1_000, 3_000);
		idle.start();
		vi.advanceTimersByTime(4_000);
		expect(phases).toEqual([
			{ phase: 'countdown', secondsLeft: 3 },
			{ phase: 'countdown', secondsLeft: 2 },
			{ phase: 'countdown', secondsLeft: 1 },
			{ phase: 'active' },
		]);
	});

	it('a touch during the countdown cancels it and waits the whole minute again', () => {
		const { idle, returned } = idleReturn();
		idle.start();
		vi.advanceTimersByTime(65_000);
		expect(idle.phase.phase).toBe('countdown');
		idle.touch();
		expect(idle.phase).toEqual({ phase: 'active' });
		vi.advanceTimersByTime(59_999);
		expect(idle.phase.phase).toBe('active');
		vi.advanceTimersByTime(10_001);
		expect(returned()).toBe(1);
	});

	it('counts down again from every touch', () => {
		const { idle, returned } = idleReturn();
		idle.start();
		vi.advanceTimersByTime(50_000);
		idle.touch();
		vi.advanceTimersByTime(50_000);
		expect(idle.phase.phase).toBe('active');
		vi.advanceTimersByTime(20_000);
		expect(returned()).toBe(1);
	});

	it('goes back once, not again and again', () => {
		const { idle, returned } = idleReturn(1_000, 1_000);
		idle.start();
		vi.advanceTimersByTime(60_000);
		expect(returned()).toBe(1);
	});

	it('does nothing once stopped, even in the middle of a countdown', () => {
		const { idle, returned } = idleReturn(1_000, 5_000);
		const stop = idle.start();
		vi.advanceTimersByTime(2_000);
		stop();
		expect(idle.phase).toEqual({ phase: 'active' });
		vi.advanceTimersByTime(60_000);
		expect(returned()).toBe(0);
	});

	it('ignores touches while not started, and after it went back', () => {
		const { idle, returned } = idleReturn(1_000, 1_000);
		idle.touch();
		vi.advanceTimersByTime(10_000);
		expect(returned()).toBe(0);
		idle.start();
		vi.advanceTimersByTime(2_000);
		idle.touch();
		vi.advanceTimersByTime(10_000);
		expect(returned()).toBe(1);
	});
});
