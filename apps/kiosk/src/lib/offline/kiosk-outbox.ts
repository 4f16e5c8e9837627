import type { KioskApi } from '$lib/api/kiosk-api';
import { attemptOf, deliver, flushOutbox } from './outbox';
import type { Delivery, FilingTransport, OutboxStore, QueuedFiling } from './outbox';
import { OutboxLoop } from './outbox-loop';

/** The outbox's calls, over the kiosk's api. */
export const transportOf = (api: KioskApi): FilingTransport => ({
	uploadPhoto: async (photo, name) => attemptOf(await api.uploadPhoto(photo, name)),
	file: async (filing, key) => attemptOf(await api.file(filing, key)),
	reportUndelivered: async (report) => attemptOf(await api.undelivered(report)),
});

/**
 * The kiosk's outbox: a filing is first tried at once; if the api cannot be reached it is queued and the
 * loop sends it when the api is back. `onPending` tells the status line how many wait.
 */
export class KioskOutbox {
	readonly #store: OutboxStore;
	readonly #transport: FilingTransport;
	readonly #onPending: (count: number) => void;
	readonly #loop: OutboxLoop;

	constructor(deps: {
		readonly store: OutboxStore;
		readonly transport: FilingTransport;
		readonly onPending: (count: number) => void;
	}) {
		this.#store = deps.store;
		this.#transport = deps.transport;
		this.#onPending = deps.onPending;
		this.#loop = new OutboxLoop({
			flush: () => flushOutbox(this.#store, this.#transport),
			onFlushed: (result) => this.#onPending(result.pending),
		});
	}

	start(): () => void {
		return this.#loop.start();
	}

	/** The network is back, or the api answered again: send what waits now. */
	kick(): void {
		this.#loop.kick();
	}

	/** One attempt to deliver a new filing while the resident waits. */
	deliver(entry: QueuedFiling): Promise<Delivery> {
		return deliver(entry, this.#transport);
	}

	/** Keeps a filing the api could not be reached for, to be sent when it can. */
	async queue(entry: QueuedFiling): Promise<void> {
		await this.#store.put(entry);
		this.#onPending((await this.#store.list()).length);
		this.#loop.kick();
	}
}
