/* eslint-disable svelte/prefer-svelte-reactivity -- maps are built once per load and swapped whole into $state.raw, never mutated */
import type { WorkOrderLocation } from '@estate-ops/domain/work-orders';
import type { Building, Estate, EstateApi, SitePlan, StaffName } from '$lib/api/estate';
import type { ApiFailure } from '$lib/api/http';
import { defaultTimeZone } from '$lib/format/time';

/** Where a room is: its building, unit and number, for labels and the room lookup. */
export type RoomPlace = {
	readonly roomId: string;
	readonly building: Building;
	readonly unitNumber: string;
	readonly roomNumber: string;
	readonly floor: number;
};

/** The estate's fixed facts the console names things with: the estate, its rooms, its staff. */
export class EstateDirectory {
	estate: Estate | null = $state.raw(null);
	buildings: readonly Building[] = $state.raw([]);
	staff: ReadonlyMap<string, StaffName> = $state.raw(new Map());
	rooms: ReadonlyMap<string, RoomPlace> = $state.raw(new Map());
	failure: ApiFailure | null = $state(null);
	sitePlan: SitePlan | null = $state.raw(null);
	/** The buildings by id, for placing orders on the map. */
	byId: ReadonlyMap<string, Building> = $state.raw(new Map());

	readonly #api: EstateApi;

	constructor(api: EstateApi) {
		this.#api = api;
	}

	get timeZone(): string {
		return this.estate?.timeZone ?? defaultTimeZone;
	}

	async load(options: { staff: boolean }): Promise<void> {
		const [estate, buildings, staff] = await Promise.all([
			this.#api.estate(),
			this.#api.buildings(),
			options.staff ? this.#api.staff() : Promise.resolve(null),
		]);
		if (estate.ok) this.estate = estate.value;
		else this.failure = estate.failure;
		if (buildings.ok) {
			this.buildings = buildings.value;
			this.byId = new Map(buildings.value.map((building) => [building.id, building]));
			const rooms = new Map<string, RoomPlace>();
			for (const building of buildings.value)
				for (const unit of building.units)
					for (const room of unit.rooms)
						rooms.set(room.id, {
							roomId: room.id,
							building,
							unitNumber: unit.number,
							roomNumber: room.number,
							floor: room.floor,
						});
			this.rooms = rooms;
		}
		if (staff?.ok) this.staff = new Map(staff.value.map((member) => [member.id, member]));
	}

	/** The site plan, read once: it changes when the estate is redrawn, not during a shift. */
	async loadSitePlan(): Promise<void> {
		if (this.sitePlan) return;
		const result = await this.#api.sitePlan();
		if (result.ok) this.sitePlan = result.value;
		else this.failure = result.failure;
	}

	staffName(id: string | null): string | null {
		return id === null ? null : (this.staff.get(id)?.name ?? null);
	}

	buildingOf(location: WorkOrderLocation): Building | undefined {
		const id = location.buildingId;
		return id === null ? undefined : this.buildings.find((building) => building.id === id);
	}

	/** Rooms whose "building-unit-room" label starts with what was typed ("3-2-12" finds 3栋2单元12xx). */
	findRooms(query: string, limit = 12): RoomPlace[] {
		const parts = query
			.trim()
			.split(/[\s\-－/栋棟单單元室号號]+/)
			.filter(Boolean);
		if (parts.length === 0) return [];
		const found: RoomPlace[] = [];
		for (const place of this.rooms.values()) {
			const label = [place.building.number, place.unitNumber, place.roomNumber];
			const matches =
				parts.length === 1
					? place.roomNumber.startsWith(parts[0] ?? '')
					: parts.every((part, index) =>
							index === parts.length - 1 ? (label[index] ?? '').startsWith(part) : label[index] === part,
						);
			if (matches) found.push(place);
			if (found.length >= limit) break;
		}
		return found;
	}
}
