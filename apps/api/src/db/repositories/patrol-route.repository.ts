import { PatrolRoute } from '@estate-ops/domain/patrols';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import {
	estates,
	mapFeatures,
	patrolCheckpoints,
	patrolRouteHistory,
	patrolRoutes,
	zones,
} from '../schema/index';

/**
 * Patrol routes as the domain's `PatrolRoute`, with what the domain does not model: the zone each checkpoint
 * lies in, the edit version and when the route was created, last edited or retired.
 */
export type StoredPatrolRoute = {
	readonly route: PatrolRoute;
	readonly zoneOf: ReadonlyMap<string, string | null>;
	readonly version: number;
	readonly createdAt: Date;
	readonly updatedAt: Date;
	readonly archivedAt: Date | null;
};

/** An active checkpoint with its route, as a scan or a plate looks it up. */
export type CheckpointRecord = {
	readonly id: string;
	readonly routeId: string;
	readonly routeName: string;
	readonly code: string;
	readonly name: string;
	readonly point: readonly [number, number];
	readonly zoneId: string | null;
};

type RouteRow = typeof patrolRoutes.$inferSelect;
type CheckpointRow = typeof patrolCheckpoints.$inferSelect;

function toStored(row: RouteRow, checkpoints: readonly CheckpointRow[]): StoredPatrolRoute {
	const ordered = [...checkpoints].sort((a, b) => a.sequence - b.sequence);
	const route = PatrolRoute.parse({
		id: row.id,
		estateId: row.estateId,
		name: row.name,
		checkpoints: ordered.map((checkpoint) => ({
			checkpointId: checkpoint.id,
			name: checkpoint.name,
			code: checkpoint.code,
			point: [checkpoint.lng, checkpoint.lat],
			radiusMetres: checkpoint.radiusMetres,
			...(checkpoint.expectedMinute === null ? {} : { expectedMinute: checkpoint.expectedMinute }),
			...(checkpoint.toleranceMinutes === null ? {} : { toleranceMinutes: checkpoint.toleranceMinutes }),
		})),
		day: row.day,
		night: row.night,
		windowMinutes: row.windowMinutes,
		toleranceMinutes: row.toleranceMinutes,
	});
	return {
		route,
		zoneOf: new Map(ordered.map((checkpoint) => [checkpoint.id, checkpoint.zoneId])),
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		archivedAt: row.archivedAt,
	};
}

/**
 * The estate's routes with their checkpoints, oldest first. A retired route is listed with the checkpoints it
 * had when it was retired; an active one with its active checkpoints only.
 */
export async function listPatrolRoutes(
	db: Executor,
	estateId: string,
	options: { readonly includeArchived?: boolean; readonly ids?: readonly string[] } = {},
): Promise<StoredPatrolRoute[]> {
	if (options.ids?.length === 0) return [];
	const routes = await db
		.select()
		.from(patrolRoutes)
		.where(
			and(
				eq(patrolRoutes.estateId, estateId),
				options.includeArchived ? undefined : isNull(patrolRoutes.archivedAt),
				options.ids ? inArray(patrolRoutes.id, [...options.ids]) : undefined,
			),
		)
		.orderBy(asc(patrolRoutes.createdAt), asc(patrolRoutes.id));
	if (routes.length === 0) return [];
	const checkpoints = await db
		.select()
		.from(patrolCheckpoints)
		.where(
			and(
				eq(patrolCheckpoints.estateId, estateId),
				inArray(
					patrolCheckpoints.routeId,
					routes.map((route) => route.id),
				),
			),
		);
	return routes.map((route) =>
		toStored(
			route,
			checkpoints.filter(
				(checkpoint) =>
					checkpoint.routeId === route.id &&
					(route.archivedAt === null
						? checkpoint.archivedAt === null
						: checkpoint.archivedAt?.getTime() === route.archivedAt.getTime()),
			),
		),
	);
}

export async function findPatrolRoute(
	db: Executor,
	estateId: string,
	id: string,
	options: { readonly includeArchived?: boolean } = {},
): Promise<StoredPatrolRoute | null> {
	const [found] = await listPatrolRoutes(db, estateId, { ...options, ids: [id] });
	return found ?? null;
}

/** The estate's time zone (rounds and dates are local to it). */
export async function estateTimeZone(db: Executor, estateId: string): Promise<string | null> {
	const [row] = await db.select({ timeZone: estates.timeZone }).from(estates).where(eq(estates.id, estateId));
	return row?.timeZone ?? null;
}

const checkpointRecord = {
	id: patrolCheckpoints.id,
	routeId: patrolCheckpoints.routeId,
	routeName: patrolRoutes.name,
	code: patrolCheckpoints.code,
	name: patrolCheckpoints.name,
	lng: patrolCheckpoints.lng,
	lat: patrolCheckpoints.lat,
	zoneId: patrolCheckpoints.zoneId,
};

