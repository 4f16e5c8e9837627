import { z } from '@hono/zod-openapi';
import { LocalDate } from '@estate-ops/domain/shared';
import { WeeklyHours } from '@estate-ops/domain/sla';

/** Working calendar wire schemas (工作日历). */

const isRealDate = (date: string): boolean => {
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
};

export const CalendarDate = LocalDate.refine(isRealDate, 'not a date of the calendar');

export const EstateIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const CalendarDayParams = EstateIdParam.extend({
	date: CalendarDate.openapi({ param: { name: 'date', in: 'path' }, example: '2026-10-10' }),
});

export const CalendarQuery = z.object({
	from: CalendarDate.optional(),
	to: CalendarDate.optional(),
});

export const CalendarDayKind = z.enum(['holiday', 'workday']).openapi('CalendarDayKind', {
	description:
		'`holiday`: no working time that day; `workday`: a 调休 working day on what would be a rest day',
});

export const CalendarDayBody = z
	.strictObject({ kind: CalendarDayKind, name: z.string().trim().min(1).max(100) })
	.openapi('CalendarDayInput');

export const CalendarDayView = z
	.object({ date: z.string(), kind: CalendarDayKind, name: z.string(), source: z.string() })
	.openapi('CalendarDay');

export const CalendarView = z
	.object({ timeZone: z.string(), week: WeeklyHours, days: z.array(CalendarDayView) })
	.openapi('WorkingCalendar');

export const ImportQuery = z.object({
	dryRun: z
		.enum(['true', 'false'])
		.optional()
		.transform((value) => value === 'true')
		.openapi({ description: 'Only say what the file would change (the console’s preview).' }),
});

export const CalendarImportView = z
	.object({
		dryRun: z.boolean(),
		days: z.array(CalendarDayView.extend({ replaces: CalendarDayView.nullable() })),
		skipped: z.array(
			z.object({
				line: z.number().int(),
				summary: z.string().nullable(),
				reason: z.enum(['not_all_day', 'recurring', 'invalid_dates', 'too_long', 'duplicate_date']),
				date: z.string().optional(),
			}),
		),
	})
	.openapi('CalendarImport');
