import {
	bigserial,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns';
import { estates } from './estates';
import { staff } from './staff';

/*
 * Field positions (DESIGN.md: high-rate telemetry). Every coordinate here is WGS-84: reports in GCJ-02 or
 * BD-09 are converted before they are stored.
 */

/**
 * The track: every accepted fix, appended in batches. The key is the person and the device's time, so a fix
 * resent to another api instance is kept once.
 */
export const positionFixes = pgTable(
	'position_fixes',
	{
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		personId: uuid()
			.notNull()
			.references(() => staff.id),
		/** The field phone that sent it; null when it came from a staff session (the field view). */
		deviceId: uuid(),
		deviceTime: instant().notNull(),
		receivedAt: instant().notNull(),
		lng: doublePrecision().notNull(),
		lat: doublePrecision().notNull(),
		accuracyM: real().notNull(),
		headingDeg: real(),
		speedMps: real(),
		batteryPct: real(),
		/** The datum it was reported in, for tracing a misplaced point back to its source. */
		reportedDatum: text().notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.personId, t.deviceTime] }),
		index('position_fixes_estate_time_idx').on(t.estateId, t.deviceTime),
	],
);

/** The latest fix per person: what the map shows on load and what the stale watch reads. */
export const positionsLatest = pgTable(
	'positions_latest',
	{
		personId: uuid()
			.primaryKey()
			.references(() => staff.id),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		/** The map layer: guard, cleaner or technician. */
		role: text().notNull(),
		deviceId: uuid(),
		deviceTime: instant().notNull(),
		receivedAt: instant().notNull(),
		lng: doublePrecision().notNull(),
		lat: doublePrecision().notNull(),
		accuracyM: real().notNull(),
		headingDeg: real(),
		speedMps: real(),
		batteryPct: real(),
	},
	(t) => [
		index('positions_latest_estate_idx').on(t.estateId),
		index('positions_latest_time_idx').on(t.deviceTime),
	],
);

/**
 * Alerts raised from the field (SOS first). `state` holds the domain's `FieldAlert` whole; the other columns
 * are copies for filters, written in the same statement.
 */
export const fieldAlerts = pgTable(
	'field_alerts',
	{
		id: uuid().primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		kind: text().notNull(),
		status: text().notNull(),
		personId: uuid()
			.notNull()
			.references(() => staff.id),
		raisedAt: instant().notNull(),
		version: integer().notNull(),
		state: jsonb().$type<unknown>().notNull(),
		updatedAt: instant().notNull(),
	},
	(t) => [
		index('field_alerts_estate_status_idx').on(t.estateId, t.status, t.raisedAt),
		index('field_alerts_person_idx').on(t.personId, t.status),
	],
);

/** One row per alert event (raised, repeated, acknowledged, resolved), numbered by the alert's version. */
export const fieldAlertHistory = pgTable(
	'field_alert_history',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		alertId: uuid()
			.notNull()
			.references(() => fieldAlerts.id),
		version: integer().notNull(),
		type: text().notNull(),
		actor: jsonb().$type<unknown>().notNull(),
		at: instant().notNull(),
		event: jsonb().$type<unknown>().notNull(),
		requestId: text(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('field_alert_history_alert_version_key').on(t.alertId, t.version)],
);
