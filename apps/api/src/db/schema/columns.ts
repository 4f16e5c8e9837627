import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every instant is a `timestamptz` in UTC; estates carry their own time zone for display and calendars. */
export const instant = (name?: string) =>
	name
		? timestamp(name, { withTimezone: true, mode: 'date' })
		: timestamp({ withTimezone: true, mode: 'date' });

export const createdAt = () => instant().notNull().defaultNow();

export const idColumn = () => uuid().primaryKey().defaultRandom();

/** Raw bytes (photos), kept in the database so that every api instance sees every file. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
