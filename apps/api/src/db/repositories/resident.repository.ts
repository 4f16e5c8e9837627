import { localDateOf } from '@estate-ops/domain/shared';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, estates, households, residents, rooms, units } from '../schema/index';

/**
 * A current resident as identification needs them: the sealed phone is decrypted only by the caller that
 * compares digits, and never leaves the api.
 */
export type ResidentForVerification = {
	readonly id: string;
	readonly householdId: string;
	readonly roomId: string;
	readonly name: string;
	readonly relation: string;
	readonly phoneEncrypted: string;
};

/** A place in the kiosk's pickers: only what a resident needs to find their own door. */
export type PickerEntry = { readonly id: string; readonly number: string };
export type RoomPickerEntry = PickerEntry & { readonly floor: number };

// Owners first, so that a phone shared by parent and child identifies the owner.
const relationOrder = sql`case ${residents.relation} when 'owner' then 0 when 'tenant' then 1 else 2 end`;

async function todayIn(db: Executor, estateId: string, now: Date): Promise<string | null> {
	const [estate] = await db
		.select({ timeZone: estates.timeZone })
		.from(estates)
		.where(eq(estates.id, estateId));
	return estate ? localDateOf(now, estate.timeZone) : null;
}

/** Who still lives there on the estate's local `today` (a move-out date in the future still counts). */
const stillThere = (movedOutOn: typeof residents.movedOutOn | typeof households.movedOutOn, today: string) =>
	or(isNull(movedOutOn), gt(movedOutOn, today));

/** The current residents of a room of the estate (none for a room of another estate). */
export async function currentResidentsOfRoom(
	db: Executor,
	estateId: string,
	roomId: string,
	now: Date,
): Promise<ResidentForVerification[]> {
	const today = await todayIn(db, estateId, now);
	if (today === null) return [];
	return db
		.select({
			id: residents.id,
			householdId: residents.householdId,
			roomId: households.roomId,
			name: residents.name,
			relation: residents.relation,
			phoneEncrypted: residents.phoneEncrypted,
		})
		.from(residents)
		.innerJoin(households, eq(households.id, residents.householdId))
		.where(
			and(
				eq(residents.estateId, estateId),
				eq(households.estateId, estateId),
				eq(households.roomId, roomId),
				stillThere(households.movedOutOn, today),
				stillThere(residents.movedOutOn, today),
			),
		)
		.orderBy(relationOrder, asc(residents.createdAt), asc(residents.id));
}

/** The current residents of the household a resident belongs to (whether or not that resident moved out). */
export async function currentResidentsOfHouseholdOf(
	db: Executor,
	estateId: string,
	residentId: string,
	now: Date,
): Promise<ResidentForVerification[]> {
	const [resident] = await db
		.select({ householdId: residents.householdId })
		.from(residents)
		.where(and(eq(residents.estateId, estateId), eq(residents.id, residentId)));
	const today = await todayIn(db, estateId, now);
	if (!resident || today === null) return [];
	return db
		.select({
			id: residents.id,
			householdId: residents.householdId,
			roomId: households.roomId,
			name: residents.name,
			relation: residents.relation,
			phoneEncrypted: residents.phoneEncrypted,
		})
		.from(residents)
		.innerJoin(households, eq(households.id, residents.householdId))
		.where(
			and(
				eq(residents.estateId, estateId),
				eq(residents.householdId, resident.householdId),
				stillThere(households.movedOutOn, today),
				stillThere(residents.movedOutOn, today),
			),
		)
		.orderBy(relationOrder, asc(residents.createdAt), asc(residents.id));
}

/**
 * The kiosk's address pickers: buildings, then the units of one, then the rooms of one unit. Every room is
 * listed, occupied or not, so the picker does not tell passers-by which flats stand empty.
 */
export async function pickerBuildings(db: Executor, estateId: string): Promise<PickerEntry[]> {
	return db
		.select({ id: buildings.id, number: buildings.number })
		.from(buildings)
		.where(
			and(
				eq(buildings.estateId, estateId),
				sql`exists (select 1 from ${rooms} where ${rooms.buildingId} = ${buildings.id})`,
			),
		)
		.orderBy(sql`length(${buildings.number})`, asc(buildings.number));
}

export async function pickerUnits(
	db: Executor,
	estateId: string,
	buildingId: string,
): Promise<PickerEntry[]> {
	return db
		.select({ id: units.id, number: units.number })
		.from(units)
		.where(and(eq(units.estateId, estateId), eq(units.buildingId, buildingId)))
		.orderBy(sql`length(${units.number})`, asc(units.number));
}

export async function pickerRooms(
	db: Executor,
	estateId: string,
	buildingId: string,
	unitId: string,
): Promise<RoomPickerEntry[]> {
	return db
		.select({ id: rooms.id, number: rooms.number, floor: rooms.floor })
		.from(rooms)
		.where(and(eq(rooms.estateId, estateId), eq(rooms.buildingId, buildingId), eq(rooms.unitId, unitId)))
		.orderBy(asc(rooms.floor), sql`length(${rooms.number})`, asc(rooms.number));
}
