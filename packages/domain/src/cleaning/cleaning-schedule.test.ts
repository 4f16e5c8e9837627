import { describe, expect, it } from 'vitest';
import { EstateId, StaffId, ZoneId } from '../shared/ids';
import type { LocalDate } from '../shared/time';
import type { ConditionPeriod } from './cleaning-condition';
import { CleaningPlan } from './cleaning-plan';
import type { CleaningZone, CleaningZoneKind } from './cleaning-zone';
import type { CleaningTaskInstance } from './cleaning-schedule';
import { cleaningTasksFor } from './cleaning-schedule';
import { DEFAULT_CLEANING_PLANS } from './default-cleaning-plans';

const estateId = EstateId.parse('estate-1');
const zone = (id: string, kind: CleaningZoneKind): CleaningZone => ({
	id: ZoneId.parse(id),
	estateId,
	kind,
	name: id,
});
const zones = [
	zone('corridor-3', 'corridor'),
	zone('lift-3a', 'lift'),
	zone('road-east', 'road'),
	zone('green-central', 'green'),
	zone('toilet-club', 'toilet'),
	zone('garbage-3', 'garbage_point'),
	zone('lobby-3', 'lobby'),
];
const plans = Object.values(DEFAULT_CLEANING_PLANS);
const supervisor = StaffId.parse('sup-he');
const on = (
	condition: ConditionPeriod['condition'],
	date: LocalDate,
	zoneIds?: string[],
): ConditionPeriod => ({
	condition,
	from: date,
	to: date,
	setBy: supervisor,
	...(zoneIds ? { zoneIds: zoneIds.map((id) => ZoneId.parse(id)) } : {}),
});

/** Local due times per zone, in Shanghai. */
const dueTimes = (instances: CleaningTaskInstance[]): Record<string, string[]> => {
	const byZone: Record<string, string[]> = {};
	for (const instance of instances) {
		const time = instance.dueAt.toLocaleTimeString('en-GB', {
			timeZone: 'Asia/Shanghai',
			hour: '2-digit',
			minute: '2-digit',
		});
		(byZone[instance.zoneId] ??= []).push(time);
	}
	for (const times of Object.values(byZone)) times.sort();
	return byZone;
};

const MONDAY = '2026-03-02';
const SATURDAY = '2026-03-07';

const weekdayPlan = {
	'corridor-3': ['12:00'],
	'lift-3a': ['07:00', '07:30', '18:00'],
	'road-east': ['09:00'],
	'green-central': ['11:00'],
	'toilet-club': ['09:00', '12:00', '15:00', '18:00'],
	'garbage-3': ['07:00', '12:00', '19:00'],
	'lobby-3': ['09:00'],
};

describe('cleaningTasksFor with the default plans', () => {
	it.each<[string, LocalDate, ConditionPeriod[], Record<string, string[]>]>([
		[
			'a working Monday: daily, several a day, peak lift rounds, the weekly green round, garbage at fixed times',
			MONDAY,
			[],
			weekdayPlan,
		],
		[
			'a Saturday: no peak lift rounds and no green round',
			SATURDAY,
			[],
			{ ...weekdayPlan, 'lift-3a': ['07:00'], 'green-central': [] },
		],
		[
			'bad weather: an extra road sweep and two extra lobby moppings',
			MONDAY,
			[on('bad_weather', MONDAY)],
			{ ...weekdayPlan, 'road-east': ['09:00', '14:00'], 'lobby-3': ['09:00', '11:00', '16:00'] },
		],
		[
			'a holiday: extra rounds for corridors, roads, lifts, toilets and garbage',
			MONDAY,
			[on('holiday', MONDAY)],
			{
				...weekdayPlan,
				'corridor-3': ['12:00', '17:00'],
				'road-east': ['09:00', '15:00'],
				'lift-3a': ['07:00', '07:30', '15:00', '18:00'],
				'toilet-club': ['09:00', '12:00', '15:00', '18:00', '20:00'],
				'garbage-3': ['07:00', '12:00', '15:00', '19:00'],
			},
		],
		[
			'an event on the central lawn only',
			MONDAY,
			[on('event', MONDAY, ['green-central'])],
			{ ...weekdayPlan, 'green-central': ['11:00', '21:00'] },
		],
		['bad weather switched on for another day', MONDAY, [on('bad_weather', SATURDAY)], weekdayPlan],
	])('plans %s', (_, date, conditions, expected) => {
		const withEmpty = Object.fromEntries(zones.map((candidate) => [candidate.id, [] as string[]]));
		expect({
			...withEmpty,
			...dueTimes(cleaningTasksFor(zones, plans, date, 'Asia/Shanghai', conditions)),
		}).toEqual({
			...withEmpty,
			...expected,
		});
	});

	it('asks the estate calendar whether a day is a working day (调休 Sunday)', () => {
		const sunday = '2026-02-15';
		const lift = [zone('lift-3a', 'lift')];
		const isWorkingDay = (date: LocalDate) => date === sunday;
		expect(cleaningTasksFor(lift, plans, sunday, 'Asia/Shanghai', [])).toHaveLength(1);
		expect(cleaningTasksFor(lift, plans, sunday, 'Asia/Shanghai', [], { isWorkingDay })).toHaveLength(3);
	});

	it('gives each round a deterministic id, its window and its reason', () => {
		const [lobbyMop, extra] = cleaningTasksFor([zone('lobby-3', 'lobby')], plans, MONDAY, 'Asia/Shanghai', [
			on('bad_weather', MONDAY),
		]);
		expect(lobbyMop).toEqual({
			id: 'lobby-3:lobby-mop:2026-03-02T01:00:00.000Z',
			estateId,
			zoneId: 'lobby-3',
			taskId: 'lobby-mop',
			taskName: '大堂拖地',
			localDate: MONDAY,
			windowStartsAt: new Date('2026-03-02T07:00:00+08:00'),
			dueAt: new Date('2026-03-02T09:00:00+08:00'),
			reason: 'plan',
		});
		expect(extra).toMatchObject({
			windowStartsAt: new Date('2026-03-02T10:00:00+08:00'),
			dueAt: new Date('2026-03-02T11:00:00+08:00'),
			reason: 'bad_weather',
		});
	});

	it('returns the same rounds every time it is asked', () => {
		expect(cleaningTasksFor(zones, plans, MONDAY, 'Asia/Shanghai', [])).toEqual(
			cleaningTasksFor(zones, plans, MONDAY, 'Asia/Shanghai', []),
		);
	});
});

