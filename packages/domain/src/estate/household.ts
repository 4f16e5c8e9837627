import { z } from 'zod';
import { EstateId, HouseholdId, ResidentId, RoomId } from '../shared/ids';
import { Instant, LocalDate } from '../shared/time';

export const HouseholdRelation = z.enum(['owner', 'tenant', 'family']);
export type HouseholdRelation = z.infer<typeof HouseholdRelation>;

/**
 * One resident's place in a household, with the dates they moved in and out. A change of owner or tenant
 * must be recorded within 24 hours, so each membership also keeps when it was recorded.
 */
export const HouseholdMember = z
	.object({
		residentId: ResidentId,
		relation: HouseholdRelation,
		movedInOn: LocalDate,
		movedOutOn: LocalDate.nullable().default(null),
		recordedAt: Instant,
	})
	.refine((member) => member.movedOutOn === null || member.movedOutOn >= member.movedInOn, {
		message: 'cannot move out before moving in',
		path: ['movedOutOn'],
	});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

/** The people of one dwelling (住户): owners, tenants and their families, past and present. */
export const Household = z.object({
	id: HouseholdId,
	estateId: EstateId,
	roomId: RoomId,
	members: z.array(HouseholdMember),
});
export type Household = z.infer<typeof Household>;

/** Members living there on `date` (moved in on or before it, not yet moved out). */
export function membersOn(household: Household, date: LocalDate): HouseholdMember[] {
	return household.members.filter(
		(member) => member.movedInOn <= date && (member.movedOutOn === null || member.movedOutOn > date),
	);
}
