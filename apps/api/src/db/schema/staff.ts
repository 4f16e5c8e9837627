import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';

/** Staff accounts. Roles, skills and covered buildings are arrays of the domain's enum values. */
export const staff = pgTable(
	'staff',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		username: text().notNull(),
		displayName: text().notNull(),
		department: text().notNull(),
		roles: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		skills: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		buildingIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		phoneMasked: text(),
		passwordHash: text().notNull(),
		mustChangePassword: boolean().notNull().default(true),
		active: boolean().notNull().default(true),
		failedLogins: integer().notNull().default(0),
		lockedUntil: instant(),
		passwordChangedAt: instant(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('staff_username_key').on(t.username), index('staff_estate_idx').on(t.estateId)],
);

/**
 * Sessions in Lucia's design: the cookie holds a random token; only its SHA-256 (hex) is stored, so a leaked
 * table cannot be replayed.
 */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		staffId: uuid()
			.notNull()
			.references(() => staff.id),
		expiresAt: instant().notNull(),
		createdAt: createdAt(),
		lastSeenAt: instant().notNull().defaultNow(),
		userAgent: text(),
		ip: text(),
	},
	(t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** Device principals: lobby kiosks and field phones, each with a revocable bearer token (hash stored). */
export const devices = pgTable(
	'devices',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		kind: text().notNull(),
		name: text().notNull(),
		tokenHash: text().notNull(),
		staffId: uuid().references(() => staff.id),
		revokedAt: instant(),
		lastSeenAt: instant(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('devices_token_hash_key').on(t.tokenHash), index('devices_estate_idx').on(t.estateId)],
);
