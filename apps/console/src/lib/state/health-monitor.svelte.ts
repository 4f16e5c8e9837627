import type { Health, HealthCheckResult, HealthFailure } from '$lib/api/health';

/** What the health panel shows: the first check under way, the service answering, or not. */
export type HealthView =
	| { readonly status: 'checking' }
	| { readonly status: 'ok'; readonly health: Health; readonly checkedAt: Date }
	| { readonly status: 'unreachable'; readonly failure: HealthFailure; readonly checkedAt: Date };

type HealthMonitorDeps = {
	readonly check: () => Promise<HealthCheckResult>;
	readonly now: () => Date;
};

/** Keeps the api's health current: the last answer stays on screen while the next check runs. */
export class HealthMonitor {
	view: HealthView = $state({ status: 'checking' });
	/** A check is under way (the first one, a refresh, or a retry). */
	pending: boolean = $state(false);

	readonly #deps: HealthMonitorDeps;
	#running: Promise<void> | undefined;

	constructor(deps: HealthMonitorDeps) {
		this.#deps = deps;
	}

	/** Checks once; a call while a check is under way joins it rather than starting another. */
	refresh(): Promise<void> {
		this.#running ??= this.#check().finally(() => {
			this.#running = undefined;
			this.pending = false;
		});
		return this.#running;
	}

	async #check(): Promise<void> {
		this.pending = true;
		const result = await this.#deps.check();
		const checkedAt = this.#deps.now();
		this.view = result.ok
			? { status: 'ok', health: result.health, checkedAt }
			: { status: 'unreachable', failure: result.failure, checkedAt };
	}

	/** Checks now and every `intervalMs`; returns the function that stops it (an `$effect` cleanup). */
	watch(intervalMs: number): () => void {
		void this.refresh();
		const timer = setInterval(() => void this.refresh(), intervalMs);
		return () => clearInterval(timer);
	}
}
