import type { WireEvent } from '$lib/api/events';
import type { ApiFailure, ApiResult } from '$lib/api/http';
import type { KioskUndeliveredApi, UndeliveredFiling } from '$lib/api/kiosk-undelivered';

/** The outbox events of undelivered kiosk filings (`kioskUndelivered.received`, `.handled`). */
export const isUndeliveredEvent = (event: Pick<WireEvent, 'type'>): boolean =>
	event.type.startsWith('kioskUndelivered.');

/** Where the inbox hears of changes: the live estate's event stream. */
export type EventSource = { onEvent(listener: (event: WireEvent) => void): () => void };

/** Open ones first, newest first within each group: the order the api answers in, kept after local edits. */
export function byOpenFirst(a: UndeliveredFiling, b: UndeliveredFiling): number {
	if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
	return b.receivedAt.getTime() - a.receivedAt.getTime();
}

/**
 * Kiosk filings the api refused after they had been queued offline, for the desk to follow up: the list, the
 * open count the navigation shows, and marking one handled. It reloads whenever the live stream says one
 * arrived or was handled elsewhere, so every desk sees the same list at once.
 */
export class UndeliveredInbox {
	items: readonly UndeliveredFiling[] = $state.raw([]);
	openCount = $state(0);
	/** The first answer has arrived. */
	loaded = $state(false);
	loading = $state(false);
	failure: ApiFailure | null = $state(null);

	readonly #api: Pick<KioskUndeliveredApi, 'list' | 'handle'>;
	// Plain fields, not state: `load()` is called from effects, which must not come to depend on them.
	#inFlight = false;
	#again = false;

	constructor(api: Pick<KioskUndeliveredApi, 'list' | 'handle'>) {
		this.#api = api;
	}

	/** Reads the list; a load asked for while one is under way runs once more after it, not in parallel. */
	async load(): Promise<void> {
		if (this.#inFlight) {
			this.#again = true;
			return;
		}
		this.#inFlight = true;
		this.loading = true;
		try {
			do {
				this.#again = false;
				const result = await this.#api.list();
				if (result.ok) {
					this.items = [...result.value.items].sort(byOpenFirst);
					this.openCount = result.value.openCount;
					this.loaded = true;
					this.failure = null;
				} else this.failure = result.failure;
			} while (this.#again);
		} finally {
			this.#inFlight = false;
			this.loading = false;
		}
	}

	/** Marks one handled with what was done; a 409 means another desk was first, so the list is read again. */
	async handle(id: string, note: string): Promise<ApiResult<UndeliveredFiling>> {
		const result = await this.#api.handle(id, note);
		if (result.ok) {
			const wasOpen = this.items.some((item) => item.id === id && item.status === 'open');
			this.items = this.items.map((item) => (item.id === id ? result.value : item)).sort(byOpenFirst);
			if (wasOpen) this.openCount = Math.max(0, this.openCount - 1);
		} else if (result.failure.kind === 'problem' && result.failure.problem.status === 409) {
			await this.load();
		}
		return result;
	}

	/** Follows the live stream; returns the function that stops (an `$effect` cleanup). */
	follow(events: EventSource): () => void {
		return events.onEvent((event) => {
			if (isUndeliveredEvent(event)) void this.load();
		});
	}
}
