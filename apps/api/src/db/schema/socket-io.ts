import { bigserial, customType, pgTable, timestamp } from 'drizzle-orm/pg-core';

const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Owned by `@socket.io/postgres-adapter` (its default `tableName`): broadcasts between api instances travel
 * by NOTIFY, whose payload is limited to 8000 bytes; larger ones are parked here and the NOTIFY carries the
 * id. The adapter deletes rows older than its cleanup interval (30 s). Only used with `DATABASE_URL`.
 */
export const socketIoAttachments = pgTable('socket_io_attachments', {
	id: bigserial({ mode: 'number' }).unique(),
	createdAt: timestamp({ withTimezone: true, mode: 'date' }).defaultNow(),
	payload: bytes(),
});
