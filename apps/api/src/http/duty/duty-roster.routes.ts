import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { auditActorOf } from '../../auth/audit-actor';
import type { Permission } from '../../auth/permissions';
import type { DutyRosterService } from '../../services/duty-roster.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problemResponse } from '../problem';
import {
	DutyShiftBody,
	DutyShiftList,
	DutyShiftQuery,
	DutyShiftView,
	OnDutyQuery,
	OnDutyView,
	ShiftIdParam,
} from './duty.schemas';

export type DutyRosterRoutesDeps = {
	readonly roster: DutyRosterService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = { 401: problemContent('Not signed in'), 403: problemContent('Not allowed') } as const;

/** The duty roster (值班表): `/api/v1/duty`. Read with `staff.read`; kept by administrators and managers. */
export function dutyRosterRoutes(deps: DutyRosterRoutesDeps) {
	const { roster } = deps;
	const read = deps.requirePermission('staff.read');
	const manage = deps.requirePermission('duty.manage');

	const listRoute = createRoute({
		method: 'get',
		path: '/shifts',
		tags: ['duty'],
		summary: 'The estate’s duty roster, by department',
		middleware: [read] as const,
		request: { query: DutyShiftQuery },
		responses: {
			200: { description: 'The shifts', content: { 'application/json': { schema: DutyShiftList } } },
			400: problemContent('Invalid filter'),
			...guarded,
		},
	});

	const createShiftRoute = createRoute({
		method: 'post',
		path: '/shifts',
		tags: ['duty'],
		summary: 'Add a shift to the roster',
		middleware: [manage] as const,
		request: { body: { content: { 'application/json': { schema: DutyShiftBody } }, required: true } },
		responses: {
			201: { description: 'Added', content: { 'application/json': { schema: DutyShiftView } } },
			400: problemContent('Invalid shift (times, repeat, validity), naming the field'),
			...guarded,
			422: problemContent('Not an active staff member of this estate, or of another department'),
		},
	});

	const replaceRoute = createRoute({
		method: 'put',
		path: '/shifts/{id}',
		tags: ['duty'],
		summary: 'Change a shift',
		middleware: [manage] as const,
		request: {
			params: ShiftIdParam,
			body: { content: { 'application/json': { schema: DutyShiftBody } }, required: true },
		},
		responses: {
			200: {
				description: 'The shift as changed',
				content: { 'application/json': { schema: DutyShiftView } },
			},
			400: problemContent('Invalid shift'),
			...guarded,
			404: problemContent('No such shift'),
			422: problemContent('Not an active staff member of this estate, or of another department'),
		},
	});

	const deleteRoute = createRoute({
		method: 'delete',
		path: '/shifts/{id}',
		tags: ['duty'],
		summary: 'Take a shift off the roster',
		middleware: [manage] as const,
		request: { params: ShiftIdParam },
		responses: { 204: { description: 'Removed' }, ...guarded, 404: problemContent('No such shift') },
	});

	const onDutyRoute = createRoute({
		method: 'get',
		path: '/on-duty',
		tags: ['duty'],
		summary: 'Who is on duty now (or at `at`), and when each person of the roster is next on',
		middleware: [read] as const,
		request: { query: OnDutyQuery },
		responses: {
			200: { description: 'On duty', content: { 'application/json': { schema: OnDutyView } } },
			400: problemContent('Invalid query'),
			...guarded,
		},
	});

	return createRouter()
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const items = await roster.list(principal.estateId, {
				...(query.department ? { department: query.department } : {}),
				...(query.staffId ? { staffId: query.staffId } : {}),
			});
			return c.json({ items }, 200);
		})
		.openapi(createShiftRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await roster.create(
				principal.estateId,
				auditActorOf(principal),
				c.req.valid('json'),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 201);
		})
		.openapi(replaceRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await roster.replace(
				principal.estateId,
				c.req.valid('param').id,
				auditActorOf(principal),
				c.req.valid('json'),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 200);
		})
		.openapi(deleteRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await roster.remove(
				principal.estateId,
				c.req.valid('param').id,
				auditActorOf(principal),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.body(null, 204);
		})
		.openapi(onDutyRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const view = await roster.onDuty(
				principal.estateId,
				query.department ? { department: query.department } : {},
				...(query.at ? [query.at] : []),
			);
			return c.json(view, 200);
		});
}
