import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { FieldAlertService } from '../../services/field-alert.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import {
	AlertIdParam,
	AlertListQuery,
	FieldAlertDetail,
	FieldAlertView,
	ResolveAlertBody,
} from './alerts.schemas';
import { z } from '@hono/zod-openapi';

export type AlertRoutesDeps = {
	readonly alerts: FieldAlertService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

const notFound = (requestId: string) =>
	problemResponse(
		problem(404, 'Not Found', { detail: 'No such alert.', code: 'ALERT.NOT_FOUND', requestId }),
	);

/** The control room's alerts (告警): `/api/v1/alerts`: list, read with history, acknowledge, resolve. */
export function alertRoutes(deps: AlertRoutesDeps) {
	const { alerts } = deps;
	const read = deps.requirePermission('alerts.read');
	const handle = deps.requirePermission('alerts.acknowledge');

	const listRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['alerts'],
		summary: 'Alerts from the field, newest first; `open=true` for those not resolved yet',
		middleware: [read] as const,
		request: { query: AlertListQuery },
		responses: {
			200: {
				description: 'Alerts',
				content: { 'application/json': { schema: z.object({ alerts: z.array(FieldAlertView) }) } },
			},
			400: problemContent('Invalid filter'),
			...guarded,
		},
	});

	const detailRoute = createRoute({
		method: 'get',
		path: '/{id}',
		tags: ['alerts'],
		summary: 'One alert with its history (who raised, acknowledged and resolved it, and when)',
		middleware: [read] as const,
		request: { params: AlertIdParam },
		responses: {
			200: { description: 'The alert', content: { 'application/json': { schema: FieldAlertDetail } } },
			400: problemContent('Invalid id'),
			...guarded,
			404: problemContent('No such alert'),
		},
	});

	const commandResponses = {
		200: {
			description: 'The alert after the step',
			content: { 'application/json': { schema: FieldAlertView } },
		},
		400: problemContent('Invalid id or body'),
		...guarded,
		404: problemContent('No such alert'),
		409: problemContent('Already acknowledged or resolved, or changed by someone else meanwhile'),
	} as const;

	const acknowledgeRoute = createRoute({
		method: 'post',
		path: '/{id}/acknowledge',
		tags: ['alerts'],
		summary: 'Acknowledge an alert: someone in the control room is on it',
		middleware: [handle] as const,
		request: { params: AlertIdParam },
		responses: commandResponses,
	});

	const resolveRoute = createRoute({
		method: 'post',
		path: '/{id}/resolve',
		tags: ['alerts'],
		summary: 'Resolve an alert, with what was done',
		middleware: [handle] as const,
		request: {
			params: AlertIdParam,
			body: { content: { 'application/json': { schema: ResolveAlertBody } }, required: false },
		},
		responses: commandResponses,
	});

	return createRouter()
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const list = await alerts.list({
				estateId: principal.estateId,
				...(query.open === undefined ? {} : { open: query.open }),
				limit: query.limit,
			});
			return c.json({ alerts: list }, 200);
		})
		.openapi(detailRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const detail = await alerts.detail(principal.estateId, c.req.valid('param').id);
			if (!detail) return notFound(c.get('requestId')) as never;
			return c.json({ ...detail, history: [...detail.history] }, 200);
		})
		.openapi(acknowledgeRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await alerts.decide(
				principal.estateId,
				c.req.valid('param').id,
				{ type: 'acknowledge' },
				actorOf(principal),
				c.get('requestId'),
			);
			if (!result.ok) {
				if (result.error.code === 'ALERT.NOT_FOUND') return notFound(c.get('requestId')) as never;
				return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			}
			return c.json(result.value, 200);
		})
		.openapi(resolveRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const body = c.req.valid('json') as { resolution?: string } | undefined;
			const result = await alerts.decide(
				principal.estateId,
				c.req.valid('param').id,
				{ type: 'resolve', ...(body?.resolution ? { resolution: body.resolution } : {}) },
				actorOf(principal),
				c.get('requestId'),
			);
			if (!result.ok) {
				if (result.error.code === 'ALERT.NOT_FOUND') return notFound(c.get('requestId')) as never;
				return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			}
			return c.json(result.value, 200);
		});
}
