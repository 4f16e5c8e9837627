import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { rooms } from './site-plan';

/** A household (住户) living in one room. */
export const households = pgTable(
	'households',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		roomId: uuid()
			.notNull()
			.references(() => rooms.id),
		movedInOn: text(),
		movedOutOn: text(),
		createdAt: createdAt(),
	},
	(t) => [index('households_room_idx').on(t.roomId)],
);

/**
 * A resident (业主/住户). Phone and ID numbers are sensitive: stored encrypted (AES-256-GCM), with a masked
 * copy for display so that listing residents never needs to decrypt.
 */
export const residents = pgTable(
	'residents',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		householdId: uuid()
			.notNull()
			.references(() => households.id),
		name: text().notNull(),
		relation: text().notNull(),
		phoneEncrypted: text().notNull(),
		phoneMasked: text().notNull(),
		idNumberEncrypted: text(),
		idNumberMasked: text(),
		movedInOn: text(),
		movedOutOn: text(),
		updatedAt: instant().notNull().defaultNow(),
		createdAt: createdAt(),
	},
	(t) => [index('residents_household_idx').on(t.householdId), index('residents_estate_idx').on(t.estateId)],
);
