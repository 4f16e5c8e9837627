import { describe, expect, it } from 'vitest';
import { mainlandChinaCalendar } from './mainland-china-calendar';
import { addWorkingMinutes, workingHoursOn } from './working-time';

const nationalDay2026 = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
	date: `2026-10-${d}`,
	name: '国庆节',
}));
const makeUpDays2026 = [{ date: '2026-09-20', name: '国庆节补班' }, { date: '2026-10-10' }];

describe('mainlandChinaCalendar', () => {
	it('builds a Monday-to-Friday calendar in Asia/Shanghai with 09:00–18:00 by default', () => {
		const result = mainlandChinaCalendar({ holidays: nationalDay2026, adjustedWorkingDays: makeUpDays2026 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.timeZone).toBe('Asia/Shanghai');
		expect(result.value.week.mon).toEqual([{ start: '09:00', end: '18:00' }]);
		expect(result.value.week.sat).toEqual([]);
		expect(result.value.week.sun).toEqual([]);
		expect(result.value.adjustedWorkingDays).toEqual([
			{ date: '2026-09-20', name: '国庆节补班', hours: [{ start: '09:00', end: '18:00' }] },
			{ date: '2026-10-10', hours: [{ start: '09:00', end: '18:00' }] },
		]);
	});

	it('gives the adjusted working days the same hours as the week', () => {
		const hours = [
			{ start: '08:30', end: '12:00' },
			{ start: '13:30', end: '17:30' },
		];
		const result = mainlandChinaCalendar({
			timeZone: 'Asia/Urumqi',
			hours,
			holidays: nationalDay2026,
			adjustedWorkingDays: makeUpDays2026,
		});
		expect(result.ok && result.value.timeZone).toBe('Asia/Urumqi');
		expect(result.ok && workingHoursOn(result.value, '2026-10-10')).toEqual(hours);
		expect(result.ok && workingHoursOn(result.value, '2026-10-01')).toEqual([]);
	});

	it("keeps the estate's own days, which win over the national schedule", () => {
		const result = mainlandChinaCalendar({
			holidays: nationalDay2026,
			adjustedWorkingDays: makeUpDays2026,
			estateDays: [{ date: '2026-10-10', name: '业主答谢日', hours: [] }],
		});
		expect(result.ok && workingHoursOn(result.value, '2026-10-10')).toEqual([]);
	});

	it('puts the 2026 National Day deadline of a general order on the adjusted Saturday', () => {
		// See working-time.test.ts: 1 h on 09-30, none 10-01..10-07, 9 h on 10-08 and 10-09, 8 h on Saturday 10-10.
		const result = mainlandChinaCalendar({ holidays: nationalDay2026, adjustedWorkingDays: makeUpDays2026 });
		expect(
			result.ok &&
				addWorkingMinutes(result.value, new Date('2026-09-30T17:00:00+08:00'), 27 * 60).toISOString(),
		).toBe(new Date('2026-10-10T17:00:00+08:00').toISOString());
	});

	it.each([
		[
			'a date both off and worked',
			{ holidays: [{ date: '2026-10-10', name: '国庆节' }], adjustedWorkingDays: [{ date: '2026-10-10' }] },
			['adjustedWorkingDays', 0, 'date'],
		],
		[
			'an unknown time zone',
			{ timeZone: 'China/Beijing', holidays: [], adjustedWorkingDays: [] },
			['timeZone'],
		],
		['no working hours', { hours: [], holidays: [], adjustedWorkingDays: [] }, ['week']],
	])('fails with SLA.INVALID_CALENDAR for %s', (_, options, path) => {
		const result = mainlandChinaCalendar(options);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.code).toBe('SLA.INVALID_CALENDAR');
		expect(!result.ok && result.error.path).toEqual(path);
	});
});
