import type { Database } from '../db/database';
import {
	allEventsAfter,
	type EventBus,
	type OutboxEvent,
	latestSeqOfAll,
	otherTransactionsInFlight,
} from '../db/repositories/event.repository';

type RelayLogger = {
	warn(details: object, message: string): void;
	error(details: object, message: string): void;
};

export type RelayDeps = {
	readonly db: Database;
	readonly bus: EventBus;
	/** Delivers one event; called synchronously, in seq order, never twice for a seq. */
	readonly emit: (event: OutboxEvent) => void;
	readonly now: () => Date;
	readonly logger: RelayLogger;
	/** How long the relay holds back at a seq gap whose transaction may still commit. */
	readonly graceMs?: number;
	/** The fallback read interval, in case a notification is lost. */
	readonly pollMs?: number;
	readonly batchSize?: number;
	/** Whether a transaction that may still commit a missing seq is running; the repository asks PostgreSQL. */
	readonly transactionsInFlight?: () => Promise<boolean>;
};

export type Relay = {
	/** Starts from the highest committed seq (history is the catch-up route's job) and listens. */
	start(): Promise<void>;
	stop(): Promise<void>;
	/** Every seq at or below this has been delivered or judged absent: the horizon of `GET /api/v1/events`. */
	deliveredThrough(): number;
	/** Resolves when no read is running or pending (tests, shutdown). */
	settled(): Promise<void>;
};

const DEFAULT_GRACE_MS = 3_000;
const DEFAULT_POLL_MS = 1_000;
const DEFAULT_BATCH = 500;
/** How soon to look again while holding at a gap. */
const GAP_RETRY_MS = 100;

/**
 * The single reader of the outbox in this process. It reads events after the last seq it delivered, in seq
 * order, woken by NOTIFY (see `appendEvents`) and by a poll; wake-ups that arrive during a read make it read
 * again when the read ends, so there is never more than one read at a time and nothing is read twice.
 *
 * Seq gaps. PostgreSQL takes a seq when a row is inserted, not when it commits: a gap is either a rolled-back
 * transaction (the seq never appears) or one still running (the seq appears later, below seqs already
 * committed). Moving past a gap at once would lose the late event forever; so at a gap the relay holds back
 * everything after it, and moves on when
 *   - the missing seq appears (delivered in order), or
 *   - no other transaction of the database is in flight any more, and a read after that still lacks the seq
 *     (every seq below a committed one was taken earlier, so its transaction has ended: it rolled back), or
 *   - the gap is older than `graceMs` (a few seconds): a transaction that holds a seq longer than that is
 *     logged and its event is not relayed live (clients still find it through the catch-up route when they
 *     reconnect or reload). Live delivery is never stalled longer than the grace by a stuck transaction.
 * On PGlite the second rule always applies at once (one connection, so nothing else is in flight).
 */
export function createRelay(deps: RelayDeps): Relay {
	const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
	const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
	const batchSize = deps.batchSize ?? DEFAULT_BATCH;
	const transactionsInFlight = deps.transactionsInFlight ?? (() => otherTransactionsInFlight(deps.db));

	let cursor = 0;
	let started = false;
	let stopped = false;
	let reading: Promise<void> | undefined;
	let again = false;
	let pollTimer: NodeJS.Timeout | undefined;
	let retryTimer: NodeJS.Timeout | undefined;
	let unsubscribe: (() => Promise<void>) | undefined;
	/** The gap the relay is holding at: right after `after`, first seen at `sinceMs`. */
	let gap: { after: number; sinceMs: number; settledBelow: number } | undefined;

	const wake = (): void => {
		if (stopped || !started) return;
		if (reading) {
			again = true;
			return;
		}
		reading = (async () => {
			try {
				do {
					again = false;
					await drain();
				} while (again && !stopped);
			} catch (error) {
				deps.logger.error({ err: error }, 'relay read failed; retrying on the next poll');
			} finally {
				reading = undefined;
			}
		})();
	};

	const scheduleRetry = (delayMs: number): void => {
		if (retryTimer || stopped) return;
		retryTimer = setTimeout(
			() => {
				retryTimer = undefined;
				wake();
			},
			Math.max(1, delayMs),
		);
		retryTimer.unref();
	};

	/** Whether the relay may move past the gap before `nextSeq`; false means hold back and look again. */
	const mayPassGap = async (nextSeq: number): Promise<boolean> => {
		const nowMs = deps.now().getTime();
		if (!gap || gap.after !== cursor) gap = { after: cursor, sinceMs: nowMs, settledBelow: 0 };
		if (nextSeq <= gap.settledBelow) return true;
		const waited = nowMs - gap.sinceMs;
		if (waited >= graceMs) {
			deps.logger.warn(
				{ missingFrom: cursor + 1, missingTo: nextSeq - 1, waitedMs: waited },
				'outbox seq gap outlived the grace period; relaying past it',
			);
			return true;
		}
		if (!(await transactionsInFlight())) {
			// Every seq below nextSeq was taken before this check; their transactions have all ended, so a
			// read from now on shows them committed or never.
			gap.settledBelow = nextSeq;
			again = true;
			return false;
		}
		scheduleRetry(Math.min(GAP_RETRY_MS, graceMs - waited));
		return false;
	};

	const drain = async (): Promise<void> => {
		for (;;) {
			if (stopped) return;
			const batch = await allEventsAfter(deps.db, { after: cursor, limit: batchSize });
			for (const event of batch) {
				if (stopped) return;
				if (event.seq <= cursor) continue;
				if (event.seq !== cursor + 1 && !(await mayPassGap(event.seq))) return;
				gap = undefined;
				cursor = event.seq;
				try {
					deps.emit(event);
				} catch (error) {
					deps.logger.error({ err: error, seq: event.seq }, 'relay emit failed');
				}
			}
			if (batch.length < batchSize) return;
		}
	};

	return {
		async start() {
			if (started) return;
			cursor = await latestSeqOfAll(deps.db);
			unsubscribe = await deps.bus.subscribe((seq) => {
				if (seq === null || seq > cursor) wake();
			});
			started = true;
			pollTimer = setInterval(wake, pollMs);
			pollTimer.unref();
			wake();
		},
		async stop() {
			stopped = true;
			clearInterval(pollTimer);
			clearTimeout(retryTimer);
			await reading;
			await unsubscribe?.();
		},
		deliveredThrough: () => cursor,
		async settled() {
			while (reading) await reading;
		},
	};
}
