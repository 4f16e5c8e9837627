import type { WireEvent } from '$lib/api/events';
import type { ApiFailure } from '$lib/api/http';
import type { PatrolLog, PatrolRouteView, PatrolsApi, RoundsOfDay } from './patrols-api';
import { applyPatrolEventToDay, isPatrolEvent } from './round-progress';

/** Where the page hears of changes: the live estate's event stream. */
export type PatrolEventSource = { onEvent(listener: (event: WireEvent) => void): () => void };

/**
 * One day of patrols for the patrol page: every route's rounds with their checkpoints, the routes themselves
 * and the patrol log. Live events move checkpoints on at once; a new round, an edited route or the clock
 * (rounds start and close on time, not on an event) make it read the day again.
 */
export class PatrolDay {
	day: RoundsOfDay | null = $state.raw(null);
	routes: readonly PatrolRouteView[] = $state.raw([]);
	log: PatrolLog | null = $state.raw(null);
	failure: ApiFailure | null = $state(null);
	loading = $state(false);

	readonly #api: Pick<PatrolsApi, 'rounds' | 'routes' | 'log'>;
	#date: string | undefined;
	#inFlight = false;
	#again = false;

	constructor(api: Pick<PatrolsApi, 'rounds' | 'routes' | 'log'>) {
		this.#api = api;
	}

	/** Reads the day (`undefined`: today); a read asked for while one runs runs once more after it. */
	async load(date: string | undefined): Promise<void> {
		this.#date = date;
		if (this.#inFlight) {
			this.#again = true;
			return;
		}
		this.#inFlight = true;
		this.loading = true;
		try {
			do {
				this.#again = false;
				const asked = this.#date;
				const [day, routes, log] = await Promise.all([
					this.#api.rounds(asked),
					this.#api.routes(),
					this.#api.log(asked),
				]);
				if (asked !== this.#date) continue;
				this.failure = !day.ok ? day.failure : !routes.ok ? routes.failure : null;
				if (day.ok) this.day = day.value;
				if (routes.ok) this.routes = routes.value;
				if (log.ok) this.log = log.value;
			} while (this.#again);
		} finally {
			this.#inFlight = false;
			this.loading = false;
		}
	}

	/** Follows the live stream and the clock; returns the function that stops (an `$effect` cleanup). */
	follow(events: PatrolEventSource, everyMs = 60_000): () => void {
		const stop = events.onEvent((event) => {
			if (!isPatrolEvent(event) || !this.day) return;
			const outcome = applyPatrolEventToDay(this.day, event);
			this.day = outcome.day;
			// A scan is also a line of the log; a new round or a route edit only the api can place.
			if (outcome.reload || event.type === 'patrol.checkpointVisited' || event.type === 'patrol.scanNotCounted')
				void this.load(this.#date);
		});
		const timer = setInterval(() => void this.load(this.#date), everyMs);
		return () => {
			stop();
			clearInterval(timer);
		};
	}
}
