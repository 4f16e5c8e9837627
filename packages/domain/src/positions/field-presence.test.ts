import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../estate/geo-json';
import { becameStaleBetween, fieldPresence, fieldRoleOf, staleWindow } from './field-presence';

const at = (time: string): Date => new Date(`2026-03-02T${time}+08:00`);

const estate: AreaGeometry = {
	type: 'Polygon',
	coordinates: [
		[
			[121.47, 31.228],
			[121.478, 31.228],
			[121.478, 31.235],
			[121.47, 31.235],
			[121.47, 31.228],
		],
	],
};
const inside: [number, number] = [121.474, 31.231];
const acrossTheRoad: [number, number] = [121.48, 31.231];

describe('fieldRoleOf', () => {
	it.each<[string, Parameters<typeof fieldRoleOf>[0], ReturnType<typeof fieldRoleOf>]>([
		['a guard', ['guard'], 'guard'],
		['a cleaner', ['cleaner'], 'cleaner'],
		['a technician', ['technician'], 'technician'],
		['a technician who also stands guard, on the guard layer', ['technician', 'guard'], 'guard'],
		['a cleaner and technician, on the cleaning layer', ['technician', 'cleaner'], 'cleaner'],
		['an office role', ['control_room', 'dispatcher'], null],
	])('puts %s on its layer', (_, roles, role) => {
		expect(fieldRoleOf(roles)).toBe(role);
	});
});

describe('fieldPresence', () => {
	it.each<[string, string, [number, number], string, { stale: boolean; outside: boolean }]>([
		['a fresh fix inside', '10:00:00', inside, '10:01:59', { stale: false, outside: false }],
		['two minutes of silence', '10:00:00', inside, '10:02:00', { stale: true, outside: false }],
		['a fresh fix across the road', '10:00:00', acrossTheRoad, '10:00:30', { stale: false, outside: true }],
		[
			'a silent guard last seen outside',
			'10:00:00',
			acrossTheRoad,
			'10:05:00',
			{ stale: true, outside: true },
		],
	])('shows %s', (_, fixAt, point, now, expected) => {
		expect(fieldPresence({ at: at(fixAt), point }, at(now), estate)).toEqual(expected);
	});

	it('never flags anyone outside an estate without a boundary', () => {
		expect(fieldPresence({ at: at('10:00:00'), point: acrossTheRoad }, at('10:00:10'), null)).toEqual({
			stale: false,
			outside: false,
		});
	});

	it('takes another stale threshold', () => {
		const fix = { at: at('10:00:00'), point: inside };
		expect(fieldPresence(fix, at('10:00:30'), estate, { staleAfterMs: 20_000 }).stale).toBe(true);
	});
});

describe('becameStaleBetween', () => {
	it.each<[string, string, boolean]>([
		['a fix whose two minutes end inside the window', '10:00:03', true],
		['a fix whose two minutes end exactly at the end of the window', '10:00:05', true],
		['a fix whose two minutes ended at the start of the window (announced last time)', '10:00:00', false],
		['a fix still fresh at the end of the window', '10:00:06', false],
		['a fix that went stale long ago', '09:30:00', false],
	])('says %s: %s', (_, fixAt, expected) => {
		expect(becameStaleBetween(at(fixAt), at('10:02:00'), at('10:02:05'))).toBe(expected);
	});

	it('gives the window of fix times a database query needs', () => {
		expect(staleWindow(at('10:02:00'), at('10:02:05'))).toEqual({
			fixAfter: at('10:00:00'),
			fixUpTo: at('10:00:05'),
		});
	});
});
