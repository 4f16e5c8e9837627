import type { SlaClockView } from '$lib/api/work-orders';

const RUNNING = ['on_track', 'at_risk', 'breached'];

/** How a clock reads on the order card: the time left (or over), counted in its own measure. */
export type ClockReading = {
	/** `left` before the deadline, `over` past it; `none` before the clock starts. */
	readonly side: 'left' | 'over' | 'none';
	/** Always positive; which side it is on is `side`. */
	readonly ms: number;
	/** Working time of the estate's calendar (nights, weekends and holidays not counted), or wall time. */
	readonly working: boolean;
	/** Share of the allowed time used when the card loaded, 0–100+, for the bar with its 80 % at-risk mark. */
	readonly percent: number;
};

/**
 * Reads a clock as of `now`, from the api's view taken at `loadedAt`. A wall-clock target that is running counts
 * on by itself; a working-time one keeps the api's figure until the card reloads (only the server holds the
 * estate's calendar), and a paused or finished one stands still.
 */
export function readClock(clock: SlaClockView, now: Date, loadedAt: Date): ClockReading {
	const working = clock.measure === 'working';
	const used = clock.usedFraction ?? 0;
	if (clock.remainingMs === null || clock.remainingMs === undefined) {
		return { side: 'none', ms: 0, working, percent: Math.round(used * 100) };
	}
	const running = RUNNING.includes(clock.state) && !working;
	const remaining = clock.remainingMs - (running ? now.getTime() - loadedAt.getTime() : 0);
	return {
		side: remaining < 0 ? 'over' : 'left',
		ms: Math.abs(remaining),
		working,
		percent: Math.round(used * 100),
	};
}
