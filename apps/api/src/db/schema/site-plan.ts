import {
	doublePrecision,
	index,
	integer,
	jsonb,
	numeric,
	pgTable,
	text,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';
import { estates } from './estates';

/** Buildings (栋): towers, the clubhouse, gatehouses. */
export const buildings = pgTable(
	'buildings',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		number: text().notNull(),
		name: text().notNull(),
		kind: text().notNull(),
		floors: integer().notNull(),
		/** GeoJSON Polygon footprint. */
		footprint: jsonb().$type<unknown>(),
		centreLng: doublePrecision(),
		centreLat: doublePrecision(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('buildings_estate_number_key').on(t.estateId, t.number)],
);

/** Units (单元) of a building. */
export const units = pgTable(
	'units',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		buildingId: uuid()
			.notNull()
			.references(() => buildings.id),
		number: text().notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('units_building_number_key').on(t.buildingId, t.number)],
);

/** Rooms (房号). */
export const rooms = pgTable(
	'rooms',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		buildingId: uuid()
			.notNull()
			.references(() => buildings.id),
		unitId: uuid()
			.notNull()
			.references(() => units.id),
		floor: integer().notNull(),
		number: text().notNull(),
		areaM2: numeric({ precision: 8, scale: 2 }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('rooms_unit_number_key').on(t.unitId, t.number),
		index('rooms_estate_building_idx').on(t.estateId, t.buildingId),
	],
);

/** Cleaning and patrol areas (楼道, 电梯, 道路, 绿化 …) with their geometry. */
export const zones = pgTable(
	'zones',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		kind: text().notNull(),
		name: text().notNull(),
		buildingId: uuid().references(() => buildings.id),
		geometry: jsonb().$type<unknown>().notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('zones_estate_idx').on(t.estateId)],
);

/** Everything drawn on the estate map: roads, greens, water, gates, parking, checkpoints … (GeoJSON). */
export const mapFeatures = pgTable(
	'map_features',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		kind: text().notNull(),
		name: text(),
		geometry: jsonb().$type<unknown>().notNull(),
		properties: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt(),
	},
	(t) => [index('map_features_estate_kind_idx').on(t.estateId, t.kind)],
);
