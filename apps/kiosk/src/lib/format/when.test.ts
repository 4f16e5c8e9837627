import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './when';

describe('formatDateTime', () => {
	it.each([
		['zh-Hans', '3月2日 09:05'],
		['en', 'Mar 2, 09:05'],
	])('shows the Shanghai day and time in %s', (locale, text) => {
		expect(formatDateTime(new Date('2026-03-02T01:05:00Z'), locale, 'Asia/Shanghai')).toBe(text);
	});
});

describe('formatDate', () => {
	it('shows the day in the estate’s zone', () => {
		expect(formatDate(new Date('2026-03-01T16:30:00Z'), 'zh-Hans', 'Asia/Shanghai')).toBe('2026年3月2日');
	});
});