describe('cleaningTasksFor with an estate’s own plans', () => {
	const custom = (tasks: unknown[], extra: Record<string, unknown> = {}) =>
		CleaningPlan.parse({ zoneKind: 'garbage_point', tasks, ...extra });

	it('lets a plan naming a zone win over the plan of its kind', () => {
		const own = custom(
			[{ id: 'compost', name: '厨余清运', frequency: { type: 'fixed_times', times: ['06:00'] } }],
			{
				zoneIds: ['garbage-3'],
			},
		);
		const instances = cleaningTasksFor(
			[zone('garbage-3', 'garbage_point'), zone('garbage-9', 'garbage_point')],
			[own, ...plans],
			MONDAY,
			'Asia/Shanghai',
			[],
		);
		expect(dueTimes(instances)).toEqual({ 'garbage-3': ['06:00'], 'garbage-9': ['07:00', '12:00', '19:00'] });
	});

	it('plans nothing for a zone without a plan', () => {
		expect(cleaningTasksFor([zone('toilet-club', 'toilet')], [], MONDAY, 'Asia/Shanghai', [])).toEqual([]);
	});

	it.each<[string, LocalDate, string[]]>([
		['on a listed weekday', '2026-03-04', ['20:00']],
		['not on other weekdays', '2026-03-05', []],
	])('collects at fixed times %s', (_, date, expected) => {
		const plan = custom([
			{
				id: 'bulky',
				name: '大件垃圾清运',
				frequency: { type: 'fixed_times', times: ['20:00'], weekdays: [3] },
			},
		]);
		const instances = cleaningTasksFor(
			[zone('garbage-3', 'garbage_point')],
			[plan],
			date,
			'Asia/Shanghai',
			[],
		);
		expect(dueTimes(instances)['garbage-3'] ?? []).toEqual(expected);
	});

	it.each<[string, unknown]>([
		['daily', { type: 'daily', due: '10:00' }],
		['weekly', { type: 'weekly', weekdays: [1], due: '10:00' }],
	])('opens a %s round without a start time its window length before it is due', (_, frequency) => {
		const plan = custom([{ id: 'wash', name: '冲洗地面', frequency, windowMinutes: 90 }]);
		const [instance] = cleaningTasksFor(
			[zone('garbage-3', 'garbage_point')],
			[plan],
			MONDAY,
			'Asia/Shanghai',
			[],
		);
		expect(instance?.windowStartsAt).toEqual(new Date('2026-03-02T08:30:00+08:00'));
	});

	it('runs peak rounds every day when told to', () => {
		const plan = custom([
			{
				id: 'peak',
				name: '高峰巡查',
				frequency: { type: 'peak_hours', times: ['08:00'], days: 'every_day' },
			},
		]);
		expect(
			cleaningTasksFor([zone('garbage-3', 'garbage_point')], [plan], SATURDAY, 'Asia/Shanghai', []),
		).toHaveLength(1);
	});

	it('merges an extra round that falls on a planned one', () => {
		const plan = custom([
			{
				id: 'collect',
				name: '垃圾清运',
				frequency: { type: 'times_per_day', times: ['09:00'] },
				extraRounds: [{ condition: 'holiday', times: ['09:00', '13:00'] }],
			},
		]);
		const instances = cleaningTasksFor(
			[zone('garbage-3', 'garbage_point')],
			[plan],
			MONDAY,
			'Asia/Shanghai',
			[on('holiday', MONDAY)],
		);
		expect(instances.map((instance) => instance.reason)).toEqual(['plan', 'holiday']);
	});

	it('merges two times that the spring-forward gap in Europe/Berlin makes one instant', () => {
		const plan = custom([
			{ id: 'night', name: '夜间清运', frequency: { type: 'fixed_times', times: ['02:30', '03:30'] } },
		]);
		const instances = cleaningTasksFor(
			[zone('garbage-3', 'garbage_point')],
			[plan],
			'2026-03-29',
			'Europe/Berlin',
			[],
		);
		expect(instances.map((instance) => instance.dueAt.toISOString())).toEqual(['2026-03-29T01:30:00.000Z']);
	});
});
