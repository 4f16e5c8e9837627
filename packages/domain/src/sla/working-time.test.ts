import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-calendar';
import {
	NoWorkingTimeError,
	addWorkingMinutes,
	endOfWorkingDay,
	isWorkingTime,
	nextWorkingStart,
	typicalWorkingDayMinutes,
	workingHoursOn,
	workingIntervalsOn,
	workingMinutesBetween,
} from './working-time';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const withLunch = [
	{ start: '09:00', end: '12:00' },
	{ start: '13:30', end: '18:00' },
];
const allDay = [{ start: '00:00', end: '24:00' }];
const weekdays = (hours: typeof nineToSix) => ({
	mon: hours,
	tue: hours,
	wed: hours,
	thu: hours,
	fri: hours,
	sat: [],
	sun: [],
});
const everyDay = (hours: typeof nineToSix) => ({ ...weekdays(hours), sat: hours, sun: hours });

/** Mainland China around National Day 2026: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked (调休). */
const shanghai = WorkingCalendar.parse({
	timeZone: 'Asia/Shanghai',
	week: weekdays(nineToSix),
	holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
	adjustedWorkingDays: [
		{ date: '2026-09-20', name: '国庆节补班', hours: nineToSix },
		{ date: '2026-10-10', name: '国庆节补班', hours: nineToSix },
	],
});
const shanghaiLunch = WorkingCalendar.parse({ timeZone: 'Asia/Shanghai', week: weekdays(withLunch) });
const berlin = WorkingCalendar.parse({ timeZone: 'Europe/Berlin', week: weekdays(nineToSix) });
const berlinAllDay = WorkingCalendar.parse({ timeZone: 'Europe/Berlin', week: everyDay(allDay) });
const newYork = WorkingCalendar.parse({ timeZone: 'America/New_York', week: weekdays(nineToSix) });
const newYorkAllDay = WorkingCalendar.parse({ timeZone: 'America/New_York', week: everyDay(allDay) });
/** Bypasses the schema on purpose: the only way to get a calendar without any working time. */
const never: WorkingCalendar = {
	timeZone: 'Asia/Shanghai',
	week: everyDay([]),
	holidays: [],
	adjustedWorkingDays: [],
	estateDays: [],
};

const at = (iso: string) => new Date(iso);

describe('workingHoursOn', () => {
	const estate = WorkingCalendar.parse({
		...shanghai,
		estateDays: [
			{ date: '2026-10-10', name: '小区庆典', hours: [] },
			{ date: '2026-10-02', name: '节日值班', hours: [{ start: '10:00', end: '14:00' }] },
		],
	});
	it.each([
		['a weekday', shanghai, '2026-09-30', nineToSix],
		['a weekend day', shanghai, '2026-09-19', []],
		['a holiday on a weekday', shanghai, '2026-10-01', []],
		['an adjusted working day on a Sunday', shanghai, '2026-09-20', nineToSix],
		["the estate's own day off over an adjusted working day", estate, '2026-10-10', []],
		["the estate's own hours over a holiday", estate, '2026-10-02', [{ start: '10:00', end: '14:00' }]],
	])('gives %s its hours', (_, calendar, date, hours) => {
		expect(workingHoursOn(calendar, date)).toEqual(hours);
	});
});

