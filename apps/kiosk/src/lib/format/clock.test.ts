import { describe, expect, it } from 'vitest';
import { defaultTimeZone, formatClock } from './clock';

describe('formatClock', () => {
	// 01:05 UTC is 09:05 in Shanghai, on the same day.
	const instant = new Date('2026-03-02T01:05:07Z');

	it.each([
		['zh-Hans', '09:05', '2026年3月2日星期一'],
		['zh-Hant', '09:05', '2026年3月2日星期一'],
		['en', '09:05', 'Monday, March 2, 2026'],
	])('shows the Shanghai time and day in %s', (locale, time, date) => {
		expect(formatClock(instant, locale)).toEqual({ time, date, iso: '2026-03-02T01:05:07.000Z' });
	});

	it('turns the day over at midnight in Shanghai, not in UTC', () => {
		const lateEvening = new Date('2026-03-01T16:30:00Z');
		expect(formatClock(lateEvening, 'en')).toMatchObject({ time: '00:30', date: 'Monday, March 2, 2026' });
	});

	it('takes milliseconds since the epoch as well as a Date', () => {
		expect(formatClock(instant.getTime(), 'en')).toEqual(formatClock(instant, 'en'));
	});

	it('counts hours to 23, never 24', () => {
		expect(formatClock(new Date('2026-03-01T16:00:00Z'), 'en').time).toBe('00:00');
	});

	it('shows another zone when given one', () => {
		expect(formatClock(instant, 'en', 'America/New_York')).toMatchObject({
			time: '20:05',
			date: 'Sunday, March 1, 2026',
		});
	});

	it('defaults to the estates’ usual zone', () => {
		expect(defaultTimeZone).toBe('Asia/Shanghai');
	});
});
