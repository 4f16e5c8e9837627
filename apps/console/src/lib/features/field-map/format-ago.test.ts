import { describe, expect, it } from 'vitest';
import { formatAgo } from './format-ago';

const now = new Date('2026-03-02T01:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatAgo', () => {
	it.each([
		[12, 'en', '12 sec. ago'],
		[150, 'en', '2 min. ago'],
		[7200, 'en', '2 hr. ago'],
		[-5, 'en', 'now'],
		[30, 'zh-Hans', '30秒前'],
	])('%i s before, in %s, reads “%s”', (seconds, locale, expected) => {
		expect(formatAgo(before(seconds), now, locale)).toBe(expected);
	});
});
