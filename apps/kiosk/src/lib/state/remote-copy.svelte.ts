import type { ApiResult } from '$lib/api/http';
import type { Reader } from '$lib/api/read';
import { readCopy, writeCopy } from './saved-copy';
import type { CopyStorage } from './saved-copy';

export type RemoteCopyOptions<T> = {
	/** The storage key of the last copy. */
	readonly key: string;
	readonly reader: Reader<T>;
	readonly storage: CopyStorage;
	readonly load: () => Promise<ApiResult<T>>;
	readonly now: () => Date;
};

/**
 * Something the kiosk shows from the api (the estate, the notices) that must still show when the api
 * cannot be reached: every answer is kept in storage, and until the next answer arrives the last copy is
 * shown, marked `stale` with the time it is from.
 */
export class RemoteCopy<T> {
	value: T | null = $state.raw(null);
	savedAt: Date | null = $state.raw(null);
	/** The api did not answer the last refresh: `value` is the copy from `savedAt`. */
	stale = $state(false);

	readonly #options: RemoteCopyOptions<T>;

	constructor(options: RemoteCopyOptions<T>) {
		this.#options = options;
		const saved = readCopy(options.storage, options.key, options.reader);
		if (saved !== null) {
			this.value = saved.value;
			this.savedAt = saved.savedAt;
			this.stale = true;
		}
	}

	async refresh(): Promise<void> {
		const result = await this.#options.load();
		if (!result.ok) {
			this.stale = this.value !== null;
			return;
		}
		const now = this.#options.now();
		writeCopy(this.#options.storage, this.#options.key, result.value, now);
		this.value = result.value;
		this.savedAt = now;
		this.stale = false;
	}

	/** Refreshes now and every `intervalMs` until the returned function is called. */
	poll(intervalMs: number): () => void {
		void this.refresh();
		const timer = setInterval(() => void this.refresh(), intervalMs);
		return () => clearInterval(timer);
	}
}
