import { describe, expect, it } from 'vitest';
import { ResidentId, StaffId } from '../shared/ids';
import type { Actor } from './actor';
import { staffIdOf } from './actor';
import { Building } from './building';
import { Estate } from './estate';
import type { Position } from './geo-json';
import { Household, membersOn } from './household';
import { MapFeature, toFeatureCollection } from './map-feature';
import { Resident } from './resident';
import { Room } from './room';
import { roomLabel } from './room-label';
import { Staff } from './staff';
import { Unit } from './unit';
import { DevicePrincipalKind, StaffRole } from './staff-role';
import { Zone } from './zone';

const outline: Position[] = [
	[121.54, 31.21],
	[121.55, 31.21],
	[121.55, 31.22],
	[121.54, 31.22],
	[121.54, 31.21],
];
const boundary = { type: 'Polygon', coordinates: [outline] };

const estateInput = {
	id: 'est-1',
	name: '滨江壹号',
	code: 'BJ1',
	centre: [121.545, 31.215],
	boundary,
};

describe('Estate', () => {
	it('defaults the time zone to Asia/Shanghai', () => {
		expect(Estate.parse(estateInput).timeZone).toBe('Asia/Shanghai');
	});

	it.each([
		['a known zone', { timeZone: 'Asia/Hong_Kong' }, true],
		['an unknown zone', { timeZone: 'Mars/Olympus' }, false],
		['a lower-case code', { code: 'bj1' }, false],
		['a centre outside the boundary', { centre: [121.6, 31.215] }, false],
		['a centre with latitude first', { centre: [31.215, 121.545] }, false],
		['an open boundary', { boundary: { type: 'Polygon', coordinates: [outline.slice(0, 4)] } }, false],
	])('with %s parses: %s', (_name, change, valid) => {
		expect(Estate.safeParse({ ...estateInput, ...change }).success).toBe(valid);
	});
});

describe('buildings, rooms and zones', () => {
	it('gives a building no basement and no footprint unless told', () => {
		const building = Building.parse({
			id: 'b-3',
			estateId: 'est-1',
			name: '3栋',
			number: '3',
			kind: 'tower',
			floors: 32,
		});
		expect(building).toMatchObject({ basementFloors: 0, footprint: null });
	});

	it.each([
		[12, true],
		[-1, true],
		[0, false],
	])('a room on floor %i parses: %s', (floor, valid) => {
		const room = { id: 'r-1', buildingId: 'b-3', unitId: 'u-2', floor, number: '1202', areaM2: 143.5 };
		expect(Room.safeParse(room).success).toBe(valid);
	});

	it('rejects a unit without a number', () => {
		expect(Unit.safeParse({ id: 'u-2', buildingId: 'b-3', number: '2' }).success).toBe(true);
		expect(Unit.safeParse({ id: 'u-2', buildingId: 'b-3', number: ' ' }).success).toBe(false);
	});

	it('keeps a corridor zone tied to its building', () => {
		const zone = Zone.parse({
			id: 'z-1',
			estateId: 'est-1',
			name: '3栋楼道',
			kind: 'corridor',
			buildingId: 'b-3',
			geometry: { type: 'Point', coordinates: [121.545, 31.215] },
		});
		expect(zone.buildingId).toBe('b-3');
	});

	it('rejects an unknown zone kind', () => {
		const zone = { id: 'z-1', estateId: 'est-1', name: '泳池', kind: 'pool', geometry: boundary };
		expect(Zone.safeParse(zone).success).toBe(false);
	});
});

describe('roomLabel', () => {
	it.each([
		['zh-Hans', { number: '2' }, '3栋2单元1202'],
		['zh-Hant', { number: '2' }, '3棟2單元1202'],
		['en', { number: '2' }, 'Building 3, Unit 2, Room 1202'],
		['zh-Hans', null, '3栋1202'],
		['en', null, 'Building 3, Room 1202'],
	] as const)('in %s with unit %j reads %s', (locale, unit, label) => {
		expect(roomLabel({ number: '3' }, unit, { number: '1202' }, locale)).toBe(label);
	});

	it('reads in simplified Chinese by default', () => {
		expect(roomLabel({ number: 'A' }, { number: '1' }, { number: '301' })).toBe('A栋1单元301');
	});
});

