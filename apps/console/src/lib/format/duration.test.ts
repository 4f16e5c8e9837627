import { describe, expect, it } from 'vitest';
import { formatUptime } from './duration';

describe('formatUptime', () => {
	it.each([
		[0, 'en', '0 sec'],
		[59, 'en', '59 sec'],
		[60, 'en', '1 min'],
		[3_600, 'en', '1 hr'],
		[3_660, 'en', '1 hr, 1 min'],
		[90_061, 'en', '1 day, 1 hr'],
		[86_460, 'en', '1 day'],
		[3 * 86_400 + 4 * 3_600 + 5 * 60, 'zh-Hans', '3天4小时'],
		[4 * 3_600 + 5 * 60, 'zh-Hant', '4 小時 5 分鐘'],
		[-5, 'en', '0 sec'],
		[59.9, 'en', '59 sec'],
	])('formats %i seconds in %s as %j', (seconds, locale, expected) => {
		expect(formatUptime(seconds, locale)).toBe(expected);
	});
});
