import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { auditActorOf } from '../../auth/audit-actor';
import type { Permission } from '../../auth/permissions';
import type { EstateSetupService } from '../../services/estate-setup.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problemResponse } from '../problem';
import { CreateEstateBody, CreatedEstateView } from './estates.schemas';

export type EstatesRoutesDeps = {
	readonly estates: EstateSetupService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

/** The company's estates: `POST /api/v1/estates` (administrators). */
export function estatesRoutes(deps: EstatesRoutesDeps) {
	const createEstateRoute = createRoute({
		method: 'post',
		path: '/',
		tags: ['estates'],
		summary: 'Create an estate with its working week, SLA rules and its country’s calendar preset',
		middleware: [deps.requirePermission('estate.manage')] as const,
		request: { body: { content: { 'application/json': { schema: CreateEstateBody } }, required: true } },
		responses: {
			201: { description: 'Created', content: { 'application/json': { schema: CreatedEstateView } } },
			400: problemContent('Invalid estate, naming the field'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			409: problemContent('The code is taken'),
			422: problemContent('The location is outside the boundary'),
		},
	});

	return createRouter().openapi(createEstateRoute, async (c) => {
		const principal = principalOf(c.get('principal'));
		const result = await deps.estates.create(
			c.req.valid('json'),
			auditActorOf(principal),
			c.get('requestId'),
		);
		if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
		return c.json(result.value, 201);
	});
}
