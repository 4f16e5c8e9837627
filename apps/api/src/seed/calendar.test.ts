import { describe, expect, it } from 'vitest';
import { demoWorkingCalendar, mainlandCalendarDays } from './calendar';
import { isWorkingTime } from '@estate-ops/domain/sla';

describe('mainlandCalendarDays', () => {
	const days = mainlandCalendarDays([2025, 2026]);
	const on = (date: string) => days.find((day) => day.date === date);

	it.each([
		['2026-10-01', 'holiday', '国庆节'],
		['2026-10-03', 'holiday', '国庆节'],
		['2026-02-17', 'holiday', '春节'],
		['2026-06-19', 'holiday', '端午节'],
		['2025-01-01', 'holiday', '元旦'],
		['2026-10-10', 'working', '国庆节调休上班'],
		['2026-09-20', 'working', '国庆节调休上班'],
		['2025-01-26', 'working', '春节调休上班'],
	])('lists %s as a %s (%s)', (date, kind, name) => {
		expect(on(date)).toEqual({ date, kind, name });
	});

	it('leaves ordinary days, other years and unknown years out', () => {
		expect(on('2026-03-11')).toBeUndefined();
		expect(days.every((day) => day.date.startsWith('2025') || day.date.startsWith('2026'))).toBe(true);
		expect(mainlandCalendarDays([2099])).toEqual([]);
	});

	it('never lists a date twice', () => {
		expect(new Set(days.map((day) => day.date)).size).toBe(days.length);
	});

	it('makes a working calendar in which 调休 Saturdays are worked and holidays are not', () => {
		const calendar = demoWorkingCalendar(days, 'Asia/Shanghai');
		expect(isWorkingTime(calendar, new Date('2026-10-10T10:00:00+08:00'))).toBe(true);
		expect(isWorkingTime(calendar, new Date('2026-10-01T10:00:00+08:00'))).toBe(false);
		expect(isWorkingTime(calendar, new Date('2026-10-12T10:00:00+08:00'))).toBe(true);
		expect(isWorkingTime(calendar, new Date('2026-10-17T10:00:00+08:00'))).toBe(false);
	});
});