describe('MapFeature', () => {
	const point = { type: 'Point', coordinates: [121.545, 31.21] };

	it.each([
		['gate', point, true],
		['gate', boundary, false],
		['building', boundary, true],
		['building', point, false],
		['road', { type: 'LineString', coordinates: [outline[0], outline[1]] }, true],
		['checkpoint', point, true],
		['parking_entrance', point, true],
	])('a %s drawn as %j parses: %s', (kind, geometry, valid) => {
		expect(MapFeature.safeParse({ id: 'f-1', estateId: 'est-1', kind, geometry }).success).toBe(valid);
	});

	it('becomes a GeoJSON feature collection for the map', () => {
		const gate = MapFeature.parse({
			id: 'f-1',
			estateId: 'est-1',
			kind: 'gate',
			name: '南门',
			geometry: point,
		});
		expect(toFeatureCollection([gate])).toEqual({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: 'f-1',
					geometry: point,
					properties: { kind: 'gate', name: '南门', refId: null },
				},
			],
		});
	});
});

describe('residents and households', () => {
	it('keeps a resident in simplified Chinese with no ID number unless told', () => {
		const resident = Resident.parse({ id: 'res-1', estateId: 'est-1', name: '王芳', phone: '13812345678' });
		expect(resident).toMatchObject({ locale: 'zh-Hans', idNumber: null });
	});

	const household = Household.parse({
		id: 'hh-1',
		estateId: 'est-1',
		roomId: 'r-1',
		members: [
			{
				residentId: 'res-1',
				relation: 'owner',
				movedInOn: '2020-05-01',
				recordedAt: new Date('2020-05-01T10:00:00+08:00'),
			},
			{
				residentId: 'res-2',
				relation: 'tenant',
				movedInOn: '2024-01-01',
				movedOutOn: '2025-12-31',
				recordedAt: new Date('2024-01-01T10:00:00+08:00'),
			},
		],
	});

	it.each([
		['2019-12-31', []],
		['2024-06-01', ['res-1', 'res-2']],
		['2025-12-31', ['res-1']],
	])('on %s the household is %j', (date, residents) => {
		expect(membersOn(household, date).map((member) => member.residentId)).toEqual(residents);
	});

	it('rejects moving out before moving in', () => {
		const member = {
			residentId: 'res-1',
			relation: 'family',
			movedInOn: '2024-01-02',
			movedOutOn: '2024-01-01',
			recordedAt: new Date(0),
		};
		expect(
			Household.safeParse({ id: 'hh-1', estateId: 'est-1', roomId: 'r-1', members: [member] }).success,
		).toBe(false);
	});
});

describe('staff and principals', () => {
	it('covers the whole estate and is active unless told otherwise', () => {
		const staff = Staff.parse({
			id: 'st-1',
			estateIds: ['est-1'],
			name: '李师傅',
			phone: '13900001111',
			roles: ['technician'],
			department: 'engineering',
		});
		expect(staff).toMatchObject({ skills: [], buildingIds: [], zoneIds: [], active: true });
	});

	it('needs at least one role', () => {
		const staff = {
			id: 'st-1',
			estateIds: ['est-1'],
			name: '李',
			phone: '13900001111',
			roles: [],
			department: 'engineering',
		};
		expect(Staff.safeParse(staff).success).toBe(false);
	});

	it('keeps device principals out of the staff roles', () => {
		expect(StaffRole.options).toHaveLength(11);
		for (const device of DevicePrincipalKind.options) expect(StaffRole.safeParse(device).success).toBe(false);
	});

	it.each<[Actor, string | null]>([
		[{ kind: 'staff', staffId: StaffId.parse('st-1') }, 'st-1'],
		[{ kind: 'field', deviceId: 'phone-7', staffId: StaffId.parse('st-2') }, 'st-2'],
		[{ kind: 'resident', residentId: ResidentId.parse('res-1') }, null],
		[{ kind: 'kiosk', deviceId: 'lobby-3' }, null],
		[{ kind: 'system' }, null],
	])('the staff member behind %j is %s', (actor, staffId) => {
		expect(staffIdOf(actor)).toBe(staffId);
	});
});
