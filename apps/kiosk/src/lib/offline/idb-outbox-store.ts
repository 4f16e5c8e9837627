import type { OutboxStore, QueuedFiling } from './outbox';

const DATABASE = 'estate-ops-kiosk';
const STORE = 'outbox';

const done = <T>(request: IDBRequest<T>): Promise<T> =>
	new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
	});

/**
 * The outbox in IndexedDB, so a filing made while the api is unreachable survives a reload or a power cut
 * (Blobs, such as a photo, are stored as they are). Only the adapter lives here; what is sent when, and
 * what is removed, is outbox.ts, tested over the memory store.
 */
export class IdbOutboxStore implements OutboxStore {
	readonly #database: Promise<IDBDatabase>;

	constructor(factory: IDBFactory = indexedDB) {
		const opening = factory.open(DATABASE, 1);
		opening.onupgradeneeded = () => {
			opening.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
		};
		this.#database = done(opening);
	}

	async #store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
		return (await this.#database).transaction(STORE, mode).objectStore(STORE);
	}

	async list(): Promise<QueuedFiling[]> {
		return done((await this.#store('readonly')).getAll() as IDBRequest<QueuedFiling[]>);
	}

	async put(entry: QueuedFiling): Promise<void> {
		await done((await this.#store('readwrite')).put(entry));
	}

	async remove(idempotencyKey: string): Promise<void> {
		await done((await this.#store('readwrite')).delete(idempotencyKey));
	}
}
