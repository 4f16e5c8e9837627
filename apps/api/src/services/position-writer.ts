import type { StoredFix } from '../db/repositories/position.repository';

/** Appends a batch of fixes to the track and moves the latest rows: `writeFixBatch` over the database. */
export type WriteBatch = (fixes: readonly StoredFix[]) => Promise<void>;

export type PositionWriterOptions = {
	/** How long accepted fixes wait for company before they are written; ~1 s by default. */
	readonly flushMs?: number;
	/** A batch this large is written at once, without waiting for the timer. */
	readonly maxBatch?: number;
};

export type PositionWriter = {
	/**
	 * Queues fixes for the next batch; resolves once the batch that holds them is committed, rejects if it
	 * failed. A caller acknowledges its fixes only after this resolves, so nothing acknowledged is lost.
	 */
	write(fixes: readonly StoredFix[]): Promise<void>;
	/** Writes whatever is queued now (and waits for a batch already being written). */
	flush(): Promise<void>;
	/** Writes what is queued and refuses further writes: the last step before the database closes. */
	close(): Promise<void>;
};

const DEFAULT_FLUSH_MS = 1_000;
const DEFAULT_MAX_BATCH = 500;

type Waiter = { readonly fixes: readonly StoredFix[]; resolve(): void; reject(error: unknown): void };

/**
 * Group commit for the track (DESIGN.md: "persists fixes in batches"). Every report waits for the batch its
 * fixes are in, and a batch is written about once a second (or as soon as it holds `maxBatch` fixes), so the
 * database sees one transaction per second however many phones report, and each phone hears "accepted" only
 * once its fixes are on disk. One batch is written at a time; fixes that arrive meanwhile go in the next.
 */
export function createPositionWriter(
	writeBatch: WriteBatch,
	options: PositionWriterOptions = {},
): PositionWriter {
	const flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
	const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
	let queue: Waiter[] = [];
	let queued = 0;
	let timer: NodeJS.Timeout | undefined;
	let writing: Promise<void> | undefined;
	let closed = false;

	const writeQueued = async (): Promise<void> => {
		clearTimeout(timer);
		timer = undefined;
		while (writing) await writing;
		if (queue.length === 0) return;
		const batch = queue;
		queue = [];
		queued = 0;
		writing = (async () => {
			try {
				await writeBatch(batch.flatMap((waiter) => waiter.fixes));
				for (const waiter of batch) waiter.resolve();
			} catch (error) {
				for (const waiter of batch) waiter.reject(error);
			} finally {
				writing = undefined;
			}
		})();
		await writing;
	};

	const schedule = (): void => {
		if (queued >= maxBatch) {
			void writeQueued();
			return;
		}
		if (timer) return;
		timer = setTimeout(() => void writeQueued(), flushMs);
	};

	return {
		write(fixes) {
			if (closed) return Promise.reject(new Error('the position writer is closed'));
			if (fixes.length === 0) return Promise.resolve();
			return new Promise<void>((resolve, reject) => {
				queue.push({ fixes, resolve, reject });
				queued += fixes.length;
				schedule();
			});
		},
		flush: writeQueued,
		async close() {
			closed = true;
			await writeQueued();
		},
	};
}
