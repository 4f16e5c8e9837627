import { doublePrecision, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';

/** An estate (小区) of the company. Everything an estate owns carries its `estate_id`. */
export const estates = pgTable(
	'estates',
	{
		id: idColumn(),
		code: text().notNull(),
		name: text().notNull(),
		nameEn: text(),
		timeZone: text().notNull().default('Asia/Shanghai'),
		address: text(),
		centreLng: doublePrecision().notNull(),
		centreLat: doublePrecision().notNull(),
		/** GeoJSON Polygon of the estate's boundary (WGS-84). */
		boundary: jsonb().$type<unknown>().notNull(),
		/** Estate-level settings (CCTV retention days, kiosk idle timeout, spot-check quota …). */
		settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('estates_code_key').on(t.code)],
);
