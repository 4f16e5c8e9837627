import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from '../seed/random';
import {
	BREAK_SHARE,
	breakBeforeMs,
	nextCleaningTask,
	shareZones,
	workDurationMs,
	type CleaningTask,
	type CleaningZone,
} from './cleaning.plan';
import { createPace } from './pace';

const iso = (time: string) => new Date(`2026-03-11T${time}:00+08:00`).toISOString();
const task = (id: string, from: string, due: string, state: CleaningTask['state']): CleaningTask => ({
	id,
	taskName: id,
	windowStartsAt: iso(from),
	dueAt: iso(due),
	state,
});
const zone = (zoneId: string, buildingId: string | null, tasks: CleaningTask[] = []): CleaningZone => ({
	zoneId,
	name: zoneId,
	kind: 'corridor',
	buildingId,
	tasks,
});

describe('shareZones', () => {
	it('keeps a tower’s zones with one cleaner and deals the grounds out one by one', () => {
		const zones = [
			zone('t1-corridor', 't1'),
			zone('t1-lift', 't1'),
			zone('t2-corridor', 't2'),
			zone('road', null),
			zone('toilet', null),
			zone('garbage', null),
		];
		expect(shareZones(zones, 2)).toEqual([
			['t1-corridor', 't1-lift', 'road', 'garbage'],
			['t2-corridor', 'toilet'],
		]);
	});

	it('gives everything to one cleaner, and nothing to nobody', () => {
		expect(shareZones([zone('a', 't1'), zone('b', null)], 1)).toEqual([['a', 'b']]);
		expect(shareZones([zone('a', 't1')], 0)).toEqual([]);
	});
});

describe('nextCleaningTask', () => {
	const zones = [
		zone('mine-1', 't1', [
			task('sweep', '08:00', '12:00', 'due'),
			task('done-early', '06:00', '07:00', 'done'),
			task('evening', '18:00', '18:30', 'upcoming'),
		]),
		zone('mine-2', 't1', [task('lobby', '07:00', '09:00', 'overdue')]),
		zone('theirs', 't2', [task('lift', '06:00', '07:00', 'overdue')]),
	];

	it('takes the open round of the cleaner’s zones that is due first', () => {
		const next = nextCleaningTask(zones, new Set(['mine-1', 'mine-2']), Date.parse(iso('10:00')));
		expect(next?.task.id).toBe('lobby');
		expect(next?.zone.zoneId).toBe('mine-2');
	});

	it('leaves rounds that are done, not yet open, or in someone else’s zones', () => {
		expect(nextCleaningTask(zones, new Set(['mine-1']), Date.parse(iso('10:00')))?.task.id).toBe('sweep');
		expect(nextCleaningTask(zones, new Set(['mine-1']), Date.parse(iso('07:30')))).toBeNull();
		expect(nextCleaningTask(zones, new Set(), Date.parse(iso('10:00')))).toBeNull();
	});
});

describe('workDurationMs and breakBeforeMs', () => {
	const draws = (speed: number) => createPace(createDice(mulberry32(4)), speed);

	it.each([
		['lift', 5, 10],
		['corridor', 12, 25],
		['road', 15, 30],
		['somewhere new', 8, 15],
	])('works a %s round for %d–%d minutes at speed 1', (kind, min, max) => {
		const pace = draws(1);
		const minutes = Array.from({ length: 200 }, () => workDurationMs(kind, pace) / 60_000);
		expect(Math.min(...minutes)).toBeGreaterThanOrEqual(min);
		expect(Math.max(...minutes)).toBeLessThanOrEqual(max);
	});

	it('takes a break of 10–25 minutes before about one round in eight', () => {
		const dice = createDice(mulberry32(8));
		const pace = createPace(dice, 1);
		const breaks = Array.from({ length: 2_000 }, () => breakBeforeMs(dice, pace) / 60_000);
		const taken = breaks.filter((minutes) => minutes > 0);
		expect(taken.length / breaks.length).toBeCloseTo(BREAK_SHARE, 1);
		expect(Math.min(...taken)).toBeGreaterThanOrEqual(10);
		expect(Math.max(...taken)).toBeLessThanOrEqual(25);
	});
});
