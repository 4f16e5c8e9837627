import { z } from 'zod';
import { BuildingId, EstateId, StaffId, ZoneId } from '../shared/ids';
import { Department } from './department';
import { PhoneNumber } from './phone-number';
import { Skill } from './skill';
import { StaffRole } from './staff-role';

/**
 * A member of staff (员工). `buildingIds` and `zoneIds` are the areas they cover; both empty means the
 * whole estate. One person may work for several estates of the company.
 */
export const Staff = z.object({
	id: StaffId,
	estateIds: z.array(EstateId).min(1),
	name: z.string().trim().min(1).max(50),
	/** Work phone; staff accounts may have none on record. */
	phone: PhoneNumber.nullable().default(null),
	roles: z.array(StaffRole).min(1),
	skills: z.array(Skill).default([]),
	department: Department,
	buildingIds: z.array(BuildingId).default([]),
	zoneIds: z.array(ZoneId).default([]),
	active: z.boolean().default(true),
});
export type Staff = z.infer<typeof Staff>;
