import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	formatLocalTime,
	Instant,
	isKnownTimeZone,
	isoWeekday,
	LocalDate,
	LocalTime,
	localDateOf,
	localMinuteOfDay,
	offsetMinutes,
	parseLocalTime,
	startOfIsoWeek,
	startOfLocalDay,
	startOfMonth,
	TimeZone,
	zonedInstant,
	zonedParts,
	addMinutes,
	minutesBetween,
} from './time';

describe('Instant', () => {
	it('takes a Date as it is', () => {
		const date = new Date('2026-03-02T01:00:00Z');
		expect(Instant.parse(date)).toEqual(date);
	});

	it.each([
		['2026-03-02T09:00:00+08:00', '2026-03-02T01:00:00.000Z'],
		['2026-03-02T01:00:00Z', '2026-03-02T01:00:00.000Z'],
		['2026-03-02T01:00:00.123Z', '2026-03-02T01:00:00.123Z'],
	])('reads the ISO string %s as %s, so JSON round-trips', (text, iso) => {
		expect(Instant.parse(text).toISOString()).toBe(iso);
	});

	it.each([['yesterday'], ['2026-03-02'], [1_700_000_000_000], [null], [new Date('nonsense')]])(
		'rejects %j',
		(value) => {
			expect(Instant.safeParse(value).success).toBe(false);
		},
	);
});

describe('local dates and times', () => {
	it.each([['2026-02-28'], ['2026-12-31']])('accepts the date %s', (date) => {
		expect(LocalDate.safeParse(date).success).toBe(true);
	});
	it.each([['2026-13-01'], ['2026-1-1'], ['26-01-01']])('rejects the date %s', (date) => {
		expect(LocalDate.safeParse(date).success).toBe(false);
	});
	it.each([['00:00'], ['23:59'], ['24:00']])('accepts the time %s', (time) => {
		expect(LocalTime.safeParse(time).success).toBe(true);
	});
	it.each([['24:01'], ['9:00'], ['12:60']])('rejects the time %s', (time) => {
		expect(LocalTime.safeParse(time).success).toBe(false);
	});
	it('knows IANA zones and rejects others', () => {
		expect(TimeZone.safeParse('Asia/Shanghai').success).toBe(true);
		expect(TimeZone.safeParse('Mars/Olympus').success).toBe(false);
		expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
	});
	it('converts HH:MM to minutes and back', () => {
		expect(parseLocalTime('13:30')).toBe(810);
		expect(formatLocalTime(810)).toBe('13:30');
		expect(formatLocalTime(5)).toBe('00:05');
	});
	it.each([
		['2026-02-28', 1, '2026-03-01'],
		['2028-02-28', 1, '2028-02-29'],
		['2026-01-01', -1, '2025-12-31'],
		['2026-10-01', 9, '2026-10-10'],
	])('%s plus %i days is %s', (date, days, expected) => {
		expect(addDays(date, days)).toBe(expected);
		expect(daysBetween(date, expected)).toBe(days);
	});
	it.each([
		['2026-11-23', 1],
		['2026-11-29', 7],
		['2026-10-10', 6],
	])('%s is ISO weekday %i', (date, weekday) => {
		expect(isoWeekday(date)).toBe(weekday);
	});
	it('finds the Monday of the week and the first of the month', () => {
		expect(startOfIsoWeek('2026-11-29')).toBe('2026-11-23');
		expect(startOfIsoWeek('2026-11-23')).toBe('2026-11-23');
		expect(startOfMonth('2026-11-29')).toBe('2026-11-01');
	});
	it('adds and measures minutes', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		expect(addMinutes(start, 90).toISOString()).toBe('2026-01-01T01:30:00.000Z');
		expect(minutesBetween(start, addMinutes(start, 90))).toBe(90);
	});
});

describe('wall clock in a time zone', () => {
	it('reads Shanghai, 8 hours ahead all year', () => {
		const instant = new Date('2026-09-30T09:00:00Z');
		expect(zonedParts(instant, 'Asia/Shanghai')).toEqual({
			year: 2026,
			month: 9,
			day: 30,
			hour: 17,
			minute: 0,
			second: 0,
		});
		expect(offsetMinutes(instant, 'Asia/Shanghai')).toBe(480);
		expect(localDateOf(new Date('2026-09-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-10-01');
		expect(localMinuteOfDay(instant, 'Asia/Shanghai')).toBe(17 * 60);
	});

	it('places a Shanghai wall time at the right instant', () => {
		expect(zonedInstant('2026-09-30', '17:00', 'Asia/Shanghai').toISOString()).toBe(
			'2026-09-30T09:00:00.000Z',
		);
		expect(startOfLocalDay('2026-10-01', 'Asia/Shanghai').toISOString()).toBe('2026-09-30T16:00:00.000Z');
	});

	it.each([
		// Berlin: CET +1 in winter, CEST +2 in summer.
		['2026-01-15', '12:00', 'Europe/Berlin', '2026-01-15T11:00:00.000Z'],
		['2026-07-15', '12:00', 'Europe/Berlin', '2026-07-15T10:00:00.000Z'],
		// 2026-03-29 02:30 does not exist in Berlin (02:00 → 03:00): read with the winter offset, i.e. 03:30 CEST.
		['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
		// 2026-10-25 02:30 happens twice in Berlin: the first (CEST) is taken.
		['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
		// New York: 2026-11-01 01:30 happens twice; the first is EDT (-4).
		['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
		['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
	])('%s %s in %s is %s', (date, time, zone, iso) => {
		expect(zonedInstant(date, time, zone).toISOString()).toBe(iso);
	});

	it('measures a 23-hour and a 25-hour day in Berlin', () => {
		const hours = (date: string) =>
			(startOfLocalDay(addDays(date, 1), 'Europe/Berlin').getTime() -
				startOfLocalDay(date, 'Europe/Berlin').getTime()) /
			3_600_000;
		expect(hours('2026-03-29')).toBe(23);
		expect(hours('2026-10-25')).toBe(25);
		expect(hours('2026-06-01')).toBe(24);
	});
});
