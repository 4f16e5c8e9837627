import type { AreaGeometry } from '@estate-ops/domain/estate';
import { type FramePosition, fieldPresence, STALE_AFTER_MS, staleWindow } from '@estate-ops/domain/positions';
import type { Database } from '../db/database';
import { latestFixedBetween } from '../db/repositories/position.repository';
import type { ClusterLocks } from '../jobs/cluster-lock';
import { estateBoundary } from './position.service';
import { createPeriodicTimer } from '../jobs/periodic-timer';

/** The cluster-wide lock: one stale watch at a time across every api instance on the database. */
export const POSITION_STALE_WATCH_LOCK = 'position-stale-watch';

const DEFAULT_INTERVAL_MS = 5_000;
/** How far back a watch looks when it has not run before (or not for long): a restart announces no old news. */
const MAX_LOOKBACK_MS = 60_000;

type WatchLogger = { error(details: object, message: string): void };

export type PositionStaleWatchDeps = {
	readonly db: Database;
	readonly locks: Pick<ClusterLocks, 'withClusterLock'>;
	readonly now: () => Date;
	/** Where the transitions go: the coalesced frames. */
	readonly push: (estateId: string, position: FramePosition) => void;
	readonly intervalMs?: number;
	readonly logger?: WatchLogger;
};

export type PositionStaleWatch = {
	start(): void;
	stop(): Promise<void>;
	/** One look as of `at`, under the cluster lock: how many people turned stale, or null if another instance looked. */
	runOnce(at?: Date): Promise<number | null>;
};

/**
 * Announces people who turn stale (SPEC: no fix for 2 minutes). Nothing arrives when a phone goes silent, so
 * a watch looks every few seconds, under the cluster lock (DESIGN.md: stale-guard detection runs once per
 * cluster), for latest fixes that crossed the two minutes since its previous look, and pushes them into the
 * frames with `stale: true`. It reads `positions_latest`, which every instance writes, so a person whose phone
 * reports to another instance is judged by their real latest fix; should a newer fix be on its way through
 * another instance meanwhile, the browsers' `mergeFramePosition` keeps the newer one.
 */
export function createPositionStaleWatch(deps: PositionStaleWatchDeps): PositionStaleWatch {
	const intervalMs = deps.intervalMs ?? DEFAULT_INTERVAL_MS;
	let lastLook: Date | undefined;

	async function look(at: Date): Promise<number> {
		const floor = at.getTime() - MAX_LOOKBACK_MS;
		const after = new Date(Math.max(lastLook?.getTime() ?? floor, floor));
		if (after >= at) return 0;
		const window = staleWindow(after, at, STALE_AFTER_MS);
		const turned = await latestFixedBetween(deps.db, window.fixAfter, window.fixUpTo);
		const boundaries = new Map<string, AreaGeometry | null>();
		for (const person of turned) {
			if (!boundaries.has(person.estateId)) {
				boundaries.set(person.estateId, await estateBoundary(deps.db, person.estateId));
			}
			const point: [number, number] = [person.lng, person.lat];
			deps.push(person.estateId, {
				personId: person.personId,
				role: person.role,
				lng: person.lng,
				lat: person.lat,
				accuracyM: person.accuracyM,
				headingDeg: person.headingDeg,
				at: person.deviceTime,
				...fieldPresence({ at: person.deviceTime, point }, at, boundaries.get(person.estateId) ?? null),
			});
		}
		lastLook = at;
		return turned.length;
	}

	async function runOnce(at: Date = deps.now()): Promise<number | null> {
		const result = await deps.locks.withClusterLock(POSITION_STALE_WATCH_LOCK, () => look(at));
		return result.acquired ? result.value : null;
	}

	const timer = createPeriodicTimer(
		() =>
			runOnce().catch((error: unknown) => deps.logger?.error({ err: error }, 'position stale watch failed')),
		intervalMs,
	);
	return { start: timer.start, stop: timer.stop, runOnce };
}
