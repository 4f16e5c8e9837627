import type { FlushResult } from './outbox';

export type OutboxLoopOptions = {
	/** One pass over the queue (flushOutbox over the kiosk's store and api). */
	readonly flush: () => Promise<FlushResult>;
	/** After every pass, e.g. to show how many filings are still waiting. */
	readonly onFlushed?: (result: FlushResult) => void;
	/** The first retry's delay; each failed pass doubles it, up to `maxRetryMs`. */
	readonly retryMs?: number;
	readonly maxRetryMs?: number;
};

/** The wait before the next try after `failures` passes in a row that left filings waiting. */
export function retryDelay(failures: number, retryMs: number, maxRetryMs: number): number {
	return Math.min(maxRetryMs, retryMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Sends the outbox when it can: at start, whenever `kick` is called (the browser is back online, a filing
 * was queued), and while filings wait, again after a delay that grows with each failed pass (2 s, 4 s, …
 * 20 s) so a kiosk whose api is down for hours does not hammer it. Passes never overlap: a kick during a
 * pass runs one more pass right after it.
 */
export class OutboxLoop {
	readonly #options: Required<Omit<OutboxLoopOptions, 'onFlushed'>> & Pick<OutboxLoopOptions, 'onFlushed'>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running = false;
	#again = false;
	#failures = 0;
	#started = false;

	constructor(options: OutboxLoopOptions) {
		this.#options = { retryMs: 2_000, maxRetryMs: 20_000, ...options };
	}

	/** Starts with a pass now; returns the function that stops the loop (an `$effect` cleanup). */
	start(): () => void {
		this.#started = true;
		this.kick();
		return () => this.stop();
	}

	stop(): void {
		this.#started = false;
		this.#clearTimer();
	}

	/** A pass now (or right after the one under way). */
	kick(): void {
		if (!this.#started) return;
		this.#clearTimer();
		if (this.#running) {
			this.#again = true;
			return;
		}
		void this.#pass();
	}

	async #pass(): Promise<void> {
		this.#running = true;
		let waiting: boolean;
		try {
			const result = await this.#options.flush();
			this.#options.onFlushed?.(result);
			waiting = result.pending > 0;
		} catch {
			// The store failed (IndexedDB closed under us): try again later like an unanswered api.
			waiting = true;
		}
		this.#running = false;
		this.#failures = waiting ? this.#failures + 1 : 0;
		if (!this.#started) return;
		if (this.#again) {
			this.#again = false;
			this.kick();
			return;
		}
		if (waiting) {
			const { retryMs, maxRetryMs } = this.#options;
			this.#timer = setTimeout(() => this.kick(), retryDelay(this.#failures, retryMs, maxRetryMs));
		}
	}

	#clearTimer(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