const toCheckpointRecord = (row: {
	id: string;
	routeId: string;
	routeName: string;
	code: string;
	name: string;
	lng: number;
	lat: number;
	zoneId: string | null;
}): CheckpointRecord => ({
	id: row.id,
	routeId: row.routeId,
	routeName: row.routeName,
	code: row.code,
	name: row.name,
	point: [row.lng, row.lat],
	zoneId: row.zoneId,
});

/** The active checkpoint a scanned or typed code names in this estate. */
export async function findCheckpointByCode(
	db: Executor,
	estateId: string,
	code: string,
): Promise<CheckpointRecord | null> {
	const [row] = await db
		.select(checkpointRecord)
		.from(patrolCheckpoints)
		.innerJoin(patrolRoutes, eq(patrolRoutes.id, patrolCheckpoints.routeId))
		.where(
			and(
				eq(patrolCheckpoints.estateId, estateId),
				eq(patrolCheckpoints.code, code),
				isNull(patrolCheckpoints.archivedAt),
			),
		);
	return row ? toCheckpointRecord(row) : null;
}

export async function findCheckpoint(
	db: Executor,
	estateId: string,
	id: string,
): Promise<CheckpointRecord | null> {
	const [row] = await db
		.select(checkpointRecord)
		.from(patrolCheckpoints)
		.innerJoin(patrolRoutes, eq(patrolRoutes.id, patrolCheckpoints.routeId))
		.where(
			and(
				eq(patrolCheckpoints.estateId, estateId),
				eq(patrolCheckpoints.id, id),
				isNull(patrolCheckpoints.archivedAt),
			),
		);
	return row ? toCheckpointRecord(row) : null;
}

/** Which of `codes` active checkpoints of other routes already carry. */
export async function codesTakenElsewhere(
	db: Executor,
	estateId: string,
	codes: readonly string[],
	routeId: string | null,
): Promise<Set<string>> {
	if (codes.length === 0) return new Set();
	const rows = await db
		.select({ code: patrolCheckpoints.code })
		.from(patrolCheckpoints)
		.where(
			and(
				eq(patrolCheckpoints.estateId, estateId),
				inArray(patrolCheckpoints.code, [...codes]),
				isNull(patrolCheckpoints.archivedAt),
				routeId === null ? undefined : ne(patrolCheckpoints.routeId, routeId),
			),
		);
	return new Set(rows.map((row) => row.code));
}

/** Which of `zoneIds` are zones of this estate. */
export async function existingZones(
	db: Executor,
	estateId: string,
	zoneIds: readonly string[],
): Promise<Set<string>> {
	if (zoneIds.length === 0) return new Set();
	const rows = await db
		.select({ id: zones.id })
		.from(zones)
		.where(and(eq(zones.estateId, estateId), inArray(zones.id, [...zoneIds])));
	return new Set(rows.map((row) => row.id));
}

export type RouteWrite = {
	readonly route: PatrolRoute;
	readonly zoneOf: ReadonlyMap<string, string | null>;
	readonly version: number;
	readonly at: Date;
};

function checkpointValues(write: RouteWrite) {
	return write.route.checkpoints.map((checkpoint, index) => ({
		id: checkpoint.checkpointId,
		estateId: write.route.estateId,
		routeId: write.route.id,
		sequence: index + 1,
		code: checkpoint.code,
		name: checkpoint.name,
		lng: checkpoint.point[0],
		lat: checkpoint.point[1],
		zoneId: write.zoneOf.get(checkpoint.checkpointId) ?? null,
		radiusMetres: checkpoint.radiusMetres,
		expectedMinute: checkpoint.expectedMinute ?? null,
		toleranceMinutes: checkpoint.toleranceMinutes ?? null,
		createdAt: write.at,
	}));
}

const routeColumns = (route: PatrolRoute) => ({
	name: route.name,
	day: route.day as unknown,
	night: route.night as unknown,
	windowMinutes: route.windowMinutes,
	toleranceMinutes: route.toleranceMinutes,
});

export async function insertPatrolRoute(tx: Executor, write: RouteWrite): Promise<void> {
	await tx.insert(patrolRoutes).values({
		id: write.route.id,
		estateId: write.route.estateId,
		...routeColumns(write.route),
		version: write.version,
		createdAt: write.at,
		updatedAt: write.at,
	});
	await tx.insert(patrolCheckpoints).values(checkpointValues(write));
}

/**
 * Rewrites a route and its checkpoints if nobody edited it since `expectedVersion`: kept checkpoints are
 * updated in place (scans refer to them), new ones inserted, dropped ones retired. Returns false when the route
 * moved on meanwhile.
 */
