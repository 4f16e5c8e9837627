import { describe, expect, it } from 'vitest';
import { arrayOf, instant, object, string } from '$lib/api/read';
import { readCopy, writeCopy } from './saved-copy';

function memoryStorage() {
	const values = new Map<string, string>();
	return {
		values,
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
	};
}

const Notices = arrayOf(object({ id: string, publishAt: instant }));

describe('saved copies', () => {
	it('keeps what the api said and when, dates and all', () => {
		const storage = memoryStorage();
		const notices = [{ id: 'n1', publishAt: new Date('2026-03-01T00:00:00Z') }];
		writeCopy(storage, 'k', notices, new Date('2026-03-02T01:00:00Z'));
		expect(readCopy(storage, 'k', Notices)).toEqual({
			value: notices,
			savedAt: new Date('2026-03-02T01:00:00Z'),
		});
	});

	it.each([
		['nothing', null],
		['no JSON', '{'],
		['another shape', JSON.stringify({ value: [{ id: 1 }], savedAt: '2026-03-02T01:00:00Z' })],
		['no time', JSON.stringify({ value: [] })],
	])('has no copy for %s', (_, stored) => {
		const storage = memoryStorage();
		if (stored !== null) storage.values.set('k', stored);
		expect(readCopy(storage, 'k', Notices)).toBeNull();
	});

	it('gives up quietly when the storage is full', () => {
		const full = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		};
		expect(() => writeCopy(full, 'k', [], new Date())).not.toThrow();
	});
});
