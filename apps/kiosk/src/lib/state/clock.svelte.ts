/** The current time, for the kiosk's clock: read from `read` once per tick while started. */
export class Clock {
	/**
	 * A new Date every tick rather than one SvelteDate that changes: a SvelteDate's readers are deriveds
	 * owned by whichever component read it first, and the start screen's clock face comes and goes.
	 */
	now: Date;

	readonly #read: () => Date;

	constructor(read: () => Date) {
		this.#read = read;
		this.now = $state.raw(read());
	}

	/** Ticks every `intervalMs` until the returned function is called (an `$effect` cleanup). */
	start(intervalMs = 1_000): () => void {
		this.#tick();
		const timer = setInterval(() => this.#tick(), intervalMs);
		return () => clearInterval(timer);
	}

	#tick(): void {
		this.now = this.#read();
	}
}
