import { z } from 'zod';
import { CheckpointId, EstateId, PatrolRouteId } from '../shared/ids';
import { LocalTime, parseLocalTime } from '../shared/time';
import { LngLat } from './geo';

const MINUTES_PER_DAY = 24 * 60;

/** A checkpoint (巡更点) on a route: a plate with a QR code (or NFC tag) that the guard scans. */
export const RouteCheckpoint = z.object({
	checkpointId: CheckpointId,
	name: z.string().trim().min(1).max(100),
	/** The string printed as a QR code on the plate (or written to its NFC tag). */
	code: z.string().trim().min(1).max(200),
	point: LngLat,
	/** Minutes from the start of a round by which the guard should be here; derived from order when absent. */
	expectedMinute: z.number().int().min(0).optional(),
	/** How far from `point` a scan's reported position may be before it is flagged `off_position`. */
	radiusMetres: z.number().positive().max(1000).default(50),
	/** Minutes late allowed at this checkpoint; the route's tolerance when absent. */
	toleranceMinutes: z.number().int().min(0).max(240).optional(),
});
export type RouteCheckpoint = z.infer<typeof RouteCheckpoint>;

const isWholeMinutes = (hours: number): boolean => Math.abs(hours * 60 - Math.round(hours * 60)) < 1e-9;

/**
 * A part of the day with its own round interval, e.g. day 06:00–22:00 every 2 h. An `end` at or before
 * `start` means the period runs past midnight (night 22:00–06:00); 00:00–24:00 is the whole day.
 */
export const PatrolPeriod = z
	.object({
		start: LocalTime.refine((time) => time !== '24:00', 'a period cannot start at 24:00'),
		end: LocalTime,
		intervalHours: z.number().positive().max(24).refine(isWholeMinutes, 'the interval must be whole minutes'),
	})
	.refine((period) => parseLocalTime(period.start) !== parseLocalTime(period.end), {
		message: 'a period must not start and end at the same time',
		path: ['end'],
	});
export type PatrolPeriod = z.infer<typeof PatrolPeriod>;

export type PeriodName = 'day' | 'night';

/** Minutes from the local midnight of the period's own date; `end` may pass 1440 for a night period. */
export function periodSpan(period: PatrolPeriod): { start: number; end: number; interval: number } {
	const start = parseLocalTime(period.start);
	const rawEnd = parseLocalTime(period.end);
	const end = rawEnd <= start ? rawEnd + MINUTES_PER_DAY : rawEnd;
	return { start, end, interval: Math.round(period.intervalHours * 60) };
}

/** The period's minutes as pieces of one day, so that day and night can be compared around midnight. */
function piecesOfDay(period: PatrolPeriod): [number, number][] {
	const { start, end } = periodSpan(period);
	return end <= MINUTES_PER_DAY
		? [[start, end]]
		: [
				[start, MINUTES_PER_DAY],
				[0, end - MINUTES_PER_DAY],
			];
}

function periodsOverlap(a: PatrolPeriod, b: PatrolPeriod): boolean {
	return piecesOfDay(a).some(([aStart, aEnd]) =>
		piecesOfDay(b).some(([bStart, bEnd]) => aStart < bEnd && bStart < aEnd),
	);
}

/**
 * Patrol route (巡逻路线): ordered checkpoints walked in rounds, every `day.intervalHours` by day and every
 * `night.intervalHours` by night. A round must be finished within `windowMinutes` of its start; a
 * checkpoint scanned more than its tolerance after its expected minute is late.
 */
export const PatrolRoute = z
	.object({
		id: PatrolRouteId,
		estateId: EstateId,
		name: z.string().trim().min(1).max(100),
		checkpoints: z.array(RouteCheckpoint).min(1, 'a route needs at least one checkpoint').max(200),
		day: PatrolPeriod,
		/** `null` when the route is not walked at night. */
		night: PatrolPeriod.nullable(),
		windowMinutes: z.number().int().positive().max(MINUTES_PER_DAY),
		toleranceMinutes: z.number().int().min(0).max(240).default(10),
	})
	.superRefine((route, ctx) => {
		const codes = new Set<string>();
		const ids = new Set<string>();
		route.checkpoints.forEach((checkpoint, index) => {
			if (codes.has(checkpoint.code)) {
				ctx.addIssue({
					code: 'custom',
					message: 'checkpoint codes must be unique',
					path: ['checkpoints', index, 'code'],
				});
			}
			if (ids.has(checkpoint.checkpointId)) {
				ctx.addIssue({
					code: 'custom',
					message: 'a checkpoint appears only once on a route',
					path: ['checkpoints', index, 'checkpointId'],
				});
			}
			codes.add(checkpoint.code);
			ids.add(checkpoint.checkpointId);
		});

		const stated = route.checkpoints.filter((checkpoint) => checkpoint.expectedMinute !== undefined).length;
		if (stated !== 0 && stated !== route.checkpoints.length) {
			ctx.addIssue({
				code: 'custom',
				message: 'give expectedMinute for every checkpoint or for none',
				path: ['checkpoints'],
			});
		}
		let previous = 0;
		route.checkpoints.forEach((checkpoint, index) => {
			const minute = checkpoint.expectedMinute;
			if (minute === undefined) return;
			if (minute < previous) {
				ctx.addIssue({
					code: 'custom',
					message: 'expected minutes must follow the order of the route',
					path: ['checkpoints', index, 'expectedMinute'],
				});
			}
			if (minute > route.windowMinutes) {
				ctx.addIssue({
					code: 'custom',
					message: 'a checkpoint cannot be expected after the round window closes',
					path: ['checkpoints', index, 'expectedMinute'],
				});
			}
			previous = Math.max(previous, minute);
		});

		if (route.night && periodsOverlap(route.day, route.night)) {
			ctx.addIssue({ code: 'custom', message: 'day and night periods overlap', path: ['night'] });
		}
		// Rounds of one route must not overlap, or a scan could count for two rounds.
		for (const name of ['day', 'night'] as const) {
			const period = route[name];
			if (period && periodSpan(period).interval < route.windowMinutes) {
				ctx.addIssue({
					code: 'custom',
					message: 'the round window is longer than the interval between rounds',
					path: [name, 'intervalHours'],
				});
			}
		}
	});
export type PatrolRoute = z.infer<typeof PatrolRoute>;

/**
 * Minutes from round start at which each checkpoint is expected. Without stated minutes the checkpoints
 * are spread evenly and the last one falls before the window closes, so that it can still be late
 * rather than only on time or missed.
 */
export function expectedMinutes(route: PatrolRoute): number[] {
	const count = route.checkpoints.length;
	return route.checkpoints.map(
		(checkpoint, index) =>
			checkpoint.expectedMinute ?? Math.floor((route.windowMinutes * (index + 1)) / (count + 1)),
	);
}
