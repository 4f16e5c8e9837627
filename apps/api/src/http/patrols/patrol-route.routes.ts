import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { Database } from '../../db/database';
import { findCheckpoint, type StoredPatrolRoute } from '../../db/repositories/patrol-route.repository';
import { isUuid } from '../../db/repositories/site.repository';
import { findEstateSummary } from '../../db/repositories/staff.repository';
import type { PatrolRouteService } from '../../services/patrol-route.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse, type FieldError, type Problem } from '../problem';
import { checkpointPlateSvg } from './checkpoint-plate';
import {
	ExpectedVersionQuery,
	IdParam,
	PatrolRouteBody,
	PatrolRouteDetail,
	PatrolRouteUpdateBody,
	PatrolRouteView,
	RouteListQuery,
} from './patrols.schemas';

export type PatrolRouteRoutesDeps = {
	readonly db: Database;
	readonly routes: PatrolRouteService;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

/** A domain error as a problem; a route refused by the domain names every offending field, not only the first. */
export function patrolProblem(
	error: {
		code: string;
		message: string;
		path?: readonly (string | number)[];
		details?: Record<string, unknown>;
	},
	requestId: string,
): Problem {
	const base = domainProblem(error, requestId);
	const listed = error.details?.['errors'];
	if (!Array.isArray(listed)) return base;
	const { errors: _listed, ...details } = error.details ?? {};
	const { details: _details, ...rest } = base;
	return {
		...rest,
		errors: listed as FieldError[],
		...(Object.keys(details).length > 0 ? { details } : {}),
	};
}

/** The route as an editor or a reader sees it; codes only for those who may print plates. */
export function patrolRouteView(stored: StoredPatrolRoute, showCodes: boolean) {
	const { route } = stored;
	return {
		id: route.id as string,
		name: route.name,
		version: stored.version,
		day: route.day,
		night: route.night,
		windowMinutes: route.windowMinutes,
		toleranceMinutes: route.toleranceMinutes,
		createdAt: stored.createdAt,
		updatedAt: stored.updatedAt,
		archivedAt: stored.archivedAt,
		checkpoints: route.checkpoints.map((checkpoint, index) => ({
			id: checkpoint.checkpointId as string,
			sequence: index + 1,
			name: checkpoint.name,
			...(showCodes ? { code: checkpoint.code } : {}),
			point: [checkpoint.point[0], checkpoint.point[1]] as [number, number],
			zoneId: stored.zoneOf.get(checkpoint.checkpointId) ?? null,
			radiusMetres: checkpoint.radiusMetres,
			expectedMinute: checkpoint.expectedMinute ?? null,
			toleranceMinutes: checkpoint.toleranceMinutes ?? null,
		})),
	};
}

const mayPrint = (principal: Principal) => hasPermission(principal, 'patrols.manage');

/** `/api/v1/patrols/routes` and the checkpoint plates: the route editor's api. */
export function patrolRouteRoutes(deps: PatrolRouteRoutesDeps) {
	const { routes } = deps;
	const read = deps.requirePermission('patrols.read');
	const manage = deps.requirePermission('patrols.manage');
	const notFound = (requestId: string) =>
		problemResponse(
			problem(404, 'Not Found', {
				detail: 'No such patrol route.',
				code: 'PATROL_ROUTE.NOT_FOUND',
				requestId,
			}),
		);

	const listRoute = createRoute({
		method: 'get',
		path: '/routes',
		tags: ['patrols'],
		summary: 'Patrol routes (巡逻路线) with their checkpoints in walking order',
		middleware: [read] as const,
		request: { query: RouteListQuery },
		responses: {
			200: {
				description: 'The routes',
				content: { 'application/json': { schema: z.object({ routes: z.array(PatrolRouteView) }) } },
			},
			400: problemContent('Invalid query'),
			...guarded,
		},
	});

	const createRouteRoute = createRoute({
		method: 'post',
		path: '/routes',
		tags: ['patrols'],
		summary: 'Create a route: ordered checkpoints with codes, day and night intervals, the round window',
		middleware: [manage] as const,
		request: { body: { content: { 'application/json': { schema: PatrolRouteBody } }, required: true } },
		responses: {
			201: { description: 'Created', content: { 'application/json': { schema: PatrolRouteView } } },
			400: problemContent('Invalid request'),
			...guarded,
			409: problemContent('A checkpoint code is already used in this estate'),
			422: problemContent(
				'Refused by the route rules (overlapping periods, window longer than the interval …)',
			),
		},
	});

	const detailRoute = createRoute({
		method: 'get',
		path: '/routes/{id}',
		tags: ['patrols'],
		summary: 'One route with its edit history',
		middleware: [read] as const,
		request: { params: IdParam },
		responses: {
			200: { description: 'The route', content: { 'application/json': { schema: PatrolRouteDetail } } },
			...guarded,
			404: problemContent('No such route'),
		},
	});

	const updateRoute = createRoute({
		method: 'put',
		path: '/routes/{id}',
		tags: ['patrols'],
		summary: 'Replace a route; rounds already started keep the version they were generated from',
		middleware: [manage] as const,
		request: {
			params: IdParam,
			body: { content: { 'application/json': { schema: PatrolRouteUpdateBody } }, required: true },
		},
		responses: {
			200: {
				description: 'The route after the edit',
				content: { 'application/json': { schema: PatrolRouteView } },
			},
			400: problemContent('Invalid request'),
			...guarded,
			404: problemContent('No such route'),
			409: problemContent('Edited meanwhile (version), or a checkpoint code is already used'),
			422: problemContent('Refused by the route rules, or an unknown checkpoint or zone'),
		},
	});

	const archiveRoute = createRoute({
		method: 'delete',
		path: '/routes/{id}',
		tags: ['patrols'],
		summary: 'Retire a route: no more rounds; its rounds, scans and history stay',
		middleware: [manage] as const,
		request: { params: IdParam, query: ExpectedVersionQuery },
		responses: {
			200: { description: 'The retired route', content: { 'application/json': { schema: PatrolRouteView } } },
			400: problemContent('Invalid query'),
			...guarded,
			404: problemContent('No such route'),
			409: problemContent('Edited meanwhile (version)'),
		},
	});

	const plateRoute = createRoute({
		method: 'get',
		path: '/checkpoints/{id}/plate',
		tags: ['patrols'],
		summary: "A checkpoint's printable plate (A6 SVG): its code as a QR, its name, number and route",
		middleware: [manage] as const,
		request: { params: IdParam },
		responses: {
			200: {
				description: 'The plate',
				content: { 'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) } },
			},
			...guarded,
			404: problemContent('No such checkpoint'),
		},
	});

	return createRouter()
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { includeArchived } = c.req.valid('query');
			const stored = await routes.list(principal.estateId, { includeArchived });
			return c.json({ routes: stored.map((route) => patrolRouteView(route, mayPrint(principal))) }, 200);
		})
		.openapi(createRouteRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await routes.create(
				principal.estateId,
				actorOf(principal),
				c.req.valid('json'),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(patrolProblem(result.error, c.get('requestId'))) as never;
			return c.json(patrolRouteView(result.value, true), 201);
		})
		.openapi(detailRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const stored = await routes.get(principal.estateId, id);
			if (!stored) return notFound(c.get('requestId')) as never;
			const history = await routes.history(principal.estateId, id);
			return c.json({ ...patrolRouteView(stored, mayPrint(principal)), history }, 200);
		})
		.openapi(updateRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { expectedVersion, ...input } = c.req.valid('json');
			const result = await routes.update(
				principal.estateId,
				c.req.valid('param').id,
				actorOf(principal),
				input,
				{
					expectedVersion,
					requestId: c.get('requestId'),
				},
			);
			if (!result.ok) return problemResponse(patrolProblem(result.error, c.get('requestId'))) as never;
			return c.json(patrolRouteView(result.value, true), 200);
		})
		.openapi(archiveRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await routes.archive(principal.estateId, c.req.valid('param').id, actorOf(principal), {
				expectedVersion: c.req.valid('query').expectedVersion,
				requestId: c.get('requestId'),
			});
			if (!result.ok) return problemResponse(patrolProblem(result.error, c.get('requestId'))) as never;
			return c.json(patrolRouteView(result.value, true), 200);
		})
		.openapi(plateRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const checkpoint = isUuid(id) ? await findCheckpoint(deps.db, principal.estateId, id) : null;
			const route = checkpoint ? await routes.get(principal.estateId, checkpoint.routeId) : null;
			if (!checkpoint || !route) {
				return problemResponse(
					problem(404, 'Not Found', {
						detail: 'No such checkpoint.',
						code: 'PATROL.CHECKPOINT_NOT_FOUND',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const estate = await findEstateSummary(deps.db, principal.estateId);
			const svg = checkpointPlateSvg({
				estateName: estate?.name ?? '',
				routeName: route.route.name,
				checkpointName: checkpoint.name,
				code: checkpoint.code,
				sequence:
					route.route.checkpoints.findIndex((candidate) => candidate.checkpointId === checkpoint.id) + 1,
			});
			return new Response(svg, {
				status: 200,
				headers: {
					'content-type': 'image/svg+xml; charset=utf-8',
					'cache-control': 'private, no-cache',
					'content-disposition': `inline; filename="checkpoint-${checkpoint.code.replace(/[^\w-]/g, '_')}.svg"`,
					'x-content-type-options': 'nosniff',
				},
			}) as never;
		});
}
