import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
	it.each([
		[0, '0:00'],
		[59_999, '0:59'],
		[65_000, '1:05'],
		[-65_000, '1:05'],
		[3_600_000 + 4 * 60_000 + 5_000, '1:04:05'],
		[23 * 3_600_000 + 59 * 60_000, '23:59:00'],
	])('shows %i ms as %s', (ms, expected) => {
		expect(formatCountdown(ms, 'en')).toBe(expected);
	});

	it.each([
		['en', '3d 4h'],
		['zh-Hans', '3天 4小时'],
	])('names days and hours beyond a day in %s', (locale, expected) => {
		expect(formatCountdown((3 * 24 + 4) * 3_600_000, locale)).toBe(expected);
	});
});
