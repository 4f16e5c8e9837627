import { z } from 'zod';
import { CleaningTaskId, ZoneId } from '../shared/ids';
import { LocalTime, parseLocalTime } from '../shared/time';
import { CleaningCondition } from './cleaning-condition';
import { CleaningZoneKind } from './cleaning-zone';

const IsoWeekday = z.literal([1, 2, 3, 4, 5, 6, 7]);

const Times = z
	.array(LocalTime)
	.min(1)
	.max(48)
	.refine((times) => new Set(times).size === times.length, 'times must not repeat');
const Weekdays = z
	.array(IsoWeekday)
	.min(1)
	.refine((days) => new Set(days).size === days.length, 'weekdays must not repeat');

const windowOpensBeforeDue = (frequency: { from?: LocalTime | undefined; due: LocalTime }): boolean =>
	frequency.from === undefined || parseLocalTime(frequency.from) < parseLocalTime(frequency.due);
const fromBeforeDue = { message: 'the window must open before the task is due', path: ['from'] };

/**
 * How often a task recurs:
 * - `daily`: once a day, due at `due`; with `from`, doable any time from then (before a deadline)
 * - `times_per_day`: at each of `times` (toilets several times a day)
 * - `peak_hours`: extra rounds at rush hour, on working days only or every day (lift disinfection)
 * - `weekly`: on the given ISO weekdays, like `daily`
 * - `fixed_times`: at exact times, on some weekdays or every day (garbage collection)
 */
export const CleaningFrequency = z.discriminatedUnion('type', [
	z
		.object({ type: z.literal('daily'), due: LocalTime, from: LocalTime.optional() })
		.refine(windowOpensBeforeDue, fromBeforeDue),
	z.object({ type: z.literal('times_per_day'), times: Times }),
	z.object({ type: z.literal('peak_hours'), times: Times, days: z.enum(['working_days', 'every_day']) }),
	z
		.object({ type: z.literal('weekly'), weekdays: Weekdays, due: LocalTime, from: LocalTime.optional() })
		.refine(windowOpensBeforeDue, fromBeforeDue),
	z.object({ type: z.literal('fixed_times'), times: Times, weekdays: Weekdays.optional() }),
]);
export type CleaningFrequency = z.infer<typeof CleaningFrequency>;

/** Rounds a task gains while a condition is on, e.g. bad weather: sweep the roads again at 14:00. */
export const ExtraRounds = z.object({ condition: CleaningCondition, times: Times });
export type ExtraRounds = z.infer<typeof ExtraRounds>;

/** A cleaning task (保洁任务) of a zone and how often it is due. */
export const CleaningTask = z.object({
	id: CleaningTaskId,
	name: z.string().trim().min(1).max(100),
	frequency: CleaningFrequency,
	/** How long before it is due a round may be done, where the frequency gives no `from`. */
	windowMinutes: z
		.number()
		.int()
		.positive()
		.max(24 * 60)
		.default(60),
	extraRounds: z.array(ExtraRounds).default([]),
});
export type CleaningTask = z.infer<typeof CleaningTask>;

/**
 * The tasks of every zone of a kind, or, with `zoneIds`, of those zones only; a plan naming a zone wins
 * over the plan of its kind.
 */
export const CleaningPlan = z
	.object({
		zoneKind: CleaningZoneKind,
		zoneIds: z.array(ZoneId).min(1).optional(),
		tasks: z.array(CleaningTask).min(1).max(50),
	})
	.refine((plan) => new Set(plan.tasks.map((task) => task.id)).size === plan.tasks.length, {
		message: 'task ids must be unique within a plan',
		path: ['tasks'],
	});
export type CleaningPlan = z.infer<typeof CleaningPlan>;
