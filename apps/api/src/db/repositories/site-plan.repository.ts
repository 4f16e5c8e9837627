import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, estates, mapFeatures, rooms, staff, units, zones } from '../schema/index';

/*
 * The estate's map and room directory as the console reads them. It lives beside its routes because the
 * estate area is read-only for now; it moves to db/repositories when estates become editable.
 */

export type Position = [lng: number, lat: number];

/** A GeoJSON geometry as stored; the site plan was validated by the domain's schemas when it was written. */
export type StoredGeometry = { readonly type: string; readonly coordinates: unknown };

export type EstateView = {
	readonly id: string;
	readonly code: string;
	readonly name: string;
	readonly nameEn: string | null;
	readonly timeZone: string;
	readonly address: string | null;
	readonly centre: Position;
	readonly boundary: StoredGeometry;
};

/** Which table a site-plan feature comes from, so the map can style buildings, zones and the rest apart. */
export type SitePlanLayer = 'feature' | 'building' | 'zone';

export type SitePlanFeature = {
	readonly type: 'Feature';
	readonly id: string;
	readonly geometry: StoredGeometry;
	readonly properties: {
		readonly layer: SitePlanLayer;
		readonly kind: string;
		readonly name: string | null;
		readonly [key: string]: unknown;
	};
};

export type RoomView = { readonly id: string; readonly number: string; readonly floor: number };
export type UnitView = { readonly id: string; readonly number: string; readonly rooms: RoomView[] };
export type BuildingView = {
	readonly id: string;
	readonly number: string;
	readonly name: string;
	readonly kind: string;
	readonly floors: number;
	readonly centre: Position | null;
	readonly units: UnitView[];
};

const asGeometry = (value: unknown): StoredGeometry | null => {
	if (typeof value !== 'object' || value === null) return null;
	const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
	return typeof type === 'string' && Array.isArray(coordinates) ? { type, coordinates } : null;
};

export async function findEstate(db: Executor, estateId: string): Promise<EstateView | null> {
	const [row] = await db.select().from(estates).where(eq(estates.id, estateId)).limit(1);
	if (!row) return null;
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		nameEn: row.nameEn,
		timeZone: row.timeZone,
		address: row.address,
		centre: [row.centreLng, row.centreLat],
		boundary: asGeometry(row.boundary) ?? { type: 'Polygon', coordinates: [] },
	};
}

/**
 * Everything drawn on the estate's map: its map features, the building footprints and the zones, as one
 * GeoJSON FeatureCollection. A row whose geometry is missing or malformed is left out rather than breaking
 * the whole map.
 */
export async function sitePlanOf(db: Executor, estateId: string): Promise<SitePlanFeature[]> {
	const [featureRows, buildingRows, zoneRows] = await Promise.all([
		db
			.select()
			.from(mapFeatures)
			.where(eq(mapFeatures.estateId, estateId))
			.orderBy(asc(mapFeatures.createdAt), asc(mapFeatures.id)),
		db.select().from(buildings).where(eq(buildings.estateId, estateId)).orderBy(asc(buildings.number)),
		db.select().from(zones).where(eq(zones.estateId, estateId)).orderBy(asc(zones.name), asc(zones.id)),
	]);
	const features: SitePlanFeature[] = [];
	for (const row of featureRows) {
		const geometry = asGeometry(row.geometry);
		if (geometry)
			features.push({
				type: 'Feature',
				id: row.id,
				geometry,
				properties: { ...row.properties, layer: 'feature', kind: row.kind, name: row.name },
			});
	}
	for (const row of buildingRows) {
		const geometry = asGeometry(row.footprint);
		if (!geometry) continue;
		features.push({
			type: 'Feature',
			id: row.id,
			geometry,
			properties: {
				layer: 'building',
				kind: row.kind,
				name: row.name,
				number: row.number,
				floors: row.floors,
			},
		});
	}
	for (const row of zoneRows) {
		const geometry = asGeometry(row.geometry);
		if (geometry)
			features.push({
				type: 'Feature',
				id: row.id,
				geometry,
				properties: { layer: 'zone', kind: row.kind, name: row.name, buildingId: row.buildingId },
			});
	}
	return features;
}

/** The buildings with their units and rooms, in number order: what the room lookup searches. */
export async function buildingDirectoryOf(db: Executor, estateId: string): Promise<BuildingView[]> {
	const [buildingRows, unitRows, roomRows] = await Promise.all([
		db.select().from(buildings).where(eq(buildings.estateId, estateId)),
		db
			.select({ id: units.id, buildingId: units.buildingId, number: units.number })
			.from(units)
			.where(eq(units.estateId, estateId)),
		db
			.select({ id: rooms.id, unitId: rooms.unitId, number: rooms.number, floor: rooms.floor })
			.from(rooms)
			.where(eq(rooms.estateId, estateId)),
	]);
	const byNumber = (a: { number: string }, b: { number: string }) =>
		a.number.localeCompare(b.number, 'en', { numeric: true });
	const roomsByUnit = new Map<string, RoomView[]>();
	for (const room of roomRows) {
		const list = roomsByUnit.get(room.unitId) ?? [];
		list.push({ id: room.id, number: room.number, floor: room.floor });
		roomsByUnit.set(room.unitId, list);
	}
	const unitsByBuilding = new Map<string, UnitView[]>();
	for (const unit of unitRows) {
		const list = unitsByBuilding.get(unit.buildingId) ?? [];
		list.push({ id: unit.id, number: unit.number, rooms: (roomsByUnit.get(unit.id) ?? []).sort(byNumber) });
		unitsByBuilding.set(unit.buildingId, list);
	}
	return buildingRows.sort(byNumber).map((row) => ({
		id: row.id,
		number: row.number,
		name: row.name,
		kind: row.kind,
		floors: row.floors,
		centre: row.centreLng === null || row.centreLat === null ? null : [row.centreLng, row.centreLat],
		units: (unitsByBuilding.get(row.id) ?? []).sort(byNumber),
	}));
}

export type StaffNameView = {
	readonly id: string;
	readonly name: string;
	readonly roles: string[];
	readonly department: string | null;
	readonly active: boolean;
};

/** Every staff member's name, so timelines and cards say who rather than an id (former staff included). */
export async function staffNamesOf(db: Executor, estateId: string): Promise<StaffNameView[]> {
	const rows = await db
		.select({
			id: staff.id,
			name: staff.displayName,
			roles: staff.roles,
			department: staff.department,
			active: staff.active,
		})
		.from(staff)
		.where(eq(staff.estateId, estateId))
		.orderBy(asc(staff.displayName));
	return rows.map((row) => ({ ...row, roles: [...row.roles], department: row.department ?? null }));
}
