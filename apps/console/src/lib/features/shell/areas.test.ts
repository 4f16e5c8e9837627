import { describe, expect, it } from 'vitest';
import { areas, areasFor, isArea } from './areas';

describe('areas', () => {
	it('lists the control room’s areas in navigation order', () => {
		expect(areas).toEqual([
			'map',
			'work-orders',
			'kiosk-undelivered',
			'notices',
			'patrols',
			'incidents',
			'cleaning',
			'quality',
			'kpis',
			'analytics',
			'administration',
		]);
	});

	it.each([
		['map', true],
		['work-orders', true],
		['notices', true],
		['kiosk-undelivered', true],
		['incidents', true],
		['administration', true],
		['overview', false],
		['Map', false],
		['', false],
	])('isArea(%j) is %s', (value, expected) => {
		expect(isArea(value)).toBe(expected);
	});
});

describe('areasFor', () => {
	it.each([
		['a technician (own tasks only)', ['workOrders.readAssigned', 'estate.read'], []],
		[
			'customer service',
			['workOrders.read', 'estate.read', 'staff.read', 'notices.read', 'notices.manage'],
			['map', 'work-orders', 'kiosk-undelivered', 'notices'],
		],
		['a role that only reads notices', ['notices.read'], ['notices']],
		[
			'an administrator',
			[
				'workOrders.read',
				'estate.read',
				'notices.read',
				'patrols.read',
				'incidents.read',
				'cleaning.read',
				'quality.read',
				'kpi.read',
				'staff.manage',
			],
			[...areas],
		],
	])('shows %s only the areas their permissions open', (_, permissions, expected) => {
		expect(areasFor(new Set(permissions))).toEqual(expected);
	});
});
