import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/api/http';
import { arrayOf, string } from '$lib/api/read';
import { RemoteCopy } from './remote-copy.svelte';

function memoryStorage() {
	const values = new Map<string, string>();
	return {
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
	};
}

const unreachable: ApiResult<string[]> = { ok: false, failure: { kind: 'unreachable' } };

describe('RemoteCopy', () => {
	it('shows the last copy, marked stale with its time, when the api cannot be reached', async () => {
		const storage = memoryStorage();
		let answer: ApiResult<string[]> = { ok: true, value: ['停水通知'] };
		const options = {
			key: 'notices',
			reader: arrayOf(string),
			storage,
			load: async () => answer,
			now: () => new Date('2026-03-02T01:00:00Z'),
		};
		const first = new RemoteCopy(options);
		expect(first.value).toBeNull();
		await first.refresh();
		expect(first).toMatchObject({ value: ['停水通知'], stale: false });

		// The kiosk restarts while the api is down.
		answer = unreachable;
		const restarted = new RemoteCopy(options);
		expect(restarted).toMatchObject({
			value: ['停水通知'],
			stale: true,
			savedAt: new Date('2026-03-02T01:00:00Z'),
		});
		await restarted.refresh();
		expect(restarted).toMatchObject({ value: ['停水通知'], stale: true });
	});

	it('is not stale when it never had anything to show', async () => {
		const copy = new RemoteCopy({
			key: 'k',
			reader: arrayOf(string),
			storage: memoryStorage(),
			load: async () => unreachable,
			now: () => new Date(),
		});
		await copy.refresh();
		expect(copy).toMatchObject({ value: null, stale: false });
	});
});