describe('workingIntervalsOn', () => {
	it.each([
		['a Shanghai weekday', shanghai, '2026-09-30', [['2026-09-30T01:00:00Z', '2026-09-30T10:00:00Z']]],
		['a Shanghai holiday', shanghai, '2026-10-01', []],
		[
			'a Shanghai adjusted Sunday',
			shanghai,
			'2026-09-20',
			[['2026-09-20T01:00:00Z', '2026-09-20T10:00:00Z']],
		],
		[
			'a day with a lunch break',
			shanghaiLunch,
			'2026-03-02',
			[
				['2026-03-02T01:00:00Z', '2026-03-02T04:00:00Z'],
				['2026-03-02T05:30:00Z', '2026-03-02T10:00:00Z'],
			],
		],
		[
			'the 23-hour day in Berlin',
			berlinAllDay,
			'2026-03-29',
			[['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z']],
		],
		[
			'the 25-hour day in Berlin',
			berlinAllDay,
			'2026-10-25',
			[['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z']],
		],
		['Berlin in summer time', berlin, '2026-03-30', [['2026-03-30T07:00:00Z', '2026-03-30T16:00:00Z']]],
		['New York in winter time', newYork, '2026-11-02', [['2026-11-02T14:00:00Z', '2026-11-02T23:00:00Z']]],
	])('places the hours of %s at the right instants', (_, calendar, date, expected) => {
		const periods = workingIntervalsOn(calendar, date).map((p) => [
			p.start.toISOString(),
			p.end.toISOString(),
		]);
		expect(periods).toEqual(expected.map(([s, e]) => [at(s ?? '').toISOString(), at(e ?? '').toISOString()]));
	});

	it('drops an interval that lies wholly in the hour skipped when DST starts', () => {
		const calendar = WorkingCalendar.parse({
			timeZone: 'Europe/Berlin',
			week: everyDay([{ start: '02:00', end: '03:00' }]),
		});
		expect(workingIntervalsOn(calendar, '2026-03-29')).toEqual([]);
		expect(workingIntervalsOn(calendar, '2026-03-30')).toHaveLength(1);
	});
});

describe('isWorkingTime', () => {
	it.each([
		['the first working minute', shanghai, '2026-09-30T09:00:00+08:00', true],
		['the end of the day', shanghai, '2026-09-30T18:00:00+08:00', false],
		['a minute before opening', shanghai, '2026-09-30T08:59:00+08:00', false],
		['a holiday', shanghai, '2026-10-01T10:00:00+08:00', false],
		['an adjusted working Sunday', shanghai, '2026-09-20T10:00:00+08:00', true],
		['an ordinary Saturday', shanghai, '2026-09-19T10:00:00+08:00', false],
		['the lunch break', shanghaiLunch, '2026-03-02T12:30:00+08:00', false],
		['after lunch', shanghaiLunch, '2026-03-02T13:30:00+08:00', true],
		['a Berlin weekday just after the clocks went forward', berlin, '2026-03-30T09:00:00+02:00', true],
		['a Berlin weekday an hour before opening in summer time', berlin, '2026-03-30T08:00:00+02:00', false],
	])('tells that %s is %s', (_, calendar, instant, expected) => {
		expect(isWorkingTime(calendar, at(instant))).toBe(expected);
	});
});

