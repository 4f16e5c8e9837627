import { z } from 'zod';
import { Department } from '../quality/department';
import { EstateId, StaffId } from '../shared/ids';

/** A team (班组) is a set of staff under one lead; the estate area owns teams, we only group by their id. */
export const TeamId = z.string().min(1).max(64);
export type TeamId = z.infer<typeof TeamId>;

/**
 * Who a KPI record is credited to. Every KPI record carries these fields, each record type saying which
 * person it means (the assignee of a work order, the guard of a round…). A record without a person, team
 * or department still counts for its estate.
 */
export const KpiAttribution = z.object({
	estateId: EstateId,
	personId: StaffId.nullish(),
	teamId: TeamId.nullish(),
	department: Department.nullish(),
});
export type KpiAttribution = z.infer<typeof KpiAttribution>;

/** What to group KPI records by, besides the period. */
export const KpiDimension = z.enum(['person', 'team', 'department', 'estate']);
export type KpiDimension = z.infer<typeof KpiDimension>;

/** The group `record` falls in for `dimension`, or null when it has no one to credit there. */
export function dimensionKey(record: KpiAttribution, dimension: KpiDimension): string | null {
	switch (dimension) {
		case 'person':
			return record.personId ?? null;
		case 'team':
			return record.teamId ?? null;
		case 'department':
			return record.department ?? null;
		case 'estate':
			return record.estateId;
	}
}
