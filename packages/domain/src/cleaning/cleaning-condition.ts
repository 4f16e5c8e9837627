import { z } from 'zod';
import { StaffId, ZoneId } from '../shared/ids';
import { LocalDate } from '../shared/time';

/** Conditions that add rounds: public holidays 节假日, events 活动, bad weather 恶劣天气 (rain, snow, dust). */
export const CleaningCondition = z.enum(['holiday', 'event', 'bad_weather']);
export type CleaningCondition = z.infer<typeof CleaningCondition>;

/**
 * A condition a supervisor switches on for a range of local dates (both ends included), for the whole
 * estate or only some zones (an event on the central lawn).
 */
export const ConditionPeriod = z
	.object({
		condition: CleaningCondition,
		from: LocalDate,
		to: LocalDate,
		zoneIds: z.array(ZoneId).min(1).optional(),
		setBy: StaffId,
		note: z.string().trim().max(500).optional(),
	})
	.refine((period) => period.from <= period.to, {
		message: 'the period ends before it starts',
		path: ['to'],
	});
export type ConditionPeriod = z.infer<typeof ConditionPeriod>;

/** The conditions in force for `zoneId` on `localDate`. */
export function conditionsOn(
	periods: readonly ConditionPeriod[],
	localDate: LocalDate,
	zoneId: ZoneId,
): Set<CleaningCondition> {
	return new Set(
		periods
			.filter((period) => period.from <= localDate && localDate <= period.to)
			.filter((period) => period.zoneIds === undefined || period.zoneIds.includes(zoneId))
			.map((period) => period.condition),
	);
}
