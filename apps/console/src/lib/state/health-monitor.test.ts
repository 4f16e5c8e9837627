import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HealthCheckResult } from '$lib/api/health';
import { HealthMonitor } from './health-monitor.svelte';

const checkedAt = new Date('2026-03-02T09:00:00+08:00');
const healthy: HealthCheckResult = {
	ok: true,
	health: { status: 'ok', version: '0.1.0', uptimeSeconds: 60 },
};
const down: HealthCheckResult = { ok: false, failure: { kind: 'network' } };

/** A check whose answer the test gives when it wants to. */
function deferredCheck() {
	const answers: ((result: HealthCheckResult) => void)[] = [];
	return {
		check: () => new Promise<HealthCheckResult>((resolve) => answers.push(resolve)),
		calls: () => answers.length,
		answer: (result: HealthCheckResult) => answers.shift()?.(result),
	};
}

describe('HealthMonitor', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('is checking before the first answer', () => {
		const monitor = new HealthMonitor({ check: deferredCheck().check, now: () => checkedAt });
		expect(monitor.view).toEqual({ status: 'checking' });
		expect(monitor.pending).toBe(false);
	});

	it('shows the health when the service answers', async () => {
		const monitor = new HealthMonitor({ check: async () => healthy, now: () => checkedAt });
		await monitor.refresh();
		expect(monitor.view).toEqual({ status: 'ok', health: healthy.ok && healthy.health, checkedAt });
		expect(monitor.pending).toBe(false);
	});

	it('shows why the service is unreachable', async () => {
		const monitor = new HealthMonitor({ check: async () => down, now: () => checkedAt });
		await monitor.refresh();
		expect(monitor.view).toEqual({ status: 'unreachable', failure: { kind: 'network' }, checkedAt });
	});

	it('keeps the last answer on screen while the next check runs', async () => {
		const checks = deferredCheck();
		const monitor = new HealthMonitor({ check: checks.check, now: () => checkedAt });
		const first = monitor.refresh();
		checks.answer(healthy);
		await first;
		const second = monitor.refresh();
		expect(monitor.pending).toBe(true);
		expect(monitor.view.status).toBe('ok');
		checks.answer(down);
		await second;
		expect(monitor.view.status).toBe('unreachable');
		expect(monitor.pending).toBe(false);
	});

	it('joins a check under way instead of starting another', async () => {
		const checks = deferredCheck();
		const monitor = new HealthMonitor({ check: checks.check, now: () => checkedAt });
		const first = monitor.refresh();
		const second = monitor.refresh();
		expect(checks.calls()).toBe(1);
		checks.answer(healthy);
		await Promise.all([first, second]);
		expect(monitor.view.status).toBe('ok');
	});

	it('checks at once and then at every interval until stopped', async () => {
		vi.useFakeTimers();
		let calls = 0;
		const monitor = new HealthMonitor({
			check: async () => {
				calls += 1;
				return healthy;
			},
			now: () => checkedAt,
		});
		const stop = monitor.watch(30_000);
		expect(calls).toBe(1);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toBe(3);
		stop();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toBe(3);
	});
});
