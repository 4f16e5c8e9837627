import { z } from 'zod';
import { CheckpointId, EstateId, PatrolRouteId } from '../shared/ids';
import { addDays, addMinutes, Instant, LocalDate, zonedInstant } from '../shared/time';
import { LngLat } from './geo';
import type { PatrolPeriod, PatrolRoute, PeriodName } from './patrol-route';
import { expectedMinutes, periodSpan } from './patrol-route';

const MINUTES_PER_DAY = 24 * 60;

/** `${routeId}:${start ISO}`: the same route and start always name the same round, on every instance. */
export const PatrolRoundId = z.string().min(1).max(120).brand<'PatrolRoundId'>();
export type PatrolRoundId = z.infer<typeof PatrolRoundId>;

export const roundIdFor = (routeId: PatrolRouteId, startsAt: Date): PatrolRoundId =>
	`${routeId}:${startsAt.toISOString()}` as PatrolRoundId;

/** A checkpoint as one round expects it: when it is due, and from when a scan counts as late. */
export const RoundCheckpoint = z.object({
	checkpointId: CheckpointId,
	name: z.string(),
	code: z.string(),
	point: LngLat,
	radiusMetres: z.number().positive(),
	dueAt: Instant,
	/** Scans after this instant (and before the window closes) are late. */
	lateAfter: Instant,
});
export type RoundCheckpoint = z.infer<typeof RoundCheckpoint>;

/**
 * One patrol round (巡逻班次) of a route: starts at a scheduled instant and must be walked before
 * `windowEndsAt`. A night round that starts before midnight belongs to the date it starts on.
 */
export const PatrolRound = z.object({
	id: PatrolRoundId,
	routeId: PatrolRouteId,
	estateId: EstateId,
	localDate: LocalDate,
	period: z.enum(['day', 'night']),
	startsAt: Instant,
	windowEndsAt: Instant,
	checkpoints: z.array(RoundCheckpoint).min(1),
});
export type PatrolRound = z.infer<typeof PatrolRound>;

/**
 * Round starts follow the wall clock (a guard expects "the 02:00 round"), so across a DST change the gap
 * between two rounds may be an hour longer or shorter. A start that falls in the skipped hour moves past
 * the gap; if that lands on the next round's instant the two are one round.
 */
function roundStarts(period: PatrolPeriod, localDate: LocalDate, timeZone: string): Date[] {
	const { start, end, interval } = periodSpan(period);
	const starts: Date[] = [];
	for (let minute = start; minute < end; minute += interval) {
		const date = minute >= MINUTES_PER_DAY ? addDays(localDate, 1) : localDate;
		const instant = zonedInstant(date, minute % MINUTES_PER_DAY, timeZone);
		const last = starts.at(-1);
		if (!last || instant.getTime() > last.getTime()) starts.push(instant);
	}
	return starts;
}

/** The rounds of `route` that start in its day and night periods of `localDate`, in start order. */
export function generateRounds(route: PatrolRoute, localDate: LocalDate, timeZone: string): PatrolRound[] {
	const offsets = expectedMinutes(route);
	const periods: [PeriodName, PatrolPeriod | null][] = [
		['day', route.day],
		['night', route.night],
	];
	const rounds = periods.flatMap(([name, period]) =>
		period === null
			? []
			: roundStarts(period, localDate, timeZone).map((startsAt): PatrolRound => ({
					id: roundIdFor(route.id, startsAt),
					routeId: route.id,
					estateId: route.estateId,
					localDate,
					period: name,
					startsAt,
					windowEndsAt: addMinutes(startsAt, route.windowMinutes),
					checkpoints: route.checkpoints.map((checkpoint, index) => {
						const dueAt = addMinutes(startsAt, offsets[index] ?? 0);
						return {
							checkpointId: checkpoint.checkpointId,
							name: checkpoint.name,
							code: checkpoint.code,
							point: checkpoint.point,
							radiusMetres: checkpoint.radiusMetres,
							dueAt,
							lateAfter: addMinutes(dueAt, checkpoint.toleranceMinutes ?? route.toleranceMinutes),
						};
					}),
				})),
	);
	return rounds.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
