import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '../db/database';
import { appendEvents as appendToOutbox, type NewOutboxEvent } from '../db/repositories/event.repository';
import { createCleaningService } from '../services/cleaning.service';
import type { ClusterLocks } from './cluster-lock';
import { createPeriodicTimer } from './periodic-timer';

/** The cluster-wide lock name: one cleaning pass at a time across every api instance on the database. */
export const CLEANING_WATCH_LOCK = 'cleaning-watch';

/** Rounds fall due on the minute: a pass a minute turns a zone overdue on the map within a minute. */
export const DEFAULT_CLEANING_WATCH_INTERVAL_MS = 60_000;

type JobLogger = {
	info(details: object, message: string): void;
	error(details: object, message: string): void;
};

export type CleaningWatchJobDeps = {
	readonly db: Database;
	readonly locks: Pick<ClusterLocks, 'withClusterLock'>;
	readonly now: () => Date;
	readonly intervalMs?: number;
	readonly logger?: JobLogger;
	readonly appendEvents?: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

export type CleaningWatchRun =
	| {
			readonly ran: true;
			readonly estates: number;
			readonly announced: number;
			readonly failures: readonly { estateId: string; error: unknown }[];
	  }
	| { readonly ran: false };

export type CleaningWatchJob = {
	/** Runs a pass at once, then one every interval after the previous pass ends. */
	start(): void;
	/** No further passes; resolves when the pass in flight (if any) has finished. */
	stop(): Promise<void>;
	/** One pass as of `at` (the injected clock by default), under the cluster lock. */
	runOnce(at?: Date): Promise<CleaningWatchRun>;
};

/**
 * The cleaning watch (DESIGN.md, "Scaling past one machine"): every instance ticks and `withClusterLock` lets
 * one of them work out each zone's status (done / due / overdue) and announce the zones whose status changed
 * since they were last announced, so the map's fill turns overdue without anyone asking.
 */
export function createCleaningWatchJob(deps: CleaningWatchJobDeps): CleaningWatchJob {
	const intervalMs = deps.intervalMs ?? DEFAULT_CLEANING_WATCH_INTERVAL_MS;
	const service = createCleaningService({
		db: deps.db,
		now: deps.now,
		newId: randomUUID,
		appendEvents: deps.appendEvents ?? appendToOutbox,
	});

	async function runOnce(at: Date = deps.now()): Promise<CleaningWatchRun> {
		const result = await deps.locks.withClusterLock(CLEANING_WATCH_LOCK, () => service.refreshAll(at));
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
					'cleaning watch failed for an estate',
				);
			}
			if (run.announced > 0) {
				deps.logger?.info(
					{ announced: run.announced, ms: Math.round(performance.now() - started) },
					'cleaning watch pass',
				);
			}
		} catch (error) {
			deps.logger?.error({ err: error }, 'cleaning watch pass failed');
		}
	}

	const timer = createPeriodicTimer(tick, intervalMs, 0);
	return { start: timer.start, stop: timer.stop, runOnce };
}
