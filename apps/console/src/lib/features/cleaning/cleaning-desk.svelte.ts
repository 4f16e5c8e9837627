import type { WireEvent } from '$lib/api/events';
import type { ApiFailure, ApiResult } from '$lib/api/http';
import type { CleaningApi, CleaningDay, ConditionInput, ConditionView } from './cleaning-api';
import { applyCleaningEvent, isCleaningEvent } from './zone-progress';

export type CleaningEventSource = { onEvent(listener: (event: WireEvent) => void): () => void };

/**
 * The cleaning desk: one day's rounds per zone and the extra-round conditions. A round marked done or a zone's
 * new status moves the page at once; a condition switched on or off, or the clock (rounds fall due and
 * overdue on time), make it read the day again.
 */
export class CleaningDesk {
	day: CleaningDay | null = $state.raw(null);
	conditions: readonly ConditionView[] = $state.raw([]);
	failure: ApiFailure | null = $state(null);
	loading = $state(false);

	readonly #api: CleaningApi;
	#date: string | undefined;
	#inFlight = false;
	#again = false;

	constructor(api: CleaningApi) {
		this.#api = api;
	}

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
				const [day, conditions] = await Promise.all([this.#api.day(asked), this.#api.conditions()]);
				if (asked !== this.#date) continue;
				this.failure = day.ok ? null : day.failure;
				if (day.ok) this.day = day.value;
				if (conditions.ok) this.conditions = conditions.value;
			} while (this.#again);
		} finally {
			this.#inFlight = false;
			this.loading = false;
		}
	}

	follow(events: CleaningEventSource, everyMs = 60_000): () => void {
		const stop = events.onEvent((event) => {
			if (!isCleaningEvent(event) || !this.day) return;
			const outcome = applyCleaningEvent(this.day, event);
			this.day = outcome.day;
			if (outcome.reload) void this.load(this.#date);
		});
		const timer = setInterval(() => void this.load(this.#date), everyMs);
		return () => {
			stop();
			clearInterval(timer);
		};
	}

	async switchOn(input: ConditionInput): Promise<ApiResult<ConditionView>> {
		const result = await this.#api.switchOn(input);
		if (result.ok) await this.load(this.#date);
		return result;
	}

	async switchOff(id: string): Promise<ApiResult<ConditionView>> {
		const result = await this.#api.switchOff(id);
		// Switched off here or by someone else meanwhile (409): either way the list is read again.
		if (result.ok || (result.failure.kind === 'problem' && result.failure.problem.status === 409))
			await this.load(this.#date);
		return result;
	}
}
