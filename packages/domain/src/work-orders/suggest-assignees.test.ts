import { describe, expect, it } from 'vitest';
import { Staff } from '../estate/staff';
import { StaffId, ZoneId } from '../shared/ids';
import { requiredSkill, suggestAssignees } from './suggest-assignees';
import { orderAt } from './work-order.fixtures';
import type { WorkOrderCategory } from './work-order-kind';

const person = (id: string, change: Record<string, unknown>) =>
	Staff.parse({
		id,
		estateIds: ['est-1'],
		name: id,
		phone: '13900000000',
		roles: ['technician'],
		department: 'engineering',
		...change,
	});

// The order is a plumbing repair in building b-3.
const order = orderAt('accepted');
const load = (entries: [string, number][]) => new Map(entries.map(([id, n]) => [StaffId.parse(id), n]));

describe('suggestAssignees', () => {
	it('ranks by trade, then area, then load', () => {
		const staff = [
			person('electrician-b3', { skills: ['electrical'], buildingIds: ['b-3'] }),
			person('plumber-elsewhere', { skills: ['plumbing'], buildingIds: ['b-7'] }),
			person('plumber-anywhere', { skills: ['plumbing'] }),
			person('plumber-b3-busy', { skills: ['plumbing'], buildingIds: ['b-3'] }),
			person('plumber-b3', { skills: ['plumbing', 'electrical'], buildingIds: ['b-2', 'b-3'] }),
		];
		const ranked = suggestAssignees(
			order,
			staff,
			load([
				['plumber-b3-busy', 4],
				['plumber-b3', 1],
			]),
		);
		expect(ranked.map((suggestion) => suggestion.staffId)).toEqual([
			'plumber-b3',
			'plumber-b3-busy',
			'plumber-anywhere',
			'plumber-elsewhere',
			'electrician-b3',
		]);
		expect(ranked[0]).toEqual({
			staffId: 'plumber-b3',
			name: 'plumber-b3',
			skillMatch: true,
			areaMatch: 'assigned_area',
			openLoad: 1,
		});
		expect(ranked.at(-1)).toMatchObject({ skillMatch: false, areaMatch: 'assigned_area', openLoad: 0 });
	});

	it('leaves out inactive people, other estates and office roles', () => {
		const staff = [
			person('gone', { skills: ['plumbing'], active: false }),
			person('other-estate', { skills: ['plumbing'], estateIds: ['est-2'] }),
			person('agent', { roles: ['customer_service'], department: 'customer_service' }),
			person('here', { skills: ['plumbing'] }),
		];
		expect(suggestAssignees(order, staff, new Map()).map((suggestion) => suggestion.staffId)).toEqual([
			'here',
		]);
	});

	it('matches a public-area order by the zone its point is in', () => {
		const streetlight = {
			...order,
			category: 'public_facilities' as const,
			location: {
				kind: 'point' as const,
				position: [121.545, 31.215] as [number, number],
				description: '2号路',
				buildingId: null,
				zoneId: ZoneId.parse('z-road-2'),
			},
		};
		const staff = [
			person('road-crew', { skills: ['public_facilities'], zoneIds: ['z-road-2'] }),
			person('tower-crew', { skills: ['public_facilities'], buildingIds: ['b-3'] }),
		];
		expect(suggestAssignees(streetlight, staff, new Map()).map((s) => [s.staffId, s.areaMatch])).toEqual([
			['road-crew', 'assigned_area'],
			['tower-crew', 'elsewhere'],
		]);
	});

	it('ranks by area and load alone when the work needs no trade', () => {
		const visit = { ...order, kind: 'booking' as const, category: 'home_visit' as const };
		const ranked = suggestAssignees(
			visit,
			[person('a', { skills: ['plumbing'] }), person('b', {})],
			load([['a', 2]]),
		);
		expect(ranked.map((s) => [s.staffId, s.skillMatch])).toEqual([
			['b', null],
			['a', null],
		]);
	});

	it.each<[WorkOrderCategory, string | null]>([
		['plumbing', 'plumbing'],
		['cleaning_deep', 'cleaning'],
		['sanitation', 'cleaning'],
		['security', 'security'],
		['fees', null],
	])('%s needs the trade %s', (category, skill) => {
		expect(requiredSkill(category)).toBe(skill);
	});
});
