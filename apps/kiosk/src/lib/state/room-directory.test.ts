import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/api/http';
import type { RoomPicker } from '$lib/api/wire';
import { RoomDirectory } from './room-directory.svelte';

function memoryStorage() {
	const values = new Map<string, string>();
	return {
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
	};
}

/** The estate's api for the pickers: two buildings, one unit each, one room each; `down` stops it answering. */
function estateApi() {
	const api = { down: false, calls: 0 };
	const load = async (building?: string, unit?: string): Promise<ApiResult<RoomPicker>> => {
		api.calls++;
		if (api.down) return { ok: false, failure: { kind: 'unreachable' } };
		if (building === undefined)
			return {
				ok: true,
				value: {
					level: 'buildings',
					items: [
						{ id: 'b1', number: '1', floor: null },
						{ id: 'b2', number: '2', floor: null },
					],
				},
			};
		if (unit === undefined)
			return {
				ok: true,
				value: { level: 'units', items: [{ id: `${building}-u1`, number: '1', floor: null }] },
			};
		return { ok: true, value: { level: 'rooms', items: [{ id: `${unit}-r`, number: '101', floor: 1 }] } };
	};
	return { api, load };
}

describe('RoomDirectory', () => {
	it('reads every level in the background and keeps it for when the api is away', async () => {
		const storage = memoryStorage();
		const { api, load } = estateApi();
		await new RoomDirectory({ load, storage, now: () => new Date() }).prefetch();
		expect(api.calls).toBe(5);

		api.down = true;
		const offline = new RoomDirectory({ load, storage, now: () => new Date() });
		await offline.refresh('b2', 'b2-u1');
		expect(offline.level('b2', 'b2-u1')).toEqual({
			state: 'ready',
			items: [{ id: 'b2-u1-r', number: '101', floor: 1 }],
		});
	});

	it('says a level cannot be had when the api is away and nothing was kept', async () => {
		const { api, load } = estateApi();
		api.down = true;
		const directory = new RoomDirectory({ load, storage: memoryStorage(), now: () => new Date() });
		expect(directory.level()).toEqual({ state: 'loading' });
		await directory.refresh();
		expect(directory.level()).toEqual({ state: 'unavailable' });
	});

	it('stops reading the directory when the api goes away', async () => {
		const { api, load } = estateApi();
		const directory = new RoomDirectory({
			load: async (building, unit) => {
				if (building !== undefined) api.down = true;
				return load(building, unit);
			},
			storage: memoryStorage(),
			now: () => new Date(),
		});
		await directory.prefetch();
		expect(api.calls).toBe(2);
	});
});
