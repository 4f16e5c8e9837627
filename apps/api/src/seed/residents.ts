import type { HouseholdRelation } from '@estate-ops/domain/estate';
import { isValidMainlandIdNumber, maskIdNumber, maskPhone } from '@estate-ops/domain/estate';
import { addDays, daysBetween, localDateOf } from '@estate-ops/domain/shared';
import type { Executor } from '../db/database';
import { households, residents } from '../db/schema/index';
import { insertInBatches } from './batch';
import type { Sex } from './people';
import { chineseName, mainlandIdNumber, mobileNumber } from './people';
import type { Dice } from './random';
import type { SeededRoom } from './site-plan';

/** Households of the demo: a few hundred residents in about 140 of the flats. */
export const DEMO_HOUSEHOLDS = 140;

/** When the estate was handed over to its first owners (交房). */
const HANDED_OVER_ON = '2018-06-30';

export type SeededResident = {
	readonly id: string;
	readonly name: string;
	readonly relation: HouseholdRelation;
	/** Still living there (not moved out). */
	readonly current: boolean;
};

export type SeededHousehold = {
	readonly id: string;
	readonly room: SeededRoom;
	readonly residents: readonly SeededResident[];
};

type Person = {
	name: string;
	relation: HouseholdRelation;
	sex: Sex;
	birthYear: number;
	phone: string;
	idNumber: string | null;
	movedInOn: string;
	movedOutOn: string | null;
};

const opposite = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

/**
 * Households (owner-occupied with spouses, children and parents, or let to tenants, some with a tenant who
 * has moved out) and their residents. Phone and ID numbers go through `encryptField` and are stored only
 * encrypted, with the domain's masked copy beside them; every ID number passes the GB 11643 check.
 */
export async function seedResidents(
	db: Executor,
	dice: Dice,
	input: {
		readonly estateId: string;
		readonly rooms: readonly SeededRoom[];
		readonly now: Date;
		readonly timeZone: string;
		readonly encryptField: (plain: string) => string;
	},
): Promise<SeededHousehold[]> {
	const today = localDateOf(input.now, input.timeZone);
	const thisYear = Number(today.slice(0, 4));
	const latestMoveIn = addDays(today, -120);
	const dateBetween = (from: string, to: string): string =>
		addDays(from, dice.int(0, Math.max(0, daysBetween(from, to))));
	const phones = new Set<string>();

	const person = (
		relation: HouseholdRelation,
		sex: Sex,
		birthYear: number,
		movedInOn: string,
		idChance: number,
		guardianPhone: string | null = null,
	): Person => ({
		name: chineseName(dice, sex),
		relation,
		sex,
		birthYear,
		// Children are reached through a parent's phone.
		phone: guardianPhone ?? mobileNumber(dice, phones),
		idNumber: dice.chance(idChance) ? mainlandIdNumber(dice, birthYear, sex) : null,
		movedInOn,
		movedOutOn: null,
	});

	const rooms = dice.sample(input.rooms, DEMO_HOUSEHOLDS);
	const planned = rooms.map((room) => {
		const movedInOn = dateBetween(HANDED_OVER_ON, latestMoveIn);
		const ownerSex: Sex = dice.chance(0.6) ? 'male' : 'female';
		const ownerBorn = dice.int(1958, 1992);
		const owner = person('owner', ownerSex, ownerBorn, movedInOn, 0.9);
		const people: Person[] = [owner];
		if (dice.chance(0.75)) {
			if (dice.chance(0.85))
				people.push(person('family', opposite(ownerSex), ownerBorn + dice.int(-3, 4), movedInOn, 0.5));
			const children = dice.weighted([
				[0, 3],
				[1, 5],
				[2, 2],
			]);
			for (let c = 0; c < children; c++) {
				const born = Math.min(thisYear - 1, dice.int(Math.max(ownerBorn + 24, 1995), ownerBorn + 40));
				const adult = thisYear - born >= 18;
				people.push(
					person(
						'family',
						dice.chance(0.5) ? 'male' : 'female',
						born,
						movedInOn,
						adult ? 0.6 : 0.2,
						adult ? null : owner.phone,
					),
				);
			}
			if (dice.chance(0.15))
				people.push(
					person(
						'family',
						dice.chance(0.5) ? 'male' : 'female',
						ownerBorn - dice.int(24, 32),
						dateBetween(movedInOn, latestMoveIn),
						0.7,
					),
				);
		} else {
			// Let to tenants; a few flats changed tenants, and the change was recorded.
			const tenancyStart = dateBetween(movedInOn, latestMoveIn);
			if (dice.chance(0.35)) {
				const earlier = person(
					'tenant',
					dice.chance(0.5) ? 'male' : 'female',
					dice.int(1980, 1998),
					movedInOn,
					0.8,
				);
				earlier.movedOutOn = tenancyStart;
				people.push(earlier);
			}
			const tenants = dice.weighted([
				[1, 3],
				[2, 2],
			]);
			for (let t = 0; t < tenants; t++) {
				people.push(
					person(
						'tenant',
						t === 0 ? (dice.chance(0.5) ? 'male' : 'female') : opposite(people.at(-1)?.sex ?? 'male'),
						dice.int(1985, 2000),
						tenancyStart,
						0.8,
					),
				);
			}
		}
		return { id: dice.uuid(), room, movedInOn, people: people.map((p) => ({ ...p, id: dice.uuid() })) };
	});

	await insertInBatches(
		db,
		households,
		planned.map((household) => ({
			id: household.id,
			estateId: input.estateId,
			roomId: household.room.id,
			movedInOn: household.movedInOn,
			createdAt: input.now,
		})),
	);
	await insertInBatches(
		db,
		residents,
		planned.flatMap((household) =>
			household.people.map((p) => {
				if (p.idNumber !== null && !isValidMainlandIdNumber(p.idNumber))
					throw new Error(`bad ID number ${p.idNumber}`);
				return {
					id: p.id,
					estateId: input.estateId,
					householdId: household.id,
					name: p.name,
					relation: p.relation,
					phoneEncrypted: input.encryptField(p.phone),
					phoneMasked: maskPhone(p.phone),
					idNumberEncrypted: p.idNumber === null ? null : input.encryptField(p.idNumber),
					idNumberMasked: p.idNumber === null ? null : maskIdNumber(p.idNumber),
					movedInOn: p.movedInOn,
					movedOutOn: p.movedOutOn,
					updatedAt: input.now,
					createdAt: input.now,
				};
			}),
		),
	);

	return planned.map((household) => ({
		id: household.id,
		room: household.room,
		residents: household.people.map((p) => ({
			id: p.id,
			name: p.name,
			relation: p.relation,
			current: p.movedOutOn === null,
		})),
	}));
}
