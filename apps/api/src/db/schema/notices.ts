import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { staff } from './staff';

/** Notices (公告) to the whole estate or to some buildings, shown on kiosks between publish and expiry. */
export const notices = pgTable(
	'notices',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		title: text().notNull(),
		body: text().notNull(),
		/** `{ "scope": "estate" }` or `{ "scope": "buildings", "buildingIds": [...] }`. */
		audience: jsonb().$type<unknown>().notNull(),
		pinned: boolean().notNull().default(false),
		publishAt: instant().notNull(),
		expireAt: instant(),
		createdBy: uuid().references(() => staff.id),
		createdAt: createdAt(),
		updatedAt: instant().notNull().defaultNow(),
		deletedAt: instant(),
	},
	(t) => [index('notices_estate_publish_idx').on(t.estateId, t.publishAt)],
);
