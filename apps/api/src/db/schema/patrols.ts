import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant } from './columns';
import { estates } from './estates';
import { zones } from './site-plan';
import { staff } from './staff';

/*
 * Security (安保): patrol routes and their checkpoints, the rounds generated from them, the guards' scans, the
 * alerts a late or missed round raised, and incidents. Every coordinate is WGS-84.
 */

/**
 * Patrol routes (巡逻路线). `day` and `night` hold the domain's `PatrolPeriod` as data; the checkpoints are
 * rows of `patrol_checkpoints`. A retired route keeps its rows (`archived_at`) for the history of its rounds.
 */
export const patrolRoutes = pgTable(
	'patrol_routes',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		name: text().notNull(),
		day: jsonb().$type<unknown>().notNull(),
		night: jsonb().$type<unknown>(),
		windowMinutes: integer().notNull(),
		toleranceMinutes: integer().notNull(),
		/** Bumped by every edit; an edit naming an older version is refused. */
		version: integer().notNull(),
		createdAt: createdAt(),
		updatedAt: instant().notNull(),
		archivedAt: instant(),
	},
	(t) => [index('patrol_routes_estate_idx').on(t.estateId)],
);

/** Checkpoints (巡更点) of a route in walking order, each with the code printed as a QR on its plate. */
export const patrolCheckpoints = pgTable(
	'patrol_checkpoints',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		routeId: uuid()
			.notNull()
			.references(() => patrolRoutes.id),
		sequence: integer().notNull(),
		code: text().notNull(),
		name: text().notNull(),
		lng: doublePrecision().notNull(),
		lat: doublePrecision().notNull(),
		zoneId: uuid().references(() => zones.id),
		radiusMetres: real().notNull(),
		expectedMinute: integer(),
		toleranceMinutes: integer(),
		createdAt: createdAt(),
		archivedAt: instant(),
	},
	(t) => [
		// A scanned code names one checkpoint of the estate; retired checkpoints free their codes.
		uniqueIndex('patrol_checkpoints_estate_code_key')
			.on(t.estateId, t.code)
			.where(sql`archived_at is null`),
		index('patrol_checkpoints_route_idx').on(t.routeId, t.sequence),
	],
);

/** Every edit of a route: who, what, when, with the route as it was after the edit. */
export const patrolRouteHistory = pgTable(
	'patrol_route_history',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		routeId: uuid()
			.notNull()
			.references(() => patrolRoutes.id),
		version: integer().notNull(),
		type: text().notNull(),
		actor: jsonb().$type<unknown>().notNull(),
		at: instant().notNull(),
		route: jsonb().$type<unknown>().notNull(),
		requestId: text(),
	},
	(t) => [uniqueIndex('patrol_route_history_route_version_key').on(t.routeId, t.version)],
);

/**
 * Rounds (巡逻班次) as the domain generated them (`round` is the `PatrolRound`, due times included), so that a
 * later edit of the route does not rewrite a round already walked. The id is the domain's `routeId:startISO`.
 * `status` and `completion` are the latest evaluation; `closed_at` is set once the round is over.
 */
export const patrolRounds = pgTable(
	'patrol_rounds',
	{
		id: text().primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		routeId: uuid()
			.notNull()
			.references(() => patrolRoutes.id),
		localDate: text().notNull(),
		period: text().notNull(),
		startsAt: instant().notNull(),
		windowEndsAt: instant().notNull(),
		round: jsonb().$type<unknown>().notNull(),
		/** The guard the round is given to; null while rounds are walked by whoever is on duty. */
		assigneeId: uuid().references(() => staff.id),
		status: text().notNull(),
		completion: real().notNull(),
		closedAt: instant(),
		createdAt: createdAt(),
	},
	(t) => [
		index('patrol_rounds_estate_date_idx').on(t.estateId, t.localDate),
		index('patrol_rounds_open_idx').on(t.estateId, t.closedAt, t.startsAt),
		index('patrol_rounds_route_start_idx').on(t.routeId, t.startsAt),
	],
);

/**
 * Scans (巡更打卡): every scan is kept with the verdict the domain gave it. One guard's scan of one checkpoint
 * counts once per round, whatever the retries (the unique key).
 */
export const patrolScans = pgTable(
	'patrol_scans',
	{
		id: idColumn(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		roundId: text()
			.notNull()
			.references(() => patrolRounds.id),
		routeId: uuid()
			.notNull()
			.references(() => patrolRoutes.id),
		checkpointId: uuid()
			.notNull()
			.references(() => patrolCheckpoints.id),
		guardId: uuid()
			.notNull()
			.references(() => staff.id),
		/** The field phone it came from; null from a staff session. */
		deviceId: uuid(),
		code: text().notNull(),
		method: text().notNull(),
		/** The device's clock when the plate was read. */
		scannedAt: instant().notNull(),
		receivedAt: instant().notNull(),
		lng: doublePrecision().notNull(),
		lat: doublePrecision().notNull(),
		accuracyM: real().notNull(),
		reportedDatum: text().notNull(),
		verdict: text().notNull(),
		distanceMetres: real(),
		offPosition: boolean().notNull(),
		note: text(),
		findings: jsonb().$type<unknown>().notNull(),
		requestId: text(),
	},
	(t) => [
		uniqueIndex('patrol_scans_once_key').on(t.guardId, t.checkpointId, t.roundId),
		index('patrol_scans_estate_time_idx').on(t.estateId, t.scannedAt),
		index('patrol_scans_round_idx').on(t.roundId),
	],
);

/** Patrol alerts already raised (late, missed, round closed), so that each is raised once across passes. */
export const patrolAlerts = pgTable(
	'patrol_alerts',
	{
		key: text().primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		roundId: text()
			.notNull()
			.references(() => patrolRounds.id),
		type: text().notNull(),
		raisedAt: instant().notNull(),
	},
	(t) => [index('patrol_alerts_round_idx').on(t.roundId)],
);

/**
 * Incidents (突发事件). `state` is the domain's `Incident` whole (its checklist, notifications and review); the
 * other columns are copies for filters. `version` is the optimistic-concurrency guard.
 */
export const incidents = pgTable(
	'incidents',
	{
		id: uuid().primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		kind: text().notNull(),
		status: text().notNull(),
		reportedBy: uuid()
			.notNull()
			.references(() => staff.id),
		responderId: uuid().references(() => staff.id),
		reportedAt: instant().notNull(),
		occurredAt: instant().notNull(),
		state: jsonb().$type<unknown>().notNull(),
		version: integer().notNull(),
		updatedAt: instant().notNull(),
	},
	(t) => [
		index('incidents_estate_reported_idx').on(t.estateId, t.reportedAt),
		index('incidents_estate_status_idx').on(t.estateId, t.status),
	],
);

/** Every change to an incident: who, what, when (one row per domain event, numbered by the incident's version). */
export const incidentHistory = pgTable(
	'incident_history',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		estateId: uuid()
			.notNull()
			.references(() => estates.id),
		incidentId: uuid()
			.notNull()
			.references(() => incidents.id),
		version: integer().notNull(),
		type: text().notNull(),
		actor: jsonb().$type<unknown>().notNull(),
		at: instant().notNull(),
		event: jsonb().$type<unknown>().notNull(),
		requestId: text(),
	},
	(t) => [uniqueIndex('incident_history_incident_version_key').on(t.incidentId, t.version)],
);
