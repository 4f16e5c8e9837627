import { describe, expect, it } from 'vitest';
import { StaffId } from '../shared/ids';
import type { Polygon } from './geo';
import type { GuardFix } from './guard-position';
import { DeviceId, acceptFix, guardPresence, guardStatus, outsideBoundary } from './guard-position';

const at = (time: string): Date => new Date(`2026-03-02T${time}+08:00`);
const phone = DeviceId.parse('phone-7');

const fix = (time: string, point: [number, number] = [121.474, 31.231], deviceId = phone): GuardFix => ({
	deviceId,
	guardId: StaffId.parse('guard-li'),
	point,
	at: at(time),
});

const estate: Polygon = [
	[
		[121.47, 31.228],
		[121.478, 31.228],
		[121.478, 31.235],
		[121.47, 31.235],
	],
];

describe('acceptFix', () => {
	const latest = new Map([[phone, fix('10:00:30')]]);

	it.each<[string, GuardFix, 'accepted' | 'duplicate' | 'out_of_order']>([
		['a newer fix', fix('10:00:45'), 'accepted'],
		['the same fix sent twice', fix('10:00:30'), 'duplicate'],
		['a fix with the same device time but another point', fix('10:00:30', [121.475, 31.232]), 'duplicate'],
		['an older fix arriving late', fix('10:00:10'), 'out_of_order'],
		['the first fix of another device', fix('09:00:00', undefined, DeviceId.parse('phone-8')), 'accepted'],
	])('judges %s', (_, candidate, status) => {
		expect(acceptFix(latest, candidate).status).toBe(status);
	});

	it('returns the new latest fixes and leaves the old map alone', () => {
		const newer = fix('10:01:00');
		const decision = acceptFix(latest, newer);
		expect(decision.status === 'accepted' && decision.latestByDevice.get(phone)).toBe(newer);
		expect(latest.get(phone)?.at).toEqual(at('10:00:30'));
	});
});

describe('guardPresence', () => {
	it.each<[string, string | null, string, number | undefined, 'live' | 'stale']>([
		['a fresh fix', '10:00:00', '10:01:59', undefined, 'live'],
		['two minutes of silence', '10:00:00', '10:02:00', undefined, 'stale'],
		['a fix slightly ahead of the server clock', '10:00:05', '10:00:00', undefined, 'live'],
		['no fix ever', null, '10:00:00', undefined, 'stale'],
		['a longer threshold configured by the estate', '10:00:00', '10:04:00', 5 * 60_000, 'live'],
	])('shows %s as %s', (_, last, now, staleAfterMs, presence) => {
		const options = staleAfterMs === undefined ? {} : { staleAfterMs };
		expect(guardPresence(last === null ? null : at(last), at(now), options)).toBe(presence);
	});
});

describe('outsideBoundary and guardStatus', () => {
	it.each<[string, [number, number], boolean]>([
		['inside the estate', [121.474, 31.231], false],
		['across the road outside the estate', [121.48, 31.231], true],
	])('says a guard %s is outside: %s', (_, point, outside) => {
		expect(outsideBoundary(point, estate)).toBe(outside);
	});

	it('combines presence and boundary for the map', () => {
		expect(guardStatus(fix('10:00:00', [121.48, 31.231]), at('10:00:30'), estate)).toEqual({
			presence: 'live',
			outsideEstate: true,
		});
	});

	it('cannot judge the boundary without a fix or a boundary', () => {
		expect(guardStatus(null, at('10:00:30'), estate)).toEqual({ presence: 'stale', outsideEstate: null });
		expect(guardStatus(fix('10:00:00'), at('10:00:30'), null, { staleAfterMs: 10_000 })).toEqual({
			presence: 'stale',
			outsideEstate: null,
		});
	});
});
