import type { Building } from './building';
import type { Locale } from './resident';
import type { Room } from './room';
import type { Unit } from './unit';

/**
 * A dwelling as people say it: `3栋2单元1202` (zh-Hans), `3棟2單元1202` (zh-Hant),
 * `Building 3, Unit 2, Room 1202` (en). Buildings without units leave the unit out.
 */
export function roomLabel(
	building: Pick<Building, 'number'>,
	unit: Pick<Unit, 'number'> | null,
	room: Pick<Room, 'number'>,
	locale: Locale = 'zh-Hans',
): string {
	switch (locale) {
		case 'zh-Hans':
			return `${building.number}栋${unit ? `${unit.number}单元` : ''}${room.number}`;
		case 'zh-Hant':
			return `${building.number}棟${unit ? `${unit.number}單元` : ''}${room.number}`;
		case 'en':
			return [
				`Building ${building.number}`,
				...(unit ? [`Unit ${unit.number}`] : []),
				`Room ${room.number}`,
			].join(', ');
	}
}
