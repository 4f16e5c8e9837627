import { describe, expect, it } from 'vitest';
import {
	defaultTimeZone,
	formatDateTime,
	formatTimeOfDay,
	fromZonedInputValue,
	toZonedInputValue,
} from './time';

describe('formatTimeOfDay', () => {
	const instant = new Date('2026-03-02T01:05:07Z');

	it.each(['zh-Hans', 'zh-Hant', 'en'])('shows the time in China Standard Time by default (%s)', (locale) => {
		expect(formatTimeOfDay(instant, locale)).toBe('09:05:07');
	});

	it('shows the time in the zone it is given', () => {
		expect(formatTimeOfDay(instant, 'en', 'Europe/London')).toBe('01:05:07');
	});

	it('defaults to the estates’ usual zone', () => {
		expect(defaultTimeZone).toBe('Asia/Shanghai');
	});
});

describe('datetime-local values in the estate zone', () => {
	it.each([
		['Asia/Shanghai', '2026-03-02T01:05:00Z', '2026-03-02T09:05'],
		['Europe/London', '2026-03-29T01:30:00Z', '2026-03-29T02:30'],
	])('round-trips an instant in %s', (zone, iso, shown) => {
		expect(toZonedInputValue(new Date(iso), zone)).toBe(shown);
		expect(fromZonedInputValue(shown, zone)?.toISOString()).toBe(new Date(iso).toISOString());
	});

	it('refuses a value that is not a date and time', () => {
		expect(fromZonedInputValue('tomorrow')).toBeNull();
	});

	it('dates an instant in the zone it is given', () => {
		expect(formatDateTime(new Date('2026-03-02T17:05:00Z'), 'en')).toBe('Mar 3, 01:05');
	});
});