export async function updatePatrolRoute(
	tx: Executor,
	write: RouteWrite,
	expectedVersion: number,
): Promise<boolean> {
	const { route } = write;
	const updated = await tx
		.update(patrolRoutes)
		.set({ ...routeColumns(route), version: write.version, updatedAt: write.at })
		.where(
			and(
				eq(patrolRoutes.id, route.id),
				eq(patrolRoutes.estateId, route.estateId),
				eq(patrolRoutes.version, expectedVersion),
				isNull(patrolRoutes.archivedAt),
			),
		)
		.returning({ id: patrolRoutes.id });
	if (updated.length === 0) return false;

	const kept = route.checkpoints.map((checkpoint) => checkpoint.checkpointId as string);
	const current = await tx
		.select({ id: patrolCheckpoints.id })
		.from(patrolCheckpoints)
		.where(and(eq(patrolCheckpoints.routeId, route.id), isNull(patrolCheckpoints.archivedAt)));
	const currentIds = new Set(current.map((row) => row.id));
	const dropped = [...currentIds].filter((id) => !kept.includes(id));
	if (dropped.length > 0) {
		await tx
			.update(patrolCheckpoints)
			.set({ archivedAt: write.at })
			.where(inArray(patrolCheckpoints.id, dropped));
	}
	const stays = kept.filter((id) => currentIds.has(id));
	if (stays.length > 0) {
		// Codes may move between the route's own checkpoints: park them first so the unique key never sees two.
		await tx
			.update(patrolCheckpoints)
			.set({ code: sql`'\u0001' || ${patrolCheckpoints.id}::text` })
			.where(inArray(patrolCheckpoints.id, stays));
	}
	for (const values of checkpointValues(write)) {
		if (currentIds.has(values.id)) {
			const { id, createdAt: _createdAt, ...changes } = values;
			await tx.update(patrolCheckpoints).set(changes).where(eq(patrolCheckpoints.id, id));
		} else {
			await tx.insert(patrolCheckpoints).values(values);
		}
	}
	return true;
}

/** Retires a route and its checkpoints at `at` (the rows stay for the history of its rounds and scans). */
export async function archivePatrolRoute(
	tx: Executor,
	estateId: string,
	id: string,
	expectedVersion: number,
	at: Date,
): Promise<boolean> {
	const updated = await tx
		.update(patrolRoutes)
		.set({ archivedAt: at, updatedAt: at, version: expectedVersion + 1 })
		.where(
			and(
				eq(patrolRoutes.id, id),
				eq(patrolRoutes.estateId, estateId),
				eq(patrolRoutes.version, expectedVersion),
				isNull(patrolRoutes.archivedAt),
			),
		)
		.returning({ id: patrolRoutes.id });
	if (updated.length === 0) return false;
	await tx
		.update(patrolCheckpoints)
		.set({ archivedAt: at })
		.where(and(eq(patrolCheckpoints.routeId, id), isNull(patrolCheckpoints.archivedAt)));
	return true;
}

export async function appendRouteHistory(
	tx: Executor,
	entry: {
		readonly route: PatrolRoute;
		readonly version: number;
		readonly type: string;
		readonly actor: unknown;
		readonly at: Date;
		readonly requestId: string | null;
	},
): Promise<void> {
	await tx.insert(patrolRouteHistory).values({
		estateId: entry.route.estateId,
		routeId: entry.route.id,
		version: entry.version,
		type: entry.type,
		actor: entry.actor,
		at: entry.at,
		route: entry.route as unknown,
		requestId: entry.requestId,
	});
}

export async function routeHistoryOf(db: Executor, estateId: string, routeId: string) {
	return db
		.select({
			version: patrolRouteHistory.version,
			type: patrolRouteHistory.type,
			actor: patrolRouteHistory.actor,
			at: patrolRouteHistory.at,
		})
		.from(patrolRouteHistory)
		.where(and(eq(patrolRouteHistory.estateId, estateId), eq(patrolRouteHistory.routeId, routeId)))
		.orderBy(asc(patrolRouteHistory.version));
}

/**
 * Keeps the site plan's checkpoint features (what the map draws) in step with the route: its features are
 * replaced by the route's active checkpoints, or removed with a retired route. A feature's id is its
 * checkpoint's id, as the seed makes them.
 */
export async function syncCheckpointFeatures(
	tx: Executor,
	estateId: string,
	routeId: string,
	route: PatrolRoute | null,
	at: Date,
): Promise<void> {
	await tx
		.delete(mapFeatures)
		.where(
			and(
				eq(mapFeatures.estateId, estateId),
				eq(mapFeatures.kind, 'checkpoint'),
				sql`${mapFeatures.properties}->>'routeId' = ${routeId}`,
			),
		);
	if (!route) return;
	await tx.insert(mapFeatures).values(
		route.checkpoints.map((checkpoint) => ({
			id: checkpoint.checkpointId,
			estateId,
			kind: 'checkpoint',
			name: checkpoint.name,
			geometry: { type: 'Point', coordinates: [checkpoint.point[0], checkpoint.point[1]] },
			properties: { refId: null, routeId },
			createdAt: at,
		})),
	);
}
