import { describe, expect, it } from 'vitest';
import type { FixToSend } from './api/positions-api';
import { FixBatcher, FLUSH_AT_FIXES, FLUSH_EVERY_MS, MAX_KEPT_FIXES } from './fix-batcher';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const fixAt = (ms: number): FixToSend => ({
	deviceTime: new Date(ms).toISOString(),
	lng: 121.5,
	lat: 31.2,
	accuracyM: 8,
});
const times = (fixes: readonly FixToSend[] | null) =>
	(fixes ?? []).map((fix) => Date.parse(fix.deviceTime) - T0);

describe('FixBatcher', () => {
	it('holds fixes until 10 s have passed since the last report', () => {
		const batcher = new FixBatcher(T0);
		batcher.add(fixAt(T0 + 1_000));
		batcher.add(fixAt(T0 + 2_000));
		expect(batcher.due(T0 + FLUSH_EVERY_MS - 1)).toBe(false);
		expect(batcher.due(T0 + FLUSH_EVERY_MS)).toBe(true);
		expect(times(batcher.take(T0 + FLUSH_EVERY_MS))).toEqual([1_000, 2_000]);
	});

	it('reports at once when 20 fixes wait', () => {
		const batcher = new FixBatcher(T0);
		for (let i = 1; i < FLUSH_AT_FIXES; i++) batcher.add(fixAt(T0 + i * 100));
		expect(batcher.due(T0 + 2_000)).toBe(false);
		batcher.add(fixAt(T0 + FLUSH_AT_FIXES * 100));
		expect(batcher.due(T0 + 2_000)).toBe(true);
	});

	it('starts no second report while one is under way, and counts its fixes as waiting', () => {
		const batcher = new FixBatcher(T0);
		batcher.add(fixAt(T0 + 1_000));
		batcher.take(T0 + FLUSH_EVERY_MS);
		batcher.add(fixAt(T0 + 11_000));
		expect(batcher.reporting).toBe(true);
		expect(batcher.waiting).toBe(2);
		expect(batcher.due(T0 + 60_000)).toBe(false);
		expect(batcher.take(T0 + 60_000)).toBeNull();
	});

	it('forgets a delivered report and puts a failed one back in front, in device-time order', () => {
		const batcher = new FixBatcher(T0);
		batcher.add(fixAt(T0 + 1_000));
		batcher.add(fixAt(T0 + 2_000));
		batcher.take(T0 + 10_000);
		batcher.add(fixAt(T0 + 12_000));
		batcher.failed();
		expect(times(batcher.take(T0 + 20_000))).toEqual([1_000, 2_000, 12_000]);
		batcher.delivered();
		expect(batcher.waiting).toBe(0);
		expect(batcher.take(T0 + 30_000)).toBeNull();
	});

	it('drops a repeated or older fix: it would not move the person', () => {
		const batcher = new FixBatcher(T0);
		expect(batcher.add(fixAt(T0 + 5_000))).toBe(true);
		expect(batcher.add(fixAt(T0 + 5_000))).toBe(false);
		expect(batcher.add(fixAt(T0 + 4_000))).toBe(false);
		expect(batcher.waiting).toBe(1);
	});

	it('sends at most 100 fixes in a report, the oldest first', () => {
		const batcher = new FixBatcher(T0);
		for (let i = 1; i <= 250; i++) batcher.add(fixAt(T0 + i));
		const first = batcher.take(T0 + 1);
		expect(first).toHaveLength(100);
		expect(times(first).slice(0, 2)).toEqual([1, 2]);
		batcher.delivered();
		expect(times(batcher.take(T0 + 2)).slice(0, 1)).toEqual([101]);
	});

	it('lets the oldest fixes go when the queue is full, and counts them', () => {
		const batcher = new FixBatcher(T0);
		for (let i = 1; i <= MAX_KEPT_FIXES + 3; i++) batcher.add(fixAt(T0 + i));
		expect(batcher.waiting).toBe(MAX_KEPT_FIXES);
		expect(batcher.dropped).toBe(3);
		expect(times(batcher.take(T0)).slice(0, 1)).toEqual([4]);
	});
});
