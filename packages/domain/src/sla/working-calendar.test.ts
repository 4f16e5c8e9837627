import { describe, expect, it } from 'vitest';
import { WorkingCalendar, WorkingHours } from './working-calendar';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const week = {
	mon: nineToSix,
	tue: nineToSix,
	wed: nineToSix,
	thu: nineToSix,
	fri: nineToSix,
	sat: [],
	sun: [],
};

describe('WorkingHours', () => {
	it.each([
		['one interval', nineToSix],
		[
			'a lunch break',
			[
				{ start: '09:00', end: '12:00' },
				{ start: '13:30', end: '18:00' },
			],
		],
		[
			'touching intervals',
			[
				{ start: '00:00', end: '12:00' },
				{ start: '12:00', end: '24:00' },
			],
		],
		['a day off', []],
	])('accepts %s', (_, hours) => {
		expect(WorkingHours.safeParse(hours).success).toBe(true);
	});

	it.each([
		['an interval that ends before it starts', [{ start: '18:00', end: '09:00' }]],
		['an empty interval', [{ start: '09:00', end: '09:00' }]],
		[
			'overlapping intervals',
			[
				{ start: '09:00', end: '13:00' },
				{ start: '12:00', end: '18:00' },
			],
		],
		[
			'intervals out of order',
			[
				{ start: '13:30', end: '18:00' },
				{ start: '09:00', end: '12:00' },
			],
		],
		['a malformed time', [{ start: '9:00', end: '18:00' }]],
		['an unknown field', [{ start: '09:00', end: '18:00', break: true }]],
	])('rejects %s', (_, hours) => {
		expect(WorkingHours.safeParse(hours).success).toBe(false);
	});
});

describe('WorkingCalendar', () => {
	it('fills the day lists with empty lists when they are left out', () => {
		const calendar = WorkingCalendar.parse({ timeZone: 'Asia/Shanghai', week });
		expect(calendar).toEqual({
			timeZone: 'Asia/Shanghai',
			week,
			holidays: [],
			adjustedWorkingDays: [],
			estateDays: [],
		});
	});

	it.each([
		['an unknown time zone', { timeZone: 'Mars/Olympus', week }, ['timeZone']],
		[
			'a week without working hours',
			{ timeZone: 'Asia/Shanghai', week: { ...week, mon: [], tue: [], wed: [], thu: [], fri: [] } },
			['week'],
		],
		[
			'a holiday listed twice',
			{
				timeZone: 'Asia/Shanghai',
				week,
				holidays: [
					{ date: '2026-10-01', name: '国庆节' },
					{ date: '2026-10-01', name: 'National Day' },
				],
			},
			['holidays', 1, 'date'],
		],
		[
			'a date that is both a holiday and an adjusted working day',
			{
				timeZone: 'Asia/Shanghai',
				week,
				holidays: [{ date: '2026-10-10', name: '国庆节' }],
				adjustedWorkingDays: [{ date: '2026-10-10', hours: nineToSix }],
			},
			['adjustedWorkingDays', 0, 'date'],
		],
		[
			'an adjusted working day without hours',
			{ timeZone: 'Asia/Shanghai', week, adjustedWorkingDays: [{ date: '2026-10-10', hours: [] }] },
			['adjustedWorkingDays', 0, 'hours'],
		],
		[
			'a holiday without a name',
			{ timeZone: 'Asia/Shanghai', week, holidays: [{ date: '2026-10-01', name: ' ' }] },
			['holidays', 0, 'name'],
		],
		[
			'an impossible date',
			{ timeZone: 'Asia/Shanghai', week, estateDays: [{ date: '2026-13-01', name: '庆典', hours: [] }] },
			['estateDays', 0, 'date'],
		],
	])('rejects %s', (_, input, path) => {
		const result = WorkingCalendar.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(path);
	});

	it('accepts an estate day that closes a date also listed as an adjusted working day', () => {
		const result = WorkingCalendar.safeParse({
			timeZone: 'Asia/Shanghai',
			week,
			adjustedWorkingDays: [{ date: '2026-10-10', name: '国庆节补班', hours: nineToSix }],
			estateDays: [{ date: '2026-10-10', name: '小区庆典', hours: [] }],
		});
		expect(result.success).toBe(true);
	});
});
