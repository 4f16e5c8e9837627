import { describe, expect, it } from 'vitest';
import { FramePosition, mergeFramePosition, PositionFrame } from './position-frame';

const at = (time: string): Date => new Date(`2026-03-02T${time}+08:00`);
const entry = (time: string, extra: Partial<FramePosition> = {}): FramePosition => ({
	personId: 'guard-li',
	role: 'guard',
	lng: 121.474,
	lat: 31.231,
	accuracyM: 8,
	headingDeg: 90,
	at: at(time),
	stale: false,
	outside: false,
	...extra,
});

describe('mergeFramePosition', () => {
	it.each<[string, FramePosition | undefined, FramePosition, FramePosition]>([
		['a first fix', undefined, entry('10:00:00'), entry('10:00:00')],
		[
			'a newer fix',
			entry('10:00:00'),
			entry('10:00:05', { lng: 121.475 }),
			entry('10:00:05', { lng: 121.475 }),
		],
		[
			'the same fix turning stale',
			entry('10:00:00'),
			entry('10:00:00', { stale: true }),
			entry('10:00:00', { stale: true }),
		],
		[
			'an old fix turning stale after a newer one arrived',
			entry('10:02:30'),
			entry('10:00:00', { stale: true }),
			entry('10:02:30'),
		],
		['a frame overtaken on the way', entry('10:00:05'), entry('10:00:00'), entry('10:00:05')],
	])('keeps the right state for %s', (_, current, update, expected) => {
		expect(mergeFramePosition(current, update)).toEqual(expected);
	});
});

describe('PositionFrame', () => {
	it('reads a frame as it arrives over the socket, dates as ISO strings', () => {
		const wire = JSON.parse(
			JSON.stringify({ estateId: 'estate-1', at: at('10:00:01'), positions: [entry('10:00:00')] }),
		) as unknown;
		expect(PositionFrame.parse(wire)).toEqual({
			estateId: 'estate-1',
			at: at('10:00:01'),
			positions: [entry('10:00:00')],
		});
	});

	it('refuses a position with a role the map has no layer for', () => {
		expect(FramePosition.safeParse({ ...entry('10:00:00'), role: 'finance' }).success).toBe(false);
	});
});
