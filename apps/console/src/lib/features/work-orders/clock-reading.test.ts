import { describe, expect, it } from 'vitest';
import type { SlaClockView } from '$lib/api/work-orders';
import { readClock } from './clock-reading';

const loadedAt = new Date('2026-03-06T09:00:00Z');
const later = (minutes: number) => new Date(loadedAt.getTime() + minutes * 60_000);
const MIN = 60_000;

const clock = (change: Partial<SlaClockView>): SlaClockView => ({
	clock: 'resolve',
	state: 'on_track',
	startedAt: new Date('2026-03-06T08:00:00Z'),
	dueAt: new Date('2026-03-06T10:00:00Z'),
	completedAt: null,
	usedFraction: 0.5,
	measure: 'clock',
	remainingMs: 60 * MIN,
	...change,
});

describe('readClock', () => {
	it('counts a running wall-clock target down by itself, and past zero into overdue', () => {
		expect(readClock(clock({}), later(20), loadedAt)).toEqual({
			side: 'left',
			ms: 40 * MIN,
			working: false,
			percent: 50,
		});
		expect(readClock(clock({}), later(75), loadedAt)).toMatchObject({ side: 'over', ms: 15 * MIN });
	});

	it('keeps the api’s working time until the card reloads', () => {
		expect(readClock(clock({ measure: 'working' }), later(20), loadedAt)).toMatchObject({
			side: 'left',
			ms: 60 * MIN,
			working: true,
		});
	});

	it('stands still while paused and once finished', () => {
		expect(readClock(clock({ state: 'paused' }), later(20), loadedAt)).toMatchObject({ ms: 60 * MIN });
		expect(readClock(clock({ state: 'missed', remainingMs: -5 * MIN }), later(20), loadedAt)).toMatchObject({
			side: 'over',
			ms: 5 * MIN,
		});
	});

	it('has nothing to say before the clock starts, or when the api sends no figure', () => {
		expect(
			readClock(clock({ state: 'pending', remainingMs: null, usedFraction: 0 }), later(1), loadedAt),
		).toEqual({
			side: 'none',
			ms: 0,
			working: false,
			percent: 0,
		});
		expect(readClock(clock({ remainingMs: undefined }), later(1), loadedAt).side).toBe('none');
	});
});
