/** Nobody is being waited for, or the seconds left before the kiosk clears itself. */
export type IdlePhase =
	{ readonly phase: 'active' } | { readonly phase: 'countdown'; readonly secondsLeft: number };

export type IdleReturnOptions = {
	/** How long without a touch before the countdown shows. */
	readonly idleMs: number;
	/** How long the countdown runs before everything is cleared. */
	readonly countdownMs: number;
	/** The countdown started, ticked or was cancelled by a touch. */
	readonly onPhase?: (phase: IdlePhase) => void;
	/** Time is up: clear everything and go to the start screen. */
	readonly onIdle: () => void;
};

const SECOND = 1_000;

/**
 * A lobby kiosk is shared: when nobody has touched it for a while it asks whether anyone is still there
 * (a countdown, "touch to continue"), and when nobody answers it clears what the last resident was doing
 * and goes back to the start screen, so the next one never sees it.
 */
export class IdleReturn {
	readonly #options: IdleReturnOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#phase: IdlePhase = { phase: 'active' };
	#started = false;

	constructor(options: IdleReturnOptions) {
		this.#options = options;
	}

	get phase(): IdlePhase {
		return this.#phase;
	}

	/** Someone is using the kiosk: a running countdown is cancelled and the wait starts again. */
	touch(): void {
		if (!this.#started) return;
		this.#clear();
		this.#enter({ phase: 'active' });
		this.#timer = setTimeout(() => this.#countdown(this.#options.countdownMs), this.#options.idleMs);
	}

	/** Starts waiting; returns the function that stops it (an `$effect` cleanup). */
	start(): () => void {
		this.#started = true;
		this.touch();
		return () => this.stop();
	}

	stop(): void {
		this.#started = false;
		this.#clear();
		this.#enter({ phase: 'active' });
	}

	#countdown(leftMs: number): void {
		if (leftMs <= 0) {
			this.#timer = undefined;
			this.#started = false;
			this.#enter({ phase: 'active' });
			this.#options.onIdle();
			return;
		}
		this.#enter({ phase: 'countdown', secondsLeft: Math.ceil(leftMs / SECOND) });
		const tick = Math.min(SECOND, leftMs);
		this.#timer = setTimeout(() => this.#countdown(leftMs - tick), tick);
	}

	#enter(phase: IdlePhase): void {
		const same =
			phase.phase === this.#phase.phase &&
			(phase.phase === 'active' ||
				(this.#phase.phase === 'countdown' && this.#phase.secondsLeft === phase.secondsLeft));
		this.#phase = phase;
		if (!same) this.#options.onPhase?.(phase);
	}

	#clear(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
