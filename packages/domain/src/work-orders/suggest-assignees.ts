import type { Skill } from '../estate/skill';
import type { Staff } from '../estate/staff';
import { FIELD_ROLES } from '../estate/staff-role';
import type { StaffId } from '../shared/ids';
import type { WorkOrder } from './work-order';
import type { WorkOrderCategory } from './work-order-kind';

/** The trade a category needs, where one does: a fee inquiry or a noise complaint needs none. */
const SKILL_BY_CATEGORY: Partial<Record<WorkOrderCategory, Skill>> = {
	plumbing: 'plumbing',
	electrical: 'electrical',
	carpentry: 'carpentry',
	doors_locks: 'doors_locks',
	appliances: 'appliances',
	public_facilities: 'public_facilities',
	cleaning_daily: 'cleaning',
	cleaning_deep: 'cleaning',
	greening: 'greening',
	sanitation: 'cleaning',
	security: 'security',
	facilities: 'public_facilities',
};

export const requiredSkill = (category: WorkOrderCategory): Skill | null =>
	SKILL_BY_CATEGORY[category] ?? null;

/** How well a person's areas cover the work: their own building or zone, the whole estate, or elsewhere. */
export type AreaMatch = 'assigned_area' | 'whole_estate' | 'elsewhere';

export type AssigneeSuggestion = {
	readonly staffId: StaffId;
	readonly name: string;
	/** Null when the work needs no particular trade. */
	readonly skillMatch: boolean | null;
	readonly areaMatch: AreaMatch;
	readonly openLoad: number;
};

const AREA_RANK: Readonly<Record<AreaMatch, number>> = { assigned_area: 0, whole_estate: 1, elsewhere: 2 };

/**
 * Field staff of the order's estate ranked for dispatch: first those with the trade the category needs,
 * then those who cover the order's building or zone, then those with the fewest open orders. Nobody is
 * left out, so a dispatcher can still pick a person the ranking puts low.
 */
export function suggestAssignees(
	order: Pick<WorkOrder, 'estateId' | 'kind' | 'category' | 'location'>,
	staff: readonly Staff[],
	openLoadByStaff: ReadonlyMap<StaffId, number>,
): AssigneeSuggestion[] {
	const skill = requiredSkill(order.category);
	const buildingId = order.location.buildingId;
	const zoneId = order.location.kind === 'point' ? order.location.zoneId : null;
	return staff
		.filter((person) => person.active && person.estateIds.includes(order.estateId))
		.filter((person) => person.roles.some((role) => FIELD_ROLES.includes(role)))
		.map((person) => ({
			staffId: person.id,
			name: person.name,
			skillMatch: skill === null ? null : person.skills.includes(skill),
			areaMatch: areaMatch(person, buildingId, zoneId),
			openLoad: openLoadByStaff.get(person.id) ?? 0,
		}))
		.sort(
			(a, b) =>
				Number(b.skillMatch === true) - Number(a.skillMatch === true) ||
				AREA_RANK[a.areaMatch] - AREA_RANK[b.areaMatch] ||
				a.openLoad - b.openLoad ||
				a.staffId.localeCompare(b.staffId),
		);
}

function areaMatch(person: Staff, buildingId: string | null, zoneId: string | null): AreaMatch {
	if (person.buildingIds.length === 0 && person.zoneIds.length === 0) return 'whole_estate';
	const coversBuilding = buildingId !== null && person.buildingIds.some((id) => id === buildingId);
	const coversZone = zoneId !== null && person.zoneIds.some((id) => id === zoneId);
	return coversBuilding || coversZone ? 'assigned_area' : 'elsewhere';
}
