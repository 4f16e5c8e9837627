import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { devices, staff } from './staff';

/**
 * Kiosk filings the api refused after the kiosk had queued them offline (未送达的自助报事): the resident left
 * with a "will be sent" receipt, so staff must see what they wanted and follow up by hand. One row per kiosk
 * and idempotency key; the filing is kept as the kiosk sent it, minus the phone digits.
 */
export const kioskUndeliveredFilings = pgTable(
	'kiosk_undelivered_filings',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		deviceId: uuid()
			.notNull()
			.references(() => devices.id),
		idempotencyKey: text().notNull(),
		/** The filing as the kiosk queued it (never with `phoneLast4`). */
		filing: jsonb().$type<Record<string, unknown>>().notNull(),
		problemStatus: integer().notNull(),
		problemTitle: text().notNull(),
		problemDetail: text(),
		problemCode: text(),
		/** When the resident filed at the kiosk (the kiosk's clock). */
		queuedAt: instant().notNull(),
		/** `open` until a member of staff has dealt with it, then `handled`. */
		status: text().notNull().default('open'),
		handledBy: uuid().references(() => staff.id),
		handledAt: instant(),
		handledNote: text(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('kiosk_undelivered_device_key').on(t.deviceId, t.idempotencyKey),
		index('kiosk_undelivered_estate_status_idx').on(t.estateId, t.status, t.createdAt),
	],
);
