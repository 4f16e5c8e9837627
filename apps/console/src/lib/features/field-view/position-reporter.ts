import type { ApiResult } from '$lib/api/http';
import type { FixToSend, PositionReportAnswer } from './api/positions-api';
import { deliveryOf } from './delivery';
import { FixBatcher } from './fix-batcher';

/** How often the reporter looks whether a report is due; reports themselves follow FixBatcher's rules. */
export const CHECK_EVERY_MS = 1_000;

/** What became of one report. */
export type ReportOutcome = 'delivered' | 'retry';

/**
 * Whether a report's fixes are done with. An answer (even one refusing some fixes for good) or a refusal of
 * the whole report (400: it would be refused again) lets them go; no answer, a server error, an expired
 * session or a rate limit keeps them for later.
 */
export const outcomeOf = (result: ApiResult<PositionReportAnswer>): ReportOutcome =>
	deliveryOf(result) === 'retry' ? 'retry' : 'delivered';

export type PositionReporterDeps = {
	readonly send: (fixes: readonly FixToSend[]) => Promise<ApiResult<PositionReportAnswer>>;
	readonly now: () => number;
	/** Told after each report and each new fix, for the screen's "n waiting" line. */
	readonly onChange?: () => void;
};

/**
 * Sends the phone's position fixes while sharing is on: queued by FixBatcher, reported every 10 s or at 20
 * fixes, in order, and kept while the network is away (sent when it returns, oldest first).
 */
export class PositionReporter {
	readonly #deps: PositionReporterDeps;
	readonly #batcher: FixBatcher;
	#timer: ReturnType<typeof setInterval> | undefined;
	#lastDeliveredAt: number | null = null;
	#lastOutcome: ReportOutcome | null = null;

	constructor(deps: PositionReporterDeps) {
		this.#deps = deps;
		this.#batcher = new FixBatcher(deps.now());
	}

	get waiting(): number {
		return this.#batcher.waiting;
	}

	get dropped(): number {
		return this.#batcher.dropped;
	}

	/** When a report was last answered, or null before the first. */
	get lastDeliveredAt(): number | null {
		return this.#lastDeliveredAt;
	}

	/** Whether the last report got through; null before the first. */
	get lastOutcome(): ReportOutcome | null {
		return this.#lastOutcome;
	}

	start(): void {
		if (this.#timer !== undefined) return;
		this.#timer = setInterval(() => void this.#report(false), CHECK_EVERY_MS);
	}

	/** Stops looking; what waits stays queued (a restart sends it). */
	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}

	add(fix: FixToSend): void {
		if (!this.#batcher.add(fix)) return;
		this.#deps.onChange?.();
		void this.#report(false);
	}

	/** Sends what waits now, whatever the time (the network came back, sharing is being switched off). */
	flush(): Promise<void> {
		return this.#report(true);
	}

	async #report(force: boolean): Promise<void> {
		const now = this.#deps.now();
		if (!force && !this.#batcher.due(now)) return;
		const fixes = this.#batcher.take(now);
		if (!fixes) return;
		const outcome = outcomeOf(await this.#deps.send(fixes));
		this.#lastOutcome = outcome;
		if (outcome === 'delivered') {
			this.#batcher.delivered();
			this.#lastDeliveredAt = this.#deps.now();
		} else this.#batcher.failed();
		this.#deps.onChange?.();
		// A backlog from a time offline goes out report after report, in order, once the network answers again.
		if (outcome === 'delivered' && this.#batcher.due(this.#deps.now())) await this.#report(false);
	}
}
