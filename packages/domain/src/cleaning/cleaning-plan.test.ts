import { describe, expect, it } from 'vitest';
import { CleaningPlan, CleaningTask } from './cleaning-plan';
import { CleaningZoneKind } from './cleaning-zone';
import { DEFAULT_CLEANING_PLANS } from './default-cleaning-plans';

const task = (frequency: unknown, extra: Record<string, unknown> = {}) => ({
	id: 'task-1',
	name: '清扫',
	frequency,
	...extra,
});

describe('CleaningTask', () => {
	it('fills in a one-hour window and no extra rounds', () => {
		expect(CleaningTask.parse(task({ type: 'times_per_day', times: ['09:00'] }))).toMatchObject({
			windowMinutes: 60,
			extraRounds: [],
		});
	});

	it.each<[string, unknown]>([
		['a daily window that opens after the deadline', { type: 'daily', from: '12:00', due: '10:00' }],
		[
			'a weekly window that opens at the deadline',
			{ type: 'weekly', weekdays: [1], from: '10:00', due: '10:00' },
		],
		['repeated times', { type: 'times_per_day', times: ['09:00', '09:00'] }],
		['no times', { type: 'fixed_times', times: [] }],
		['repeated weekdays', { type: 'weekly', weekdays: [1, 1], due: '10:00' }],
		['a weekday 8', { type: 'fixed_times', times: ['07:00'], weekdays: [8] }],
		['peak rounds without a day rule', { type: 'peak_hours', times: ['07:30'] }],
		['an unknown frequency', { type: 'hourly', times: ['07:30'] }],
	])('rejects %s', (_, frequency) => {
		expect(CleaningTask.safeParse(task(frequency)).success).toBe(false);
	});
});

describe('CleaningPlan', () => {
	it('rejects two tasks with one id', () => {
		const daily = task({ type: 'daily', due: '10:00' });
		const result = CleaningPlan.safeParse({ zoneKind: 'road', tasks: [daily, daily] });
		expect(result.success).toBe(false);
	});
});

describe('DEFAULT_CLEANING_PLANS', () => {
	it.each(CleaningZoneKind.options)('has a plan for %s zones', (kind) => {
		expect(DEFAULT_CLEANING_PLANS[kind].zoneKind).toBe(kind);
	});

	it.each<[CleaningZoneKind, string[]]>([
		['corridor', ['daily']],
		['road', ['daily']],
		['lift', ['daily', 'peak_hours']],
		['toilet', ['times_per_day']],
		['green', ['weekly']],
		['garbage_point', ['fixed_times']],
		['lobby', ['daily']],
	])('schedules %s zones as SPEC.md says', (kind, frequencies) => {
		expect(DEFAULT_CLEANING_PLANS[kind].tasks.map((candidate) => candidate.frequency.type)).toEqual(
			frequencies,
		);
	});

	it('adds a road sweep and lobby mopping in bad weather', () => {
		const badWeatherTasks = Object.values(DEFAULT_CLEANING_PLANS)
			.flatMap((plan) => plan.tasks)
			.filter((candidate) => candidate.extraRounds.some((extra) => extra.condition === 'bad_weather'))
			.map((candidate) => candidate.id);
		expect(badWeatherTasks).toEqual(['road-sweep', 'lobby-mop']);
	});
});
