import { and, asc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, households, residents, rooms, units } from '../schema/index';

/**
 * A resident as the directory lists them: name, household and dwelling, with phone and ID numbers only in
 * their masked form. The encrypted columns are never selected here, so a listing cannot leak them.
 */
export type ResidentListing = {
	readonly id: string;
	readonly name: string;
	readonly relation: string;
	readonly phoneMasked: string;
	readonly idNumberMasked: string | null;
	readonly movedInOn: string | null;
	readonly movedOutOn: string | null;
	readonly householdId: string;
	readonly room: {
		readonly id: string;
		readonly buildingId: string;
		readonly buildingNumber: string;
		readonly unitId: string;
		readonly unitNumber: string;
		readonly floor: number;
		readonly number: string;
	};
};

export type ResidentDirectoryFilter = {
	readonly estateId: string;
	readonly buildingId?: string;
	readonly unitId?: string;
	readonly roomId?: string;
	/** The room number as people say it (`1202`), within the building and unit filters if given. */
	readonly roomNumber?: string;
	/** Part of the name (`王` finds 王芳 and 王建国). */
	readonly name?: string;
	/** Residents who moved out are left out unless asked for. */
	readonly includeMovedOut?: boolean;
	readonly limit: number;
	readonly offset: number;
};

/** The sealed values of one resident, for the audited unmasked read; only the resident service decrypts them. */
export type SealedResidentContact = {
	readonly id: string;
	readonly estateId: string;
	readonly phoneEncrypted: string;
	readonly idNumberEncrypted: string | null;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The estate's residents, filtered by building, unit, room and name, ordered by dwelling then name. */
export async function searchResidents(
	db: Executor,
	filter: ResidentDirectoryFilter,
): Promise<ResidentListing[]> {
	const conditions: (SQL | undefined)[] = [
		eq(residents.estateId, filter.estateId),
		filter.buildingId ? eq(rooms.buildingId, filter.buildingId) : undefined,
		filter.unitId ? eq(rooms.unitId, filter.unitId) : undefined,
		filter.roomId ? eq(rooms.id, filter.roomId) : undefined,
		filter.roomNumber ? eq(rooms.number, filter.roomNumber) : undefined,
		filter.name ? ilike(residents.name, likePattern(filter.name)) : undefined,
		filter.includeMovedOut ? undefined : isNull(residents.movedOutOn),
	];
	const rows = await db
		.select({
			id: residents.id,
			name: residents.name,
			relation: residents.relation,
			phoneMasked: residents.phoneMasked,
			idNumberMasked: residents.idNumberMasked,
			movedInOn: residents.movedInOn,
			movedOutOn: residents.movedOutOn,
			householdId: residents.householdId,
			roomId: rooms.id,
			buildingId: rooms.buildingId,
			buildingNumber: buildings.number,
			unitId: rooms.unitId,
			unitNumber: units.number,
			floor: rooms.floor,
			roomNumber: rooms.number,
		})
		.from(residents)
		.innerJoin(households, eq(households.id, residents.householdId))
		.innerJoin(rooms, eq(rooms.id, households.roomId))
		.innerJoin(buildings, eq(buildings.id, rooms.buildingId))
		.innerJoin(units, eq(units.id, rooms.unitId))
		.where(and(...conditions))
		.orderBy(
			asc(buildings.number),
			asc(units.number),
			asc(rooms.number),
			asc(residents.name),
			asc(residents.id),
		)
		.limit(filter.limit)
		.offset(filter.offset);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		relation: row.relation,
		phoneMasked: row.phoneMasked,
		idNumberMasked: row.idNumberMasked,
		movedInOn: row.movedInOn,
		movedOutOn: row.movedOutOn,
		householdId: row.householdId,
		room: {
			id: row.roomId,
			buildingId: row.buildingId,
			buildingNumber: row.buildingNumber,
			unitId: row.unitId,
			unitNumber: row.unitNumber,
			floor: row.floor,
			number: row.roomNumber,
		},
	}));
}

export async function findSealedContact(
	db: Executor,
	estateId: string,
	id: string,
): Promise<SealedResidentContact | null> {
	const [row] = await db
		.select({
			id: residents.id,
			estateId: residents.estateId,
			phoneEncrypted: residents.phoneEncrypted,
			idNumberEncrypted: residents.idNumberEncrypted,
		})
		.from(residents)
		.where(and(eq(residents.estateId, estateId), eq(residents.id, id)));
	return row ?? null;
}
