import type { Actor } from '@estate-ops/domain/estate';
import { PatrolRoute, type PatrolPeriod } from '@estate-ops/domain/patrols';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import { deleteUpcomingRounds } from '../db/repositories/patrol-round.repository';
import {
	appendRouteHistory,
	archivePatrolRoute,
	codesTakenElsewhere,
	estateTimeZone,
	existingZones,
	findPatrolRoute,
	insertPatrolRoute,
	listPatrolRoutes,
	routeHistoryOf,
	syncCheckpointFeatures,
	updatePatrolRoute,
	type StoredPatrolRoute,
} from '../db/repositories/patrol-route.repository';
import { isUuid } from '../db/repositories/site.repository';
import { isUniqueViolation } from '../db/unique-violation';
import { materialiseRounds, operationalDates } from './patrol-round.service';

/** A checkpoint as an editor sends it; `id` keeps an existing checkpoint (and its scans) when editing. */
export type CheckpointInput = {
	readonly id?: string | undefined;
	readonly name: string;
	readonly code: string;
	readonly point: readonly [number, number];
	readonly zoneId?: string | null | undefined;
	readonly radiusMetres?: number | undefined;
	readonly expectedMinute?: number | undefined;
	readonly toleranceMinutes?: number | undefined;
};

export type PatrolRouteInput = {
	readonly name: string;
	readonly checkpoints: readonly CheckpointInput[];
	readonly day: PatrolPeriod;
	readonly night: PatrolPeriod | null;
	readonly windowMinutes: number;
	readonly toleranceMinutes?: number | undefined;
};

export type PatrolRouteServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

/** The outbox payload of `patrol.routeCreated`, `patrol.routeUpdated` and `patrol.routeArchived`. */
export type PatrolRouteEventPayload = {
	readonly routeId: string;
	readonly name: string;
	readonly version: number;
	readonly checkpointIds: readonly string[];
	readonly at: string;
	readonly actor: Actor;
};

type EditOptions = { readonly expectedVersion?: number | undefined; readonly requestId: string | null };

const notFound = () => err('PATROL_ROUTE.NOT_FOUND', 'No such patrol route.');
const versionConflict = (expected: number, current?: number) =>
	err('PATROL_ROUTE.VERSION_CONFLICT', 'The route has changed since you loaded it: reload and try again.', {
		details: { expectedVersion: expected, ...(current === undefined ? {} : { currentVersion: current }) },
	});

/** The body's field for a path of the domain's `PatrolRoute` (a checkpoint's `checkpointId` is the body's `id`). */
const bodyPath = (path: readonly PropertyKey[]): string =>
	path.map((part) => (part === 'checkpointId' ? 'id' : String(part))).join('.');

/**
 * Patrol route editing (巡逻路线): the domain's `PatrolRoute` validates every version; the route, its
 * checkpoints, its history, the map's checkpoint features, its rounds from now on and the outbox event are
 * written in one transaction.
 */