describe('addWorkingMinutes', () => {
	it.each([
		// 2026 National Day, general order due in 3 working days of 9 h = 27 h = 1620 min, filed Wed 09-30 17:00:
		// 09-30 17:00–18:00 uses 1 h (26 h left); 10-01..10-07 are holidays; Thu 10-08 and Fri 10-09 use 9 h each
		// (8 h left); Saturday 10-10 is an adjusted working day: 09:00 + 8 h = 17:00.
		['the National Day deadline', shanghai, '2026-09-30T17:00:00+08:00', 1620, '2026-10-10T17:00:00+08:00'],
		[
			'a deadline that ends exactly at closing time',
			shanghai,
			'2026-09-30T17:00:00+08:00',
			60,
			'2026-09-30T18:00:00+08:00',
		],
		[
			'no time from closing time, past the holiday',
			shanghai,
			'2026-09-30T18:00:00+08:00',
			0,
			'2026-10-08T09:00:00+08:00',
		],
		[
			'a start on a Saturday, into the adjusted Sunday',
			shanghai,
			'2026-09-19T10:00:00+08:00',
			60,
			'2026-09-20T10:00:00+08:00',
		],
		['a start before opening', shanghai, '2026-09-30T07:00:00+08:00', 30, '2026-09-30T09:30:00+08:00'],
		[
			'a span over the lunch break',
			shanghaiLunch,
			'2026-03-02T11:30:00+08:00',
			60,
			'2026-03-02T14:00:00+08:00',
		],
		[
			'a Berlin weekend with the spring change',
			berlin,
			'2026-03-27T17:00:00+01:00',
			120,
			'2026-03-30T10:00:00+02:00',
		],
		[
			'a Berlin weekend with the autumn change',
			berlin,
			'2026-10-23T17:00:00+02:00',
			120,
			'2026-10-26T10:00:00+01:00',
		],
		[
			'a New York weekend with the November change',
			newYork,
			'2026-10-30T17:00:00-04:00',
			120,
			'2026-11-02T10:00:00-05:00',
		],
		[
			'a New York weekend with the March change',
			newYork,
			'2026-03-06T17:00:00-05:00',
			120,
			'2026-03-09T10:00:00-04:00',
		],
		[
			'the whole 23-hour day in Berlin',
			berlinAllDay,
			'2026-03-29T00:00:00+01:00',
			23 * 60,
			'2026-03-30T00:00:00+02:00',
		],
		[
			'24 working hours of the 25-hour day in Berlin, which end at 23:00',
			berlinAllDay,
			'2026-10-25T00:00:00+02:00',
			24 * 60,
			'2026-10-25T23:00:00+01:00',
		],
		[
			'the whole 25-hour day in New York',
			newYorkAllDay,
			'2026-11-01T00:00:00-04:00',
			25 * 60,
			'2026-11-02T00:00:00-05:00',
		],
		['half a minute', shanghai, '2026-09-30T10:00:00+08:00', 0.5, '2026-09-30T10:00:30+08:00'],
	])('finds %s', (_, calendar, start, minutes, expected) => {
		expect(addWorkingMinutes(calendar, at(start), minutes).toISOString()).toBe(at(expected).toISOString());
	});

	it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
		'refuses %s minutes as a programming error',
		(minutes) => {
			expect(() => addWorkingMinutes(shanghai, at('2026-09-30T10:00:00+08:00'), minutes)).toThrow(RangeError);
		},
	);

	it('gives up with NoWorkingTimeError on a calendar without working time', () => {
		expect(() => addWorkingMinutes(never, at('2026-09-30T10:00:00+08:00'), 60)).toThrow(NoWorkingTimeError);
	});

	it('skips a long run of days off without giving up', () => {
		const closed = Array.from({ length: 400 }, (_, n) => ({
			date: new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10),
			name: '停业',
			hours: [],
		}));
		const calendar = WorkingCalendar.parse({
			...shanghai,
			holidays: [],
			adjustedWorkingDays: [],
			estateDays: closed,
		});
		expect(addWorkingMinutes(calendar, at('2026-01-01T10:00:00+08:00'), 60).toISOString()).toBe(
			at('2027-02-05T10:00:00+08:00').toISOString(),
		);
	});
});

describe('nextWorkingStart', () => {
	it.each([
		[
			'an instant in working time is itself',
			shanghai,
			'2026-09-30T10:15:00+08:00',
			'2026-09-30T10:15:00+08:00',
		],
		['before opening is opening time', shanghai, '2026-09-30T06:00:00+08:00', '2026-09-30T09:00:00+08:00'],
		[
			'the lunch break ends at 13:30',
			shanghaiLunch,
			'2026-03-02T12:15:00+08:00',
			'2026-03-02T13:30:00+08:00',
		],
		[
			'a Friday evening is Monday morning',
			shanghai,
			'2026-09-25T19:00:00+08:00',
			'2026-09-28T09:00:00+08:00',
		],
		[
			'the eve of National Day is the first day after it',
			shanghai,
			'2026-09-30T18:00:00+08:00',
			'2026-10-08T09:00:00+08:00',
		],
	])('says %s', (_, calendar, instant, expected) => {
		expect(nextWorkingStart(calendar, at(instant)).toISOString()).toBe(at(expected).toISOString());
	});

	it('gives up with NoWorkingTimeError on a calendar without working time', () => {
		expect(() => nextWorkingStart(never, at('2026-09-30T10:00:00+08:00'))).toThrow(NoWorkingTimeError);
	});
});

