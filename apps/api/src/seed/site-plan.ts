import type { Geometry, Position, ZoneKind } from '@estate-ops/domain/estate';
import { Building, Estate, MapFeature, Room, Unit, Zone } from '@estate-ops/domain/estate';
import type { PatrolRoute } from '@estate-ops/domain/patrols';
import type { Executor } from '../db/database';
import { buildings, estates, mapFeatures, rooms, units, zones } from '../db/schema/index';
import { insertInBatches } from './batch';
import type { SiteLayout } from './geometry';
import { demoSiteLayout } from './geometry';
import type { PlacedCheckpoint } from './patrol-routes';
import { demoPatrolRoutes } from './patrol-routes';
import type { Dice } from './random';

export const DEMO_ESTATE = {
	code: 'YJHT',
	name: '御景华庭',
	nameEn: 'Imperial Garden Residences',
	timeZone: 'Asia/Shanghai',
	address: '上海市浦东新区花木路1888弄',
} as const;

/** The control room's 24-hour line (监控中心24小时值班电话), shown by the kiosk with urgent problems. */
export const DEMO_EMERGENCY_PHONE = '021-5878 6110';

export type SeededBuilding = {
	readonly id: string;
	readonly number: string;
	readonly name: string;
	readonly kind: 'tower' | 'clubhouse';
	readonly floors: number;
	readonly centre: Position;
};

export type SeededRoom = {
	readonly id: string;
	readonly buildingId: string;
	readonly buildingNumber: string;
	readonly unitNumber: string;
	readonly floor: number;
	readonly number: string;
	readonly areaM2: number;
};

export type SeededZone = {
	readonly id: string;
	readonly kind: ZoneKind;
	readonly name: string;
	readonly buildingId: string | null;
	readonly geometry: Geometry;
};

export type SeededSite = {
	readonly estateId: string;
	readonly layout: SiteLayout;
	/** The twelve towers, then the clubhouse. */
	readonly buildings: readonly SeededBuilding[];
	readonly towers: readonly SeededBuilding[];
	readonly clubhouse: SeededBuilding;
	readonly unitCount: number;
	readonly rooms: readonly SeededRoom[];
	readonly zones: readonly SeededZone[];
	readonly mapFeatureCount: number;
	readonly patrolRoutes: readonly PatrolRoute[];
};

/** Floor areas (建筑面积) of the flats by how many share a floor: the fewer, the larger. */
const AREA_BY_ROOMS_PER_FLOOR: Readonly<Record<number, readonly number[]>> = {
	2: [238.6, 265.3],
	3: [168.2, 142.5, 175.8],
	4: [128.4, 98.7, 101.2, 131.6],
};

/**
 * The estate row, its buildings, units, rooms, map features (boundary, buildings, roads, greens, water, gates,
 * garage ramps, garbage points, checkpoints) and zones, all validated with the domain's schemas first.
 */
