import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { auditActorOf } from '../../auth/audit-actor';
import type { Permission } from '../../auth/permissions';
import type { CalendarService } from '../../services/calendar.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import {
	CalendarDayBody,
	CalendarDayParams,
	CalendarDayView,
	CalendarImportView,
	CalendarQuery,
	CalendarView,
	EstateIdParam,
	ImportQuery,
} from './calendar.schemas';

export type CalendarRoutesDeps = {
	readonly calendar: CalendarService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = { 401: problemContent('Not signed in'), 403: problemContent('Not allowed') } as const;

// Principals belong to one estate: another estate's calendar is as unknown as one that does not exist.
const estateNotFound = (requestId: string) =>
	problemResponse(
		problem(404, 'Not Found', { detail: 'No such estate.', code: 'ESTATE.NOT_FOUND', requestId }),
	) as never;

const ICS_TYPES = ['text/calendar', 'application/ics', 'text/x-vcalendar'];

/**
 * An estate's working calendar: `/api/v1/estates/{id}/calendar`. Read with `estate.read`; administrators
 * (`sla.manage`) set and remove days and import .ics files.
 */
export function calendarRoutes(deps: CalendarRoutesDeps) {
	const { calendar } = deps;
	const read = deps.requirePermission('estate.read');
	const manage = deps.requirePermission('sla.manage');

	const viewRoute = createRoute({
		method: 'get',
		path: '/{id}/calendar',
		tags: ['calendar'],
		summary: 'The working week and the dated days (holidays, 调休 working days) of an estate',
		middleware: [read] as const,
		request: { params: EstateIdParam, query: CalendarQuery },
		responses: {
			200: { description: 'The calendar', content: { 'application/json': { schema: CalendarView } } },
			400: problemContent('Invalid range'),
			...guarded,
			404: problemContent('No such estate'),
		},
	});

	const putDayRoute = createRoute({
		method: 'put',
		path: '/{id}/calendar/days/{date}',
		tags: ['calendar'],
		summary: 'Make a date a holiday or a (调休) working day',
		middleware: [manage] as const,
		request: {
			params: CalendarDayParams,
			body: { content: { 'application/json': { schema: CalendarDayBody } }, required: true },
		},
		responses: {
			200: { description: 'Changed', content: { 'application/json': { schema: CalendarDayView } } },
			201: { description: 'Added', content: { 'application/json': { schema: CalendarDayView } } },
			400: problemContent('Invalid date or day'),
			...guarded,
			404: problemContent('No such estate'),
		},
	});

	const deleteDayRoute = createRoute({
		method: 'delete',
		path: '/{id}/calendar/days/{date}',
		tags: ['calendar'],
		summary: 'Make a date an ordinary day of the working week again',
		middleware: [manage] as const,
		request: { params: CalendarDayParams },
		responses: {
			204: { description: 'Removed' },
			400: problemContent('Invalid date'),
			...guarded,
			404: problemContent('No such estate, or the date is not a special day'),
		},
	});

	const importRoute = createRoute({
		method: 'post',
		path: '/{id}/calendar/import',
		tags: ['calendar'],
		summary:
			'Import an .ics file: all-day events become holidays, or working days when marked 班/上班/workday (?dryRun=true previews)',
		middleware: [manage] as const,
		request: {
			params: EstateIdParam,
			query: ImportQuery,
			body: { content: { 'text/calendar': { schema: z.string() } }, required: true },
		},
		responses: {
			200: {
				description: 'What was (or would be) set, and the events skipped',
				content: { 'application/json': { schema: CalendarImportView } },
			},
			400: problemContent('Invalid query'),
			...guarded,
			404: problemContent('No such estate'),
			415: problemContent('Not text/calendar'),
			422: problemContent('Not an iCalendar file'),
		},
	});

	return createRouter()
		.openapi(viewRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			if (id !== principal.estateId) return estateNotFound(c.get('requestId'));
			const query = c.req.valid('query');
			const result = await calendar.view(id, {
				...(query.from ? { from: query.from } : {}),
				...(query.to ? { to: query.to } : {}),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json({ ...result.value, days: [...result.value.days] }, 200);
		})
		.openapi(putDayRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id, date } = c.req.valid('param');
			if (id !== principal.estateId) return estateNotFound(c.get('requestId'));
			const result = await calendar.setDay(
				id,
				date,
				c.req.valid('json'),
				auditActorOf(principal),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value.day, result.value.created ? 201 : 200);
		})
		.openapi(deleteDayRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id, date } = c.req.valid('param');
			if (id !== principal.estateId) return estateNotFound(c.get('requestId'));
			const result = await calendar.removeDay(id, date, auditActorOf(principal), c.get('requestId'));
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.body(null, 204);
		})
		.openapi(importRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
			if (!ICS_TYPES.includes(type)) {
				return problemResponse(
					problem(415, 'Unsupported Media Type', {
						detail: 'Send the .ics file as text/calendar.',
						code: 'CALENDAR.ICS_EXPECTED',
						errors: [{ path: 'body', message: 'expected text/calendar' }],
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const { id } = c.req.valid('param');
			if (id !== principal.estateId) return estateNotFound(c.get('requestId'));
			const result = await calendar.importIcs(id, await c.req.text(), {
				dryRun: c.req.valid('query').dryRun,
				actor: auditActorOf(principal),
				requestId: c.get('requestId'),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			const { dryRun, days, skipped } = result.value;
			return c.json({ dryRun, days: [...days], skipped: [...skipped] }, 200);
		});
}
