import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../shared/time';
import { isoWeekKey, isoWeekOf, monthKey, PeriodKey, periodKey } from './period-key';

describe('isoWeekKey', () => {
	it.each([
		// 2026 starts on a Thursday, so it has 53 ISO weeks; its last week runs Mon 28 Dec – Sun 3 Jan 2027.
		['2026-12-28', '2026-W53'],
		['2026-12-31', '2026-W53'],
		['2027-01-01', '2026-W53'],
		['2027-01-03', '2026-W53'],
		['2027-01-04', '2027-W01'],
		// 2020 is a leap year starting on a Wednesday: 53 weeks too, the last one reaching into 2021.
		['2020-12-31', '2020-W53'],
		['2021-01-03', '2020-W53'],
		['2021-01-04', '2021-W01'],
		// Monday 29 Dec 2025 starts 2026-W01 because that week's Thursday is 1 Jan 2026.
		['2025-12-29', '2026-W01'],
		['2026-01-01', '2026-W01'],
		// Monday 30 Dec 2024 likewise starts 2025-W01.
		['2024-12-30', '2025-W01'],
		['2024-12-29', '2024-W52'],
		['2026-02-28', '2026-W09'],
		['2026-03-02', '2026-W10'],
	])('%s is in %s', (date, key) => {
		expect(isoWeekKey(date)).toBe(key);
	});

	it('gives the week-year and week number apart', () => {
		expect(isoWeekOf('2027-01-01')).toEqual({ weekYear: 2026, week: 53 });
	});

	it('changes week exactly on Mondays, and weeks follow each other', () => {
		const day = fc.integer({ min: 0, max: 365 * 150 }).map((n) => addDays('1950-01-01', n));
		fc.assert(
			fc.property(day, (date) => {
				const before = isoWeekOf(addDays(date, -1));
				const now = isoWeekOf(date);
				if (isoWeekday(date) !== 1) {
					expect(now).toEqual(before);
				} else {
					const next =
						now.week === 1
							? { weekYear: before.weekYear + 1, week: 1 }
							: { ...before, week: before.week + 1 };
					expect(now).toEqual(next);
					if (now.week === 1) expect([52, 53]).toContain(before.week);
				}
			}),
		);
	});
});

describe('periodKey', () => {
	it.each([
		// 23:30 on 31 Dec in Shanghai: week 53 of 2026, December.
		['2026-12-31T23:30:00+08:00', 'Asia/Shanghai', '2026-W53', '2026-12'],
		// 16:30 UTC on 31 Dec is 00:30 on 1 Jan in Shanghai: January, still week 2026-W53.
		['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2026-W53', '2027-01'],
		['2026-12-31T16:30:00Z', 'UTC', '2026-W53', '2026-12'],
		// 16:30 UTC on Sunday 3 Jan is 00:30 on Monday 4 Jan in Shanghai: the first week of 2027.
		['2027-01-03T16:30:00Z', 'Asia/Shanghai', '2027-W01', '2027-01'],
		['2027-01-03T16:30:00Z', 'UTC', '2026-W53', '2027-01'],
		['2020-12-31T12:00:00+08:00', 'Asia/Shanghai', '2020-W53', '2020-12'],
	])('%s in %s is %s and %s', (instant, zone, week, month) => {
		expect(periodKey(new Date(instant), 'week', zone)).toBe(week);
		expect(periodKey(new Date(instant), 'month', zone)).toBe(month);
	});

	it('keys a month by its year and month', () => {
		expect(monthKey('2026-03-31')).toBe('2026-03');
	});

	it.each([
		['2026-W09', true],
		['2026-03', true],
		['2026-W54', false],
		['2026-13', false],
		['2026-W9', false],
	])('PeriodKey accepts %s: %s', (key, valid) => {
		expect(PeriodKey.safeParse(key).success).toBe(valid);
	});
});
