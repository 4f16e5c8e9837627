import { describe, expect, it } from 'vitest';
import { repeatLabel, shiftHours, weekdayLabel } from './shift-text';

describe('shift text', () => {
	it('marks a shift that ends the next day', () => {
		expect(shiftHours({ start: '08:30', end: '17:30' })).toBe('08:30–17:30');
		expect(shiftHours({ start: '20:00', end: '08:00' })).toMatch(/^20:00–08:00（.+）$/);
	});

	it('names weekdays in the reader’s language, Monday first', () => {
		expect(weekdayLabel('mon', 'en')).toBe('Mon');
		expect(weekdayLabel('sun', 'zh-Hans')).toBe('周日');
		expect(repeatLabel({ kind: 'weekly', weekdays: ['fri', 'mon'] }, 'en')).toContain('Mon');
		const days = repeatLabel({ kind: 'weekly', weekdays: ['fri', 'mon'] }, 'en');
		expect(days.indexOf('Mon')).toBeLessThan(days.indexOf('Fri'));
	});

	it('says when a dated shift is and that a working-days one follows the calendar', () => {
		expect(repeatLabel({ kind: 'dated', date: '2026-10-01' }, 'en')).toContain('2026-10-01');
		expect(repeatLabel({ kind: 'working_days' }, 'en').length).toBeGreaterThan(0);
	});
});
