import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '$lib/api/calendar';
import { monthGrid, monthRange, shiftMonth } from './month-grid';

const nine = [{ start: '09:00', end: '18:00' }];
const week = { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] };
const day = (date: string, kind: CalendarDay['kind'], name: string): CalendarDay => ({
	date,
	kind,
	name,
	source: 'preset',
});

describe('monthGrid', () => {
	const october = monthGrid(2026, 10, week, [
		...['01', '02', '03', '04', '05', '06', '07'].map((d) => day(`2026-10-${d}`, 'holiday', '国庆节')),
		day('2026-10-10', 'workday', '国庆节调休上班'),
	]);

	it('starts on the Monday of the first week and fills whole weeks', () => {
		// 1 October 2026 is a Thursday.
		expect(october[0]?.map((cell) => cell.date)).toEqual([
			'2026-09-28',
			'2026-09-29',
			'2026-09-30',
			'2026-10-01',
			'2026-10-02',
			'2026-10-03',
			'2026-10-04',
		]);
		expect(october).toHaveLength(5);
		expect(october.flat().filter((cell) => cell.inMonth)).toHaveLength(31);
	});

	it('marks holidays, the 调休 Saturday, ordinary working days and weekends', () => {
		const kind = (date: string) => october.flat().find((cell) => cell.date === date)?.kind;
		expect(kind('2026-10-05')).toBe('holiday');
		expect(kind('2026-10-10')).toBe('workday');
		expect(kind('2026-10-09')).toBe('working');
		expect(kind('2026-10-11')).toBe('rest');
		expect(october.flat().find((cell) => cell.date === '2026-10-10')?.special?.name).toBe('国庆节调休上班');
	});
});

describe('month arithmetic', () => {
	it('gives a month’s first and last date, February of a leap year included', () => {
		expect(monthRange(2026, 10)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
		expect(monthRange(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
	});

	it('moves across the turn of the year', () => {
		expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
		expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
	});
});
