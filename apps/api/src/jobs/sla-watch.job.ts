import type { EscalationPolicy } from '@estate-ops/domain/sla';
import type { Database, Executor } from '../db/database';
import { appendEvents as appendToOutbox, type NewOutboxEvent } from '../db/repositories/event.repository';
import { releaseDueNotifications } from '../db/repositories/notification.repository';
import { notificationView, type NotificationView } from '../services/duty-notification.service';
import { createSlaWatchService, type SlaWatchScan } from '../services/sla-watch.service';
import type { ClusterLocks } from './cluster-lock';
import { createPeriodicTimer } from './periodic-timer';

/** The cluster-wide lock name: one SLA pass at a time across every api instance on the database. */
export const SLA_WATCH_LOCK = 'sla-watch';

export const DEFAULT_SLA_WATCH_INTERVAL_MS = 15_000;

type JobLogger = {
	info(details: object, message: string): void;
	error(details: object, message: string): void;
};

export type SlaWatchJobDeps = {
	readonly db: Database;
	readonly locks: Pick<ClusterLocks, 'withClusterLock'>;
	readonly now: () => Date;
	/** Time between the end of one pass and the start of the next; 15 s by default. */
	readonly intervalMs?: number;
	readonly logger?: JobLogger;
	readonly appendEvents?: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
	readonly policy?: EscalationPolicy;
	/**
	 * Hands delivered notifications to their people (main.ts: each to its `user:<id>` Socket.IO room). Called after
	 * the pass has committed; a person who is not connected finds them in the bell when they next load.
	 */
	readonly deliver?: (notifications: readonly NotificationView[]) => void;
};

/** A pass this instance ran, or `{ ran: false }` when another holder of the cluster lock was running one. */
export type SlaWatchRun =
	({ readonly ran: true; readonly delivered: number } & SlaWatchScan) | { readonly ran: false };

export type SlaWatchJob = {
	/** Runs a pass at once, then one every interval after the previous pass ends. */
	start(): void;
	/** No further passes; resolves when the pass in flight (if any) has finished. */
	stop(): Promise<void>;
	/** One pass as of `at` (the injected clock by default), under the cluster lock. */
	runOnce(at?: Date): Promise<SlaWatchRun>;
};

/**
 * The SLA watch job (DESIGN.md, "Scaling past one machine"): every instance ticks, and `withClusterLock` lets
 * one of them do the pass. Alerts are exactly-once by the database's unique key, so even two passes that do
 * overlap (two instances on PGlite-like locks, or a lock lost mid-pass) raise each alert once.
 */
export function createSlaWatchJob(deps: SlaWatchJobDeps): SlaWatchJob {
	const intervalMs = deps.intervalMs ?? DEFAULT_SLA_WATCH_INTERVAL_MS;
	const service = createSlaWatchService({
		db: deps.db,
		appendEvents: deps.appendEvents ?? appendToOutbox,
		...(deps.policy ? { policy: deps.policy } : {}),
	});

	/**
	 * One pass: the SLA scan (alerts and the notifications they cause), then the delivery step, which releases
	 * every notification whose time has come (queued ones at the start of their person's shift) exactly once.
	 */
	async function runOnce(at: Date = deps.now()): Promise<SlaWatchRun> {
		const result = await deps.locks.withClusterLock(SLA_WATCH_LOCK, async () => {
			const scan = await service.scanAll(at);
			const released = await releaseDueNotifications(deps.db, at);
			return { scan, released };
		});
		if (!result.acquired) return { ran: false };
		const { scan, released } = result.value;
		if (released.length > 0) deps.deliver?.(released.map(notificationView));
		return { ran: true, ...scan, delivered: released.length };
	}

	async function tick(): Promise<void> {
		const started = performance.now();
		try {
			const run = await runOnce();
			if (!run.ran) return;
			for (const failure of run.failures) {
				deps.logger?.error(
					{ err: failure.error, estateId: failure.estateId },
					'sla watch failed for an estate',
				);
			}
			if (run.raised > 0 || run.refreshed > 0 || run.delivered > 0) {
				const ms = Math.round(performance.now() - started);
				deps.logger?.info(
					{
						raised: run.raised,
						refreshed: run.refreshed,
						delivered: run.delivered,
						openOrders: run.openOrders,
						ms,
					},
					'sla watch pass',
				);
			}
		} catch (error) {
			deps.logger?.error({ err: error }, 'sla watch pass failed');
		}
	}

	const timer = createPeriodicTimer(tick, intervalMs, 0);
	return { start: timer.start, stop: timer.stop, runOnce };
}
