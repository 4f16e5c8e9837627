import { SvelteMap } from 'svelte/reactivity';
import type { ApiResult } from '$lib/api/http';
import { arrayOf, nullable, number, object, string, withDefault } from '$lib/api/read';
import type { RoomPicker } from '$lib/api/wire';
import { readCopy, writeCopy } from './saved-copy';
import type { CopyStorage } from './saved-copy';

export type PickerItem = { readonly id: string; readonly number: string; readonly floor: number | null };

/** One level of the pickers: loading, shown (perhaps from the saved copy), or not to be had. */
export type PickerLevel =
	| { readonly state: 'loading' }
	| { readonly state: 'ready'; readonly items: readonly PickerItem[] }
	| { readonly state: 'unavailable' };

const STORAGE_KEY = 'estate-ops.kiosk.rooms';
const Saved = arrayOf(
	object({
		key: string,
		items: arrayOf(object({ id: string, number: string, floor: withDefault(nullable(number), null) })),
	}),
);

const levelKey = (building?: string, unit?: string): string =>
	building === undefined ? 'buildings' : unit === undefined ? `b:${building}` : `b:${building}|u:${unit}`;

/**
 * The estate's buildings, units and rooms for the address pickers (numbers and ids only, nothing about
 * who lives there). Every level read is kept in storage and the whole directory is read once in the
 * background, so a resident can still pick their room while the api is unreachable.
 */
export class RoomDirectory {
	readonly #levels = new SvelteMap<string, PickerLevel>();
	readonly #load: (building?: string, unit?: string) => Promise<ApiResult<RoomPicker>>;
	readonly #storage: CopyStorage;
	readonly #now: () => Date;

	constructor(deps: {
		readonly load: (building?: string, unit?: string) => Promise<ApiResult<RoomPicker>>;
		readonly storage: CopyStorage;
		readonly now: () => Date;
	}) {
		this.#load = deps.load;
		this.#storage = deps.storage;
		this.#now = deps.now;
		for (const { key, items } of readCopy(deps.storage, STORAGE_KEY, Saved)?.value ?? []) {
			this.#levels.set(key, { state: 'ready', items });
		}
	}

	/** The level as known now; `refresh` reads it from the api. */
	level(building?: string, unit?: string): PickerLevel {
		return this.#levels.get(levelKey(building, unit)) ?? { state: 'loading' };
	}

	/** Reads a level from the api; keeps the saved copy when the api cannot be reached. */
	async refresh(building?: string, unit?: string): Promise<readonly PickerItem[] | null> {
		const key = levelKey(building, unit);
		const known = this.#levels.get(key);
		if (known === undefined || known.state === 'unavailable') this.#levels.set(key, { state: 'loading' });
		const result = await this.#load(building, unit);
		if (!result.ok) {
			const current = this.#levels.get(key);
			if (current?.state !== 'ready') this.#levels.set(key, { state: 'unavailable' });
			return null;
		}
		this.#levels.set(key, { state: 'ready', items: result.value.items });
		this.#save();
		return result.value.items;
	}

	/** Reads every building's units and every unit's rooms, a level at a time, stopping if the api goes away. */
	async prefetch(): Promise<void> {
		const buildings = await this.refresh();
		for (const building of buildings ?? []) {
			const units = await this.refresh(building.id);
			if (units === null) return;
			for (const unit of units) if ((await this.refresh(building.id, unit.id)) === null) return;
		}
	}

	#save(): void {
		const levels = [...this.#levels.entries()].flatMap(([key, level]) =>
			level.state === 'ready' ? [{ key, items: level.items }] : [],
		);
		writeCopy(this.#storage, STORAGE_KEY, levels, this.#now());
	}
}
