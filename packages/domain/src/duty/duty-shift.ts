import { z } from 'zod';
import { Department } from '../estate/department';
import { StaffId } from '../shared/ids';
import { LocalDate, LocalTime } from '../shared/time';
import { WEEKDAY_KEYS } from '../sla/working-calendar';

/**
 * What a person on a shift answers for (值班角色): the lead (值班组长) takes at-risk alerts while they can still be
 * acted on, the head (部门负责人) takes breaches, members (值班员) are on duty without either.
 */
export const DutyRole = z.enum(['lead', 'head', 'member']);
export type DutyRole = z.infer<typeof DutyRole>;

export const Weekday = z.enum(WEEKDAY_KEYS);
export type Weekday = z.infer<typeof Weekday>;

/**
 * When a shift comes round: on given weekdays whatever the calendar says (round-the-clock rotas: guards, the
 * monitoring room), on every working day of the estate's calendar (office hours: holidays off, 调休 weekend days
 * worked), or on one date (a cover or a holiday duty).
 */
export const DutyRepeat = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('weekly'),
		weekdays: z
			.array(Weekday)
			.min(1)
			.max(7)
			.refine((days) => new Set(days).size === days.length, 'a weekday is listed twice'),
	}),
	z.strictObject({ kind: z.literal('working_days') }),
	z.strictObject({ kind: z.literal('dated'), date: LocalDate }),
]);
export type DutyRepeat = z.infer<typeof DutyRepeat>;

const shiftShape = {
	staffId: StaffId,
	department: Department,
	role: DutyRole,
	/** Local time in the estate's zone. */
	start: LocalTime,
	/** Local time; at or before `start` means the next day (20:00–08:00 is a night shift). 00:00–24:00 is a whole day. */
	end: LocalTime,
	repeat: DutyRepeat,
	/** First and last date (of the shift's start) a repeating shift runs; null for no bound. */
	validFrom: LocalDate.nullable().default(null),
	validUntil: LocalDate.nullable().default(null),
};

function checkShift(
	shift: {
		start: string;
		end: string;
		repeat: DutyRepeat;
		validFrom: string | null;
		validUntil: string | null;
	},
	ctx: z.RefinementCtx,
): void {
	if (shift.start === '24:00')
		ctx.addIssue({ code: 'custom', message: 'a shift cannot start at 24:00', path: ['start'] });
	if (shift.start === shift.end) {
		ctx.addIssue({
			code: 'custom',
			message: 'a shift must end at another time than it starts (a whole day is 00:00–24:00)',
			path: ['end'],
		});
	}
	if (shift.validFrom !== null && shift.validUntil !== null && shift.validUntil < shift.validFrom) {
		ctx.addIssue({ code: 'custom', message: 'the shift stops before it begins', path: ['validUntil'] });
	}
	if (shift.repeat.kind === 'dated' && (shift.validFrom !== null || shift.validUntil !== null)) {
		ctx.addIssue({
			code: 'custom',
			message: 'a shift on one date has no validity range',
			path: [shift.validFrom !== null ? 'validFrom' : 'validUntil'],
		});
	}
}

/** A shift as an administrator enters it (排班), before it has an id. */
export const DutyShiftInput = z.strictObject(shiftShape).superRefine(checkShift);
export type DutyShiftInput = z.infer<typeof DutyShiftInput>;

/**
 * One line of an estate's duty roster (值班表): who is on duty for which department, in which role, when.
 * Shifts may overlap, also for one person (a cover on top of the weekly rota, a handover): on-duty time is their
 * union, and several leads on duty at once all hear of an at-risk order.
 */
export const DutyShift = z
	.strictObject({ id: z.string().min(1).max(64), ...shiftShape })
	.superRefine(checkShift);
export type DutyShift = z.infer<typeof DutyShift>;
