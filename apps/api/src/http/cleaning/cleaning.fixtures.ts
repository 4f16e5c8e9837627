import { DEFAULT_CLEANING_PLANS } from '@estate-ops/domain/cleaning';
import type { Database } from '../../db/database';
import { insertCleaningPlans } from '../../db/repositories/cleaning.repository';
import { zones } from '../../db/schema/index';

const square = (lng: number, lat: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[lng, lat],
			[lng + 0.0005, lat],
			[lng + 0.0005, lat + 0.0005],
			[lng, lat],
		],
	],
});

/**
 * Four cleaning zones with the company's standard plans: a road (swept 06:00–09:00), a public toilet (rounds
 * due 09:00, 12:00, 15:00 and 18:00, each doable in the hour before), a lift (cleaned 06:00–07:00, disinfected
 * at the 07:30 and 18:00 rush on working days) and a green (litter picked on Mondays 08:00–11:00).
 */
export async function createCleaningSite(db: Database, estateId: string, at: Date) {
	const rows = await db
		.insert(zones)
		.values([
			{ estateId, kind: 'road', name: '环形主干道', geometry: square(121.47, 31.23) },
			{
				estateId,
				kind: 'toilet',
				name: '会所一楼公共卫生间',
				geometry: { type: 'Point', coordinates: [121.471, 31.231] },
			},
			{ estateId, kind: 'lift', name: '1栋电梯', geometry: square(121.472, 31.232) },
			{ estateId, kind: 'green', name: '中心花园', geometry: square(121.473, 31.233) },
			// Parking is not cleaned by the plan: it has no rounds and stays out of the list.
			{ estateId, kind: 'parking', name: '地下车库', geometry: square(121.474, 31.234) },
		])
		.returning({ id: zones.id, kind: zones.kind });
	const idOf = (kind: string) => rows.find((row) => row.kind === kind)?.id ?? '';
	await insertCleaningPlans(
		db,
		estateId,
		[
			DEFAULT_CLEANING_PLANS.road,
			DEFAULT_CLEANING_PLANS.toilet,
			DEFAULT_CLEANING_PLANS.lift,
			DEFAULT_CLEANING_PLANS.green,
		],
		at,
	);
	return { road: idOf('road'), toilet: idOf('toilet'), lift: idOf('lift'), green: idOf('green') };
}

/** The id of a round as the api gives it out: `zoneId:taskId:dueISO`. */
export const roundId = (zoneId: string, taskId: string, dueAt: Date) =>
	`${zoneId}:${taskId}:${dueAt.toISOString()}`;