describe('workingMinutesBetween', () => {
	it.each([
		['the National Day span', shanghai, '2026-09-30T17:00:00+08:00', '2026-10-10T17:00:00+08:00', 1620],
		['a span within one morning', shanghai, '2026-09-30T09:15:00+08:00', '2026-09-30T10:00:00+08:00', 45],
		[
			'a span that ends before it starts',
			shanghai,
			'2026-09-30T12:00:00+08:00',
			'2026-09-30T10:00:00+08:00',
			0,
		],
		[
			'a span over the lunch break',
			shanghaiLunch,
			'2026-03-02T11:00:00+08:00',
			'2026-03-02T14:00:00+08:00',
			90,
		],
		[
			'the 23-hour day in Berlin',
			berlinAllDay,
			'2026-03-29T00:00:00+01:00',
			'2026-03-30T00:00:00+02:00',
			23 * 60,
		],
		[
			'the 25-hour day in Berlin',
			berlinAllDay,
			'2026-10-25T00:00:00+02:00',
			'2026-10-26T00:00:00+01:00',
			25 * 60,
		],
		[
			'the 23-hour day in New York',
			newYorkAllDay,
			'2026-03-08T00:00:00-05:00',
			'2026-03-09T00:00:00-04:00',
			23 * 60,
		],
		[
			'the 25-hour day in New York',
			newYorkAllDay,
			'2026-11-01T00:00:00-04:00',
			'2026-11-02T00:00:00-05:00',
			25 * 60,
		],
		[
			'a Berlin weekend with the spring change',
			berlin,
			'2026-03-27T17:00:00+01:00',
			'2026-03-30T10:00:00+02:00',
			120,
		],
		[
			'a Berlin weekend with the autumn change',
			berlin,
			'2026-10-23T17:00:00+02:00',
			'2026-10-26T10:00:00+01:00',
			120,
		],
		['thirty seconds', shanghai, '2026-09-30T09:00:30+08:00', '2026-09-30T09:01:00+08:00', 0.5],
	])('counts %s', (_, calendar, from, to, expected) => {
		expect(workingMinutesBetween(calendar, at(from), at(to))).toBe(expected);
	});
});

describe('endOfWorkingDay', () => {
	it.each([
		[
			'filed in the morning: the same evening',
			shanghai,
			'2026-09-30T10:00:00+08:00',
			'2026-09-30T18:00:00+08:00',
		],
		[
			'filed before opening: the same evening',
			shanghai,
			'2026-09-30T07:00:00+08:00',
			'2026-09-30T18:00:00+08:00',
		],
		[
			'filed at the lunch break: the same evening',
			shanghaiLunch,
			'2026-03-02T12:30:00+08:00',
			'2026-03-02T18:00:00+08:00',
		],
		[
			'filed at closing time: the next working day',
			shanghai,
			'2026-09-29T18:00:00+08:00',
			'2026-09-30T18:00:00+08:00',
		],
		[
			'filed on the eve of National Day after hours: the first day after it',
			shanghai,
			'2026-09-30T19:00:00+08:00',
			'2026-10-08T18:00:00+08:00',
		],
		[
			'filed on a Friday evening: the adjusted working Sunday',
			shanghai,
			'2026-09-18T19:00:00+08:00',
			'2026-09-20T18:00:00+08:00',
		],
		['filed on a Saturday: Monday', shanghai, '2026-09-26T10:00:00+08:00', '2026-09-28T18:00:00+08:00'],
		[
			'filed on a Berlin Saturday before the spring change: Monday in summer time',
			berlin,
			'2026-03-28T10:00:00+01:00',
			'2026-03-30T18:00:00+02:00',
		],
	])('gives, %s', (_, calendar, instant, expected) => {
		expect(endOfWorkingDay(calendar, at(instant)).toISOString()).toBe(at(expected).toISOString());
	});
});

describe('typicalWorkingDayMinutes', () => {
	it.each([
		['09:00–18:00 on weekdays', weekdays(nineToSix), 540],
		['a lunch break', weekdays(withLunch), 450],
		['a half-day Saturday', { ...weekdays(nineToSix), sat: [{ start: '09:00', end: '13:00' }] }, 540],
		[
			'a tie between two lengths, taking the longer',
			{
				...weekdays(nineToSix),
				mon: [{ start: '09:00', end: '13:00' }],
				tue: [{ start: '09:00', end: '13:00' }],
				wed: [{ start: '09:00', end: '17:00' }],
				thu: [{ start: '09:00', end: '17:00' }],
				fri: [],
			},
			480,
		],
	])('is the most common day length with %s', (_, week, expected) => {
		expect(typicalWorkingDayMinutes(WorkingCalendar.parse({ timeZone: 'Asia/Shanghai', week }))).toBe(
			expected,
		);
	});
});
