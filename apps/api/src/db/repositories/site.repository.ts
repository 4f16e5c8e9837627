import { Staff, type Staff as StaffType } from '@estate-ops/domain/estate';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, rooms, staff } from '../schema/index';

/** The building a room belongs to, if the room is in the estate. */
export async function findRoomInEstate(
	db: Executor,
	estateId: string,
	roomId: string,
): Promise<{ roomId: string; buildingId: string } | null> {
	if (!isUuid(roomId)) return null;
	const [row] = await db
		.select({ roomId: rooms.id, buildingId: rooms.buildingId })
		.from(rooms)
		.where(and(eq(rooms.estateId, estateId), eq(rooms.id, roomId)));
	return row ?? null;
}

export async function buildingExists(db: Executor, estateId: string, buildingId: string): Promise<boolean> {
	if (!isUuid(buildingId)) return false;
	const [row] = await db
		.select({ id: buildings.id })
		.from(buildings)
		.where(and(eq(buildings.estateId, estateId), eq(buildings.id, buildingId)));
	return row !== undefined;
}

/** Active staff of the estate as the domain sees them (for assignment suggestions and assignee checks). */
export async function listActiveStaff(db: Executor, estateId: string): Promise<StaffType[]> {
	const rows = await db
		.select()
		.from(staff)
		.where(and(eq(staff.estateId, estateId), eq(staff.active, true)));
	return rows.map((row) =>
		Staff.parse({
			id: row.id,
			estateIds: [row.estateId],
			name: row.displayName,
			roles: row.roles,
			skills: row.skills,
			department: row.department,
			buildingIds: row.buildingIds,
			active: row.active,
		}),
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs in the database; anything else cannot name a row (and must not reach a uuid column). */
export const isUuid = (value: string): boolean => UUID.test(value);