export function createPatrolRouteService(deps: PatrolRouteServiceDeps) {
	const { db, now } = deps;

	async function requireTimeZone(estateId: string): Promise<string> {
		const timeZone = await estateTimeZone(db, estateId);
		if (!timeZone)
			throw new Error(`estate ${estateId} has no row: principals are only issued for existing estates`);
		return timeZone;
	}

	/** Builds the domain's route from the input, or says which fields are wrong. */
	async function validate(
		estateId: string,
		routeId: string,
		input: PatrolRouteInput,
		currentCheckpointIds: ReadonlySet<string> | null,
	): Promise<Result<{ route: PatrolRoute; zoneOf: Map<string, string | null> }, DomainError>> {
		const unknownId = input.checkpoints.findIndex(
			(checkpoint) => checkpoint.id !== undefined && !(currentCheckpointIds?.has(checkpoint.id) ?? false),
		);
		if (unknownId >= 0) {
			return err(
				'PATROL_ROUTE.UNKNOWN_CHECKPOINT',
				'This route has no such checkpoint; leave the id out for a new one.',
				{
					path: ['checkpoints', unknownId, 'id'],
				},
			);
		}
		const zoneIds = [
			...new Set(input.checkpoints.flatMap((checkpoint) => (checkpoint.zoneId ? [checkpoint.zoneId] : []))),
		];
		const zones = await existingZones(db, estateId, zoneIds.filter(isUuid));
		const strayZone = input.checkpoints.findIndex(
			(checkpoint) => checkpoint.zoneId && !zones.has(checkpoint.zoneId),
		);
		if (strayZone >= 0) {
			return err('ZONE.NOT_FOUND', 'No such zone in this estate.', {
				path: ['checkpoints', strayZone, 'zoneId'],
			});
		}

		const ids = input.checkpoints.map((checkpoint) => checkpoint.id ?? deps.newId());
		const parsed = PatrolRoute.safeParse({
			id: routeId,
			estateId,
			name: input.name,
			checkpoints: input.checkpoints.map((checkpoint, index) => ({
				checkpointId: ids[index],
				name: checkpoint.name,
				code: checkpoint.code,
				point: checkpoint.point,
				...(checkpoint.radiusMetres === undefined ? {} : { radiusMetres: checkpoint.radiusMetres }),
				...(checkpoint.expectedMinute === undefined ? {} : { expectedMinute: checkpoint.expectedMinute }),
				...(checkpoint.toleranceMinutes === undefined
					? {}
					: { toleranceMinutes: checkpoint.toleranceMinutes }),
			})),
			day: input.day,
			night: input.night,
			windowMinutes: input.windowMinutes,
			...(input.toleranceMinutes === undefined ? {} : { toleranceMinutes: input.toleranceMinutes }),
		});
		if (!parsed.success) {
			const errors = parsed.error.issues.map((issue) => ({
				path: bodyPath(issue.path),
				message: issue.message,
			}));
			return err('PATROL_ROUTE.INVALID', errors[0]?.message ?? 'The route is not valid.', {
				path:
					parsed.error.issues[0]?.path.map((part) => (part === 'checkpointId' ? 'id' : String(part))) ?? [],
				details: { errors },
			});
		}
		const route = parsed.data;
		const taken = await codesTakenElsewhere(
			db,
			estateId,
			route.checkpoints.map((checkpoint) => checkpoint.code),
			currentCheckpointIds === null ? null : routeId,
		);
		const clash = route.checkpoints.findIndex((checkpoint) => taken.has(checkpoint.code));
		if (clash >= 0) return codeTaken(clash);
		return ok({
			route,
			zoneOf: new Map(
				route.checkpoints.map((checkpoint, index) => [
					checkpoint.checkpointId as string,
					input.checkpoints[index]?.zoneId ?? null,
				]),
			),
		});
	}

	const codeTaken = (index: number) =>
		err('PATROL_ROUTE.CODE_TAKEN', 'Another checkpoint of this estate already has this code.', {
			path: ['checkpoints', index, 'code'],
		});

	function outbox(type: string, stored: StoredPatrolRoute, actor: Actor, at: Date): NewOutboxEvent {
		const payload: PatrolRouteEventPayload = {
			routeId: stored.route.id,
			name: stored.route.name,
			version: stored.version,
			checkpointIds: stored.route.checkpoints.map((checkpoint) => checkpoint.checkpointId),
			at: at.toISOString(),
			actor,
		};
		return {
			estateId: stored.route.estateId,
			type,
			aggregateType: 'patrolRoute',
			aggregateId: stored.route.id,
			payload,
			at,
		};
	}

	/** Writes what every edit writes besides the route itself; a unique clash on a code turns into a refusal. */
	async function inTransaction(
		work: (tx: Executor) => Promise<boolean>,
		input: PatrolRouteInput | null,
	): Promise<Result<boolean, DomainError>> {
		try {
			return ok(await db.transaction(work));
		} catch (error) {
			// Another editor gave the same code to a checkpoint of another route at the same moment.
			if (input && isUniqueViolation(error)) return codeTaken(0);
			throw error;
		}
	}

	return {
		list: (estateId: string, options: { includeArchived?: boolean } = {}) =>
			listPatrolRoutes(db, estateId, options),

		get: (estateId: string, id: string) =>
			isUuid(id) ? findPatrolRoute(db, estateId, id, { includeArchived: true }) : Promise.resolve(null),

		history: (estateId: string, id: string) => routeHistoryOf(db, estateId, id),

		async create(
			estateId: string,
			actor: Actor,
			input: PatrolRouteInput,
			requestId: string | null,
		): Promise<Result<StoredPatrolRoute, DomainError>> {
			const timeZone = await requireTimeZone(estateId);
			const id = deps.newId();
			const valid = await validate(estateId, id, input, null);
			if (!valid.ok) return valid;
			const at = now();
			const stored: StoredPatrolRoute = {
				...valid.value,
				version: 1,
				createdAt: at,
				updatedAt: at,
				archivedAt: null,
			};
			const written = await inTransaction(async (tx) => {
				await insertPatrolRoute(tx, { ...valid.value, version: 1, at });
				await appendRouteHistory(tx, {
					route: stored.route,
					version: 1,
					type: 'patrol.routeCreated',
					actor,
					at,
					requestId,
				});
				await syncCheckpointFeatures(tx, estateId, id, stored.route, at);
				await materialiseRounds(tx, stored, operationalDates(at, timeZone), timeZone);
				await deps.appendEvents(tx, [outbox('patrol.routeCreated', stored, actor, at)]);
				return true;
			}, input);
			if (!written.ok) return written;
			return ok(stored);
		},

		/**
		 * Replaces the route (name, checkpoints in order, periods, window). Rounds already started keep the route
		 * they were generated from; the rounds still to come are generated again from the new version.
		 */
		async update(
			estateId: string,
			id: string,
			actor: Actor,
			input: PatrolRouteInput,
			options: EditOptions,
		): Promise<Result<StoredPatrolRoute, DomainError>> {
			const current = isUuid(id) ? await findPatrolRoute(db, estateId, id) : null;
			if (!current) return notFound();
			if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
				return versionConflict(options.expectedVersion, current.version);
			const timeZone = await requireTimeZone(estateId);
			const currentIds = new Set(
				current.route.checkpoints.map((checkpoint) => checkpoint.checkpointId as string),
			);
			const valid = await validate(estateId, id, input, currentIds);
			if (!valid.ok) return valid;
			const at = now();
			const stored: StoredPatrolRoute = {
				...valid.value,
				version: current.version + 1,
				createdAt: current.createdAt,
				updatedAt: at,
				archivedAt: null,
			};
			const written = await inTransaction(async (tx) => {
				if (!(await updatePatrolRoute(tx, { ...valid.value, version: stored.version, at }, current.version)))
					return false;
				await appendRouteHistory(tx, {
					route: stored.route,
					version: stored.version,
					type: 'patrol.routeUpdated',
					actor,
					at,
					requestId: options.requestId,
				});
				await syncCheckpointFeatures(tx, estateId, id, stored.route, at);
				await deleteUpcomingRounds(tx, id, at);
				await materialiseRounds(tx, stored, operationalDates(at, timeZone), timeZone);
				await deps.appendEvents(tx, [outbox('patrol.routeUpdated', stored, actor, at)]);
				return true;
			}, input);
			if (!written.ok) return written;
			if (!written.value) return versionConflict(current.version);
			return ok(stored);
		},

		/** Retires the route: no more rounds; its past rounds, scans and history stay. */
		async archive(
			estateId: string,
			id: string,
			actor: Actor,
			options: EditOptions,
		): Promise<Result<StoredPatrolRoute, DomainError>> {
			const current = isUuid(id) ? await findPatrolRoute(db, estateId, id) : null;
			if (!current) return notFound();
			if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
				return versionConflict(options.expectedVersion, current.version);
			const at = now();
			const stored: StoredPatrolRoute = {
				...current,
				version: current.version + 1,
				updatedAt: at,
				archivedAt: at,
			};
			const written = await inTransaction(async (tx) => {
				if (!(await archivePatrolRoute(tx, estateId, id, current.version, at))) return false;
				await appendRouteHistory(tx, {
					route: stored.route,
					version: stored.version,
					type: 'patrol.routeArchived',
					actor,
					at,
					requestId: options.requestId,
				});
				await syncCheckpointFeatures(tx, estateId, id, null, at);
				await deleteUpcomingRounds(tx, id, at);
				await deps.appendEvents(tx, [outbox('patrol.routeArchived', stored, actor, at)]);
				return true;
			}, null);
			if (!written.ok) return written;
			if (!written.value) return versionConflict(current.version);
			return ok(stored);
		},
	};
}

export type PatrolRouteService = ReturnType<typeof createPatrolRouteService>;
