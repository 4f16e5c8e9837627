import type { Delivery } from './delivery';

/** One thing done in the field that the api has not taken yet, with what the screen says of it. */
export type Queued<T> = { readonly key: string; readonly item: T; readonly queuedAt: number };

export type FieldOutboxDeps<T> = {
	/** Sends one item; its request must be safe to repeat (scans and cleaning marks answer a retry with the first). */
	readonly send: (item: T) => Promise<Delivery>;
	readonly now: () => number;
	/** The api refused an item for good: the screen tells the person, since nothing will send it again. */
	readonly onRefused?: (queued: Queued<T>) => void;
	readonly onChange?: () => void;
};

/**
 * What the field did while the network was away (scans, cleaning rounds marked done), kept in memory and
 * sent when it returns: in the order it was done, each until the api answers it, one at a time so a later
 * item never overtakes an earlier one.
 */
export class FieldOutbox<T> {
	readonly #deps: FieldOutboxDeps<T>;
	#queue: Queued<T>[] = [];
	#draining: Promise<void> | null = null;

	constructor(deps: FieldOutboxDeps<T>) {
		this.#deps = deps;
	}

	get waiting(): readonly Queued<T>[] {
		return this.#queue;
	}

	/** Queues an item; one with the key of an item already waiting replaces nothing and is not queued twice. */
	enqueue(key: string, item: T): void {
		if (this.#queue.some((queued) => queued.key === key)) return;
		this.#queue = [...this.#queue, { key, item, queuedAt: this.#deps.now() }];
		this.#deps.onChange?.();
	}

	has(key: string): boolean {
		return this.#queue.some((queued) => queued.key === key);
	}

	/** Sends what waits, oldest first, until it is all taken or one does not get through. */
	drain(): Promise<void> {
		this.#draining ??= this.#drain().finally(() => {
			this.#draining = null;
		});
		return this.#draining;
	}

	async #drain(): Promise<void> {
		for (;;) {
			const head = this.#queue[0];
			if (!head) return;
			const delivery = await this.#deps.send(head.item);
			if (delivery === 'retry') return;
			this.#queue = this.#queue.slice(1);
			if (delivery === 'refused') this.#deps.onRefused?.(head);
			this.#deps.onChange?.();
		}
	}
}
