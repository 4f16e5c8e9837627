/* eslint-disable svelte/prefer-svelte-reactivity -- the clock swaps in a new Date each tick; nothing mutates one */
/** The time now, ticking once a second: every countdown on screen reads this one clock. */
export class Clock {
	now: Date = $state(new Date());

	/** Ticks until the returned function is called (an `$effect` cleanup). */
	run(intervalMs = 1_000): () => void {
		const timer = setInterval(() => {
			this.now = new Date();
		}, intervalMs);
		return () => clearInterval(timer);
	}
}
