import type { WorkOrder } from '@estate-ops/domain/work-orders';
import { m } from '$lib/paraglide/messages';
import type { EstateDirectory } from '$lib/state/estate-directory.svelte';

/** Where an order is, as people say it: "3栋 2单元 1201室", or the public place. */
export function locationLabel(order: WorkOrder, directory: EstateDirectory): string {
	const { location } = order;
	if (location.kind === 'room') {
		const place = directory.rooms.get(location.roomId);
		if (place)
			return m.location_room({
				building: place.building.name,
				unit: place.unitNumber,
				room: place.roomNumber,
			});
		const building = directory.buildingOf(location);
		return building ? m.location_building({ building: building.name }) : m.location_point();
	}
	const building = directory.buildingOf(location);
	return (
		location.description ?? (building ? m.location_building({ building: building.name }) : m.location_point())
	);
}
