import { buildings, rooms, units } from '../src/db/schema/index';
import type { Database } from '../src/db/database';

/** One building with one unit and a few rooms, for tests that file orders against real rooms. */
export async function createSite(db: Database, estateId: string, number = '3') {
	const [building] = await db
		.insert(buildings)
		.values({ estateId, number, name: `${number}栋`, kind: 'tower', floors: 20 })
		.returning({ id: buildings.id });
	if (!building) throw new Error('no building');
	const [unit] = await db
		.insert(units)
		.values({ estateId, buildingId: building.id, number: '2' })
		.returning({ id: units.id });
	if (!unit) throw new Error('no unit');
	const roomRows = await db
		.insert(rooms)
		.values(
			['1201', '1202', '1203'].map((n) => ({
				estateId,
				buildingId: building.id,
				unitId: unit.id,
				floor: 12,
				number: n,
			})),
		)
		.returning({ id: rooms.id });
	return { buildingId: building.id, unitId: unit.id, roomIds: roomRows.map((r) => r.id) };
}
