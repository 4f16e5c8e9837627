import { MAX_FIXES_PER_REPORT } from '@estate-ops/domain/positions';
import type { FixToSend } from './api/positions-api';

/** A report goes out this long after the last one at the latest, while fixes wait. */
export const FLUSH_EVERY_MS = 10_000;
/** …or as soon as this many fixes wait. */
export const FLUSH_AT_FIXES = 20;
/**
 * Fixes kept while the network is away: a few hours at the rate phones report while walking. Beyond it the
 * oldest go first; the newest say where the person is, which is what the control room needs most.
 */
export const MAX_KEPT_FIXES = 5_000;

const timeOf = (fix: FixToSend): number => Date.parse(fix.deviceTime);

/**
 * The phone's queue of position fixes (pure: the caller says what time it is). Fixes wait in device-time
 * order; a report takes the oldest ones, at most the api's 100, and while it is under way no other report
 * starts, so reports leave and land in order. A report that fails puts its fixes back in front, to be sent
 * again later; one that was answered (accepted, duplicates or refused for good) is forgotten.
 */
export class FixBatcher {
	#pending: FixToSend[] = [];
	#inFlight: FixToSend[] | null = null;
	#lastReportAt: number;
	#newest = Number.NEGATIVE_INFINITY;
	#dropped = 0;

	/** `now` is when sharing started: the first report waits for its 10 s or its 20 fixes like any other. */
	constructor(now: number) {
		this.#lastReportAt = now;
	}

	/** Fixes waiting to be sent, the ones of the report under way included. */
	get waiting(): number {
		return this.#pending.length + (this.#inFlight?.length ?? 0);
	}

	/** Fixes let go because the queue was full while offline. */
	get dropped(): number {
		return this.#dropped;
	}

	get reporting(): boolean {
		return this.#inFlight !== null;
	}

	/**
	 * Queues a fix. Platforms repeat the last fix (same timestamp) and may deliver an older one late: neither
	 * moves the person, and the api would drop them, so they are not queued.
	 */
	add(fix: FixToSend): boolean {
		const at = timeOf(fix);
		if (!Number.isFinite(at) || at <= this.#newest) return false;
		this.#newest = at;
		this.#pending.push(fix);
		const over = this.waiting - MAX_KEPT_FIXES;
		if (over > 0) {
			this.#pending.splice(0, Math.min(over, this.#pending.length));
			this.#dropped += over;
		}
		return true;
	}

	/** Whether a report should go out now: fixes wait, none is under way, and it is time or there are enough. */
	due(now: number): boolean {
		if (this.#inFlight !== null || this.#pending.length === 0) return false;
		return this.#pending.length >= FLUSH_AT_FIXES || now - this.#lastReportAt >= FLUSH_EVERY_MS;
	}

	/** Takes the oldest waiting fixes as the next report, or null when one is under way or nothing waits. */
	take(now: number): FixToSend[] | null {
		if (this.#inFlight !== null || this.#pending.length === 0) return null;
		this.#inFlight = this.#pending.splice(0, MAX_FIXES_PER_REPORT);
		this.#lastReportAt = now;
		return [...this.#inFlight];
	}

	/** The report under way was answered: its fixes are the api's now. */
	delivered(): void {
		this.#inFlight = null;
	}

	/** The report under way did not get through: its fixes go back in front of the queue, in order. */
	failed(): void {
		if (this.#inFlight === null) return;
		this.#pending = [...this.#inFlight, ...this.#pending];
		this.#inFlight = null;
	}
}
