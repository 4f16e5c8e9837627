import { describe, expect, it } from 'vitest';
import { defaultFieldTab, fieldTabsFor, worksInTheField } from './field-home';

const FIELD_WORK = [
	'workOrders.readAssigned',
	'workOrders.fieldUpdate',
	'workOrders.pause',
	'positions.report',
];
const guard = new Set([...FIELD_WORK, 'patrols.read', 'patrols.scan']);
const cleaner = new Set([...FIELD_WORK, 'cleaning.read', 'cleaning.record']);
const technician = new Set(FIELD_WORK);

describe('the field view', () => {
	it.each([
		[['technician'], true],
		[['guard'], true],
		[['cleaner', 'guard'], true],
		[['technician', 'dispatcher'], false],
		[['control_room'], false],
		[[], false],
	] as const)('is where %j land when they sign in: %s', (roles, expected) => {
		expect(worksInTheField(roles)).toBe(expected);
	});

	it.each([
		['a guard', guard, ['tasks', 'patrol']],
		['a cleaner', cleaner, ['tasks', 'cleaning']],
		['a technician', technician, ['tasks']],
		['a control-room operator', new Set(['workOrders.read', 'patrols.read']), []],
	] as const)('gives %s the tabs %j', (_who, permissions, expected) => {
		expect(fieldTabsFor(permissions)).toEqual(expected);
	});

	it.each([
		[['guard'], ['tasks', 'patrol'], 'patrol'],
		[['cleaner'], ['tasks', 'cleaning'], 'cleaning'],
		[['technician'], ['tasks'], 'tasks'],
		[['guard'], [], undefined],
	] as const)('opens %j on %j at %s', (roles, tabs, expected) => {
		expect(defaultFieldTab(roles, tabs)).toBe(expected);
	});
});
