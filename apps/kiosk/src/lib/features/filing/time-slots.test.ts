import { describe, expect, it } from 'vitest';
import { desiredWindowOf, slotOfKey, windowSlots } from './time-slots';

const shanghai = 'Asia/Shanghai';

describe('windowSlots', () => {
	it('offers as soon as possible first, then the parts of today still ahead and of the next two days', () => {
		// 10:30 in Shanghai: this morning has begun, this afternoon has not.
		const slots = windowSlots(new Date('2026-03-02T02:30:00Z'), shanghai);
		expect(slots.map((slot) => slot.key)).toEqual([
			'asap',
			'today-afternoon',
			'today-evening',
			'tomorrow-morning',
			'tomorrow-afternoon',
			'tomorrow-evening',
			'day_after-morning',
			'day_after-afternoon',
			'day_after-evening',
		]);
	});

	it('gives the windows in the estate’s time, not the kiosk’s', () => {
		const slot = windowSlots(new Date('2026-03-02T02:30:00Z'), shanghai).find(
			(candidate) => candidate.key === 'tomorrow-morning',
		);
		expect(slot).toMatchObject({
			from: new Date('2026-03-03T01:00:00Z'),
			to: new Date('2026-03-03T04:00:00Z'),
		});
	});

	it('offers nothing of today late in the evening', () => {
		const slots = windowSlots(new Date('2026-03-02T13:00:00Z'), shanghai);
		expect(slots.some((slot) => slot.key.startsWith('today'))).toBe(false);
		expect(slots[1]?.key).toBe('tomorrow-morning');
	});

	it('turns the day over at local midnight', () => {
		// 00:30 on 3 March in Shanghai is still 2 March in UTC.
		const slots = windowSlots(new Date('2026-03-02T16:30:00Z'), shanghai);
		expect(slots.find((slot) => slot.key === 'today-morning')).toMatchObject({
			from: new Date('2026-03-03T01:00:00Z'),
		});
	});
});

describe('desiredWindowOf', () => {
	const now = new Date('2026-03-02T02:30:00Z');

	it('gives the window of a chosen part of a day as ISO instants', () => {
		expect(desiredWindowOf('today-afternoon', now, shanghai)).toEqual({
			from: '2026-03-02T05:00:00.000Z',
			to: '2026-03-02T09:00:00.000Z',
		});
	});

	it.each([['asap'], [null], ['yesterday-morning']])('gives no window for %j', (key) => {
		expect(desiredWindowOf(key, now, shanghai)).toBeNull();
	});
});

describe('slotOfKey', () => {
	it.each([
		['asap', { key: 'asap' }],
		['tomorrow-evening', { key: 'tomorrow-evening', day: 'tomorrow', part: 'evening' }],
		['day_after-morning', { key: 'day_after-morning', day: 'day_after', part: 'morning' }],
		['yesterday-morning', null],
	])('reads %j as %j', (key, slot) => {
		expect(slotOfKey(key)).toEqual(slot);
	});
});
