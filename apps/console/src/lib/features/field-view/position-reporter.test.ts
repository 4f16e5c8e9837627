import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '$lib/api/http';
import type { FixToSend, PositionReportAnswer } from './api/positions-api';
import { outcomeOf, PositionReporter } from './position-reporter';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const fixAt = (ms: number): FixToSend => ({
	deviceTime: new Date(ms).toISOString(),
	lng: 121.5,
	lat: 31.2,
	accuracyM: 8,
});
const answered: ApiResult<PositionReportAnswer> = {
	ok: true,
	value: { accepted: 1, duplicates: 0, outOfOrder: 0, refused: [] },
};
const offline: ApiResult<PositionReportAnswer> = { ok: false, failure: { kind: 'network' } };
const problem = (status: number): ApiResult<PositionReportAnswer> => ({
	ok: false,
	failure: { kind: 'problem', problem: { status, title: 'x' } },
});

/** A phone whose network is up or down; it records every report that reached the api, in order. */
function phone() {
	const reports: string[][] = [];
	let online = true;
	const reporter = new PositionReporter({
		now: () => Date.now(),
		send: (fixes) => {
			if (!online) return Promise.resolve(offline);
			reports.push(fixes.map((fix) => fix.deviceTime));
			return Promise.resolve(answered);
		},
	});
	return {
		reporter,
		reports,
		setOnline: (value: boolean) => (online = value),
	};
}

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(T0);
});
afterEach(() => {
	vi.useRealTimers();
});

describe('PositionReporter', () => {
	it('posts the fixes of the last 10 s in one report', async () => {
		const { reporter, reports } = phone();
		reporter.start();
		for (let s = 1; s <= 5; s++) {
			await vi.advanceTimersByTimeAsync(1_000);
			reporter.add(fixAt(Date.now()));
		}
		expect(reports).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(reports).toHaveLength(1);
		expect(reports[0]).toHaveLength(5);
		reporter.stop();
	});

	it('posts at once when the 20th fix arrives', async () => {
		const { reporter, reports } = phone();
		reporter.start();
		for (let i = 1; i <= 20; i++) reporter.add(fixAt(T0 + i * 100));
		await vi.advanceTimersByTimeAsync(0);
		expect(reports.map((report) => report.length)).toEqual([20]);
		reporter.stop();
	});

	it('keeps fixes while offline and sends them later, in order, with their device times', async () => {
		const { reporter, reports, setOnline } = phone();
		reporter.start();
		setOnline(false);
		const sent: string[] = [];
		for (let i = 1; i <= 45; i++) {
			await vi.advanceTimersByTimeAsync(1_000);
			const fix = fixAt(Date.now() - 500);
			sent.push(fix.deviceTime);
			reporter.add(fix);
		}
		expect(reports).toHaveLength(0);
		expect(reporter.waiting).toBe(45);
		expect(reporter.lastOutcome).toBe('retry');
		setOnline(true);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(reports.flat()).toEqual(sent);
		expect(reporter.waiting).toBe(0);
		reporter.stop();
	});

	it('sends what waits when asked to, without waiting for the 10 s', async () => {
		const { reporter, reports } = phone();
		reporter.add(fixAt(T0 - 1_000));
		expect(reports).toHaveLength(0);
		await reporter.flush();
		expect(reports).toHaveLength(1);
	});

	it.each([
		[answered, 'delivered'],
		[offline, 'retry'],
		[problem(503), 'retry'],
		[problem(401), 'retry'],
		[problem(429), 'retry'],
		[problem(400), 'delivered'],
	] as const)('treats %j as %s', (result, outcome) => {
		expect(outcomeOf(result)).toBe(outcome);
	});
});
