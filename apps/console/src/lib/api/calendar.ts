import { WeeklyHours } from '@estate-ops/domain/sla';
import { z } from 'zod';
import type { ApiClient, ApiResult } from './http';

export const CalendarDayKind = z.enum(['holiday', 'workday']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarDay = z.object({
	date: z.string(),
	kind: CalendarDayKind,
	name: z.string(),
	source: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

const WorkingCalendarView = z.object({ timeZone: z.string(), week: WeeklyHours, days: z.array(CalendarDay) });
export type WorkingCalendarView = z.infer<typeof WorkingCalendarView>;

const CalendarImport = z.object({
	dryRun: z.boolean(),
	days: z.array(CalendarDay.extend({ replaces: CalendarDay.nullable() })),
	skipped: z.array(
		z.object({
			line: z.number(),
			summary: z.string().nullable(),
			reason: z.string(),
			date: z.string().optional(),
		}),
	),
});
export type CalendarImport = z.infer<typeof CalendarImport>;

const base = (estateId: string) => `/api/v1/estates/${encodeURIComponent(estateId)}/calendar`;

export const calendarApi = (api: ApiClient) => ({
	view: (estateId: string, from: string, to: string): Promise<ApiResult<WorkingCalendarView>> =>
		api.request(`${base(estateId)}?from=${from}&to=${to}`, WorkingCalendarView),
	setDay: (estateId: string, date: string, day: { kind: CalendarDayKind; name: string }) =>
		api.request(`${base(estateId)}/days/${date}`, CalendarDay, { method: 'PUT', body: day }),
	removeDay: (estateId: string, date: string) =>
		api.request(`${base(estateId)}/days/${date}`, z.unknown(), { method: 'DELETE' }),
	/** Reads an .ics file on the server: `dryRun` only says what it would change (the preview). */
	importIcs: (estateId: string, content: string, dryRun: boolean): Promise<ApiResult<CalendarImport>> =>
		api.request(`${base(estateId)}/import?dryRun=${dryRun}`, CalendarImport, {
			method: 'POST',
			text: { contentType: 'text/calendar', content },
		}),
});
export type CalendarApi = ReturnType<typeof calendarApi>;
