/** Runs a pass now and then, one at a time, and stops by waiting for the pass in flight. */
export interface PeriodicTimer {
	start(): void;
	stop(): Promise<void>;
}

/**
 * Calls `pass` every `intervalMs` after the previous pass ended (so passes never overlap, however long one
 * takes), the first one after `firstDelayMs`. A pass must handle its own errors. A pending timer alone never
 * keeps the process alive.
 */
export function createPeriodicTimer(
	pass: () => Promise<unknown>,
	intervalMs: number,
	firstDelayMs: number = intervalMs,
): PeriodicTimer {
	let timer: NodeJS.Timeout | undefined;
	let running = false;
	let inFlight: Promise<unknown> | undefined;

	function schedule(delayMs: number): void {
		timer = setTimeout(() => {
			timer = undefined;
			inFlight = pass().finally(() => {
				inFlight = undefined;
				if (running) schedule(intervalMs);
			});
		}, delayMs);
		timer.unref();
	}

	return {
		start() {
			if (running) return;
			running = true;
			schedule(firstDelayMs);
		},
		async stop() {
			running = false;
			clearTimeout(timer);
			timer = undefined;
			await inFlight;
		},
	};
}
