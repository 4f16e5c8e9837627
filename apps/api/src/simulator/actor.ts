import { ApiError } from './api-client';

/** One simulated person (or the desk, or the kiosk's residents), moved on by the simulator's tick. */
export type SimulatedActor = {
	/** Who this is, for the log: "guard 张伟". */
	readonly label: string;
	/** Moves the actor on to `nowMs`: its phone's fixes, then whatever step is due, through the api. */
	tick(nowMs: number): Promise<void>;
};

/**
 * Whether the api refused a step for good (4xx: someone else moved the order on, the round closed …): the
 * actor then lets it go. Anything else (the network, a 5xx) is tried again at a later tick.
 */
export const isRefusal = (error: unknown): error is ApiError =>
	error instanceof ApiError &&
	error.status >= 400 &&
	error.status < 500 &&
	error.status !== 401 &&
	error.status !== 429;