export async function seedSitePlan(db: Executor, dice: Dice, now: Date): Promise<SeededSite> {
	const layout = demoSiteLayout();
	const estateId = dice.uuid();
	Estate.parse({ id: estateId, ...DEMO_ESTATE, centre: layout.centre, boundary: layout.boundary });

	const towers = layout.towers.map((tower): SeededBuilding => ({
		id: dice.uuid(),
		number: tower.number,
		name: tower.name,
		kind: 'tower',
		floors: tower.floors,
		centre: tower.centre,
	}));
	const clubhouse: SeededBuilding = {
		id: dice.uuid(),
		number: '会所',
		name: '会所',
		kind: 'clubhouse',
		floors: 3,
		centre: layout.clubhouse.centre,
	};
	const footprints = new Map<string, Geometry>([
		...layout.towers.map((tower, i): [string, Geometry] => [towers[i]?.id ?? '', tower.footprint]),
		[clubhouse.id, layout.clubhouse.footprint],
	]);
	const allBuildings = [...towers, clubhouse];
	for (const building of allBuildings) {
		Building.parse({ ...building, estateId, basementFloors: 2, footprint: footprints.get(building.id) });
	}

	const unitRows: (typeof units.$inferInsert)[] = [];
	const roomRows: (typeof rooms.$inferInsert)[] = [];
	const seededRooms: SeededRoom[] = [];
	layout.towers.forEach((plan, i) => {
		const tower = towers[i];
		if (!tower) return;
		const areas = AREA_BY_ROOMS_PER_FLOOR[plan.roomsPerUnitFloor] ?? [120];
		for (const unitNumber of ['1', '2']) {
			const unitId = dice.uuid();
			Unit.parse({ id: unitId, buildingId: tower.id, number: unitNumber });
			unitRows.push({ id: unitId, estateId, buildingId: tower.id, number: unitNumber, createdAt: now });
			for (let floor = 1; floor <= plan.floors; floor++) {
				for (let k = 1; k <= plan.roomsPerUnitFloor; k++) {
					const room: SeededRoom = {
						id: dice.uuid(),
						buildingId: tower.id,
						buildingNumber: tower.number,
						unitNumber,
						floor,
						number: `${floor}${String(k).padStart(2, '0')}`,
						areaM2: areas[(k - 1) % areas.length] ?? 120,
					};
					Room.parse({ ...room, unitId });
					seededRooms.push(room);
					roomRows.push({
						id: room.id,
						estateId,
						buildingId: room.buildingId,
						unitId,
						floor,
						number: room.number,
						areaM2: room.areaM2.toFixed(2),
						createdAt: now,
					});
				}
			}
		}
	});

	const place = (checkpoint: SiteLayout['perimeterCheckpoints'][number]): PlacedCheckpoint => ({
		...checkpoint,
		id: dice.uuid(),
	});
	const perimeter = layout.perimeterCheckpoints.map(place);
	const inner = layout.innerCheckpoints.map(place);
	const patrolRoutes = demoPatrolRoutes(
		estateId,
		{ perimeter: dice.uuid(), inner: dice.uuid() },
		perimeter,
		inner,
	);
	const routeOf = new Map<string, string>([
		...perimeter.map((c): [string, string] => [c.id, patrolRoutes[0]?.id ?? '']),
		...inner.map((c): [string, string] => [c.id, patrolRoutes[1]?.id ?? '']),
	]);

	type FeatureRow = typeof mapFeatures.$inferInsert;
	const feature = (
		id: string,
		kind: MapFeature['kind'],
		name: string,
		geometry: Geometry,
		refId: string | null,
		properties: Readonly<Record<string, unknown>> = {},
	): FeatureRow => {
		MapFeature.parse({ id, estateId, kind, name, geometry, refId });
		return { id, estateId, kind, name, geometry, properties: { refId, ...properties }, createdAt: now };
	};
	const featureRows: FeatureRow[] = [
		feature(dice.uuid(), 'boundary', DEMO_ESTATE.name, layout.boundary, estateId),
		...towers.map((tower) =>
			feature(dice.uuid(), 'building', tower.name, footprints.get(tower.id) ?? layout.boundary, tower.id, {
				number: tower.number,
				floors: tower.floors,
			}),
		),
		feature(dice.uuid(), 'clubhouse', clubhouse.name, layout.clubhouse.footprint, clubhouse.id, {
			number: clubhouse.number,
			floors: clubhouse.floors,
		}),
		...layout.features.map((planned) =>
			feature(dice.uuid(), planned.kind, planned.name, planned.geometry, null, planned.properties),
		),
		...[...perimeter, ...inner].map((checkpoint) =>
			// The code stays off the map: guards read it from the plate (the patrol tables keep it).
			feature(checkpoint.id, 'checkpoint', checkpoint.name, checkpoint.geometry, null, {
				routeId: routeOf.get(checkpoint.id),
			}),
		),
	];

	const towerByNumber = new Map(towers.map((tower) => [tower.number, tower]));
	const seededZones = layout.zones.map((planned): SeededZone => {
		const zone: SeededZone = {
			id: dice.uuid(),
			kind: planned.kind,
			name: planned.name,
			buildingId: planned.towerNumber === null ? null : (towerByNumber.get(planned.towerNumber)?.id ?? null),
			geometry: planned.geometry,
		};
		Zone.parse({ ...zone, estateId });
		return zone;
	});

	await db.insert(estates).values({
		id: estateId,
		...DEMO_ESTATE,
		centreLng: layout.centre[0],
		centreLat: layout.centre[1],
		boundary: layout.boundary,
		settings: { emergencyPhone: DEMO_EMERGENCY_PHONE },
		createdAt: now,
	});
	await db.insert(buildings).values(
		allBuildings.map((building) => ({
			id: building.id,
			estateId,
			number: building.number,
			name: building.name,
			kind: building.kind,
			floors: building.floors,
			footprint: footprints.get(building.id),
			centreLng: building.centre[0],
			centreLat: building.centre[1],
			createdAt: now,
		})),
	);
	await insertInBatches(db, units, unitRows);
	await insertInBatches(db, rooms, roomRows);
	await insertInBatches(db, mapFeatures, featureRows);
	await insertInBatches(
		db,
		zones,
		seededZones.map((zone) => ({ ...zone, estateId, createdAt: now })),
	);

	return {
		estateId,
		layout,
		buildings: allBuildings,
		towers,
		clubhouse,
		unitCount: unitRows.length,
		rooms: seededRooms,
		zones: seededZones,
		mapFeatureCount: featureRows.length,
		patrolRoutes,
	};
}
