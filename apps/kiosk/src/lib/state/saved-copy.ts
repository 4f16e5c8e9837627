import { read } from '$lib/api/read';
import type { Reader } from '$lib/api/read';

/** The storage a copy is kept in: `localStorage` in the browser, a map in tests. */
export type CopyStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** A copy of something the api said, and when it said it. */
export type SavedCopy<T> = { readonly value: T; readonly savedAt: Date };

/**
 * The last copy saved under `key`, read with the same reader as the api's answer (dates come back as
 * Dates); null when there is none or it no longer has the shape (an older app version saved it).
 */
export function readCopy<T>(storage: CopyStorage, key: string, reader: Reader<T>): SavedCopy<T> | null {
	let saved: unknown;
	try {
		saved = JSON.parse(storage.getItem(key) ?? 'null');
	} catch {
		return null;
	}
	if (typeof saved !== 'object' || saved === null) return null;
	const record = saved as { value?: unknown; savedAt?: unknown };
	const value = read(reader, record.value);
	const savedAt = typeof record.savedAt === 'string' ? new Date(record.savedAt) : null;
	return value === null || savedAt === null || Number.isNaN(savedAt.getTime()) ? null : { value, savedAt };
}

export function writeCopy(storage: CopyStorage, key: string, value: unknown, savedAt: Date): void {
	try {
		storage.setItem(key, JSON.stringify({ value, savedAt: savedAt.toISOString() }));
	} catch {
		// A full or blocked storage only costs the offline copy; the screen shows what it has.
	}
}
