import type { Database, Executor } from '../db/database';
import { appendEvents as appendToOutbox, type NewOutboxEvent } from '../db/repositories/event.repository';
import { createPatrolWatchService, type PatrolWatchScan } from '../services/patrol-watch.service';
import type { ClusterLocks } from './cluster-lock';
import { createPeriodicTimer } from './periodic-timer';

/** The cluster-wide lock name: one patrol pass at a time across every api instance on the database. */
export const PATROL_WATCH_LOCK = 'patrol-watch';

/** Rounds are planned in minutes and checkpoints are late by minutes: a pass a minute is soon enough. */
export const DEFAULT_PATROL_WATCH_INTERVAL_MS = 60_000;

type JobLogger = {
	info(details: object, message: string): void;
	error(details: object, message: string): void;
};

export type PatrolWatchJobDeps = {
	readonly db: Database;
	readonly locks: Pick<ClusterLocks, 'withClusterLock'>;
	readonly now: () => Date;
	readonly intervalMs?: number;
	readonly logger?: JobLogger;
	readonly appendEvents?: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

export type PatrolWatchRun = ({ readonly ran: true } & PatrolWatchScan) | { readonly ran: false };

export type PatrolWatchJob = {
	/** Runs a pass at once, then one every interval after the previous pass ends. */
	start(): void;
	/** No further passes; resolves when the pass in flight (if any) has finished. */
	stop(): Promise<void>;
	/** One pass as of `at` (the injected clock by default), under the cluster lock. */
	runOnce(at?: Date): Promise<PatrolWatchRun>;
};

/**
 * The patrol job (DESIGN.md, "Scaling past one machine"): every instance ticks and `withClusterLock` lets one
 * of them store the day's rounds, evaluate the open ones and raise late and missed checkpoints. Each alert is
 * exactly-once by its key in `patrol_alerts`, so even overlapping passes raise it once.
 */
export function createPatrolWatchJob(deps: PatrolWatchJobDeps): PatrolWatchJob {
	const intervalMs = deps.intervalMs ?? DEFAULT_PATROL_WATCH_INTERVAL_MS;
	const service = createPatrolWatchService({
		db: deps.db,
		appendEvents: deps.appendEvents ?? appendToOutbox,
	});

	async function runOnce(at: Date = deps.now()): Promise<PatrolWatchRun> {
		const result = await deps.locks.withClusterLock(PATROL_WATCH_LOCK, () => service.scanAll(at));
		return result.acquired ? { ran: true, ...result.value } : { ran: false };
	}

	async function tick(): Promise<void> {
		const started = performance.now();
		try {
			const run = await runOnce();
			if (!run.ran) return;
			for (const failure of run.failures) {
				deps.logger?.error(
					{ err: failure.error, estateId: failure.estateId },
					'patrol watch failed for an estate',
				);
			}
			if (run.scheduled > 0 || run.raised > 0 || run.closed > 0) {
				deps.logger?.info(
					{
						scheduled: run.scheduled,
						raised: run.raised,
						closed: run.closed,
						evaluated: run.evaluated,
						ms: Math.round(performance.now() - started),
					},
					'patrol watch pass',
				);
			}
		} catch (error) {
			deps.logger?.error({ err: error }, 'patrol watch pass failed');
		}
	}

	const timer = createPeriodicTimer(tick, intervalMs, 0);
	return { start: timer.start, stop: timer.stop, runOnce };
}
