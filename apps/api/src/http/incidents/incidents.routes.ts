import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { StoredIncident } from '../../db/repositories/incident.repository';
import { isUuid } from '../../db/repositories/site.repository';
import type { IncidentCommandInput, IncidentService } from '../../services/incident.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { runIdempotent, type IdempotencyStore } from '../idempotency';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import {
	IdParam,
	IncidentCommandBody,
	IncidentDetail,
	IncidentListQuery,
	IncidentPage,
	IncidentRecord,
	ReportIncidentBody,
} from './incidents.schemas';

export type IncidentRoutesDeps = {
	readonly incidents: IncidentService;
	readonly idempotency: IdempotencyStore;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

const staffIdOf = (principal: Principal): string | null =>
	principal.kind === 'staff' ? principal.staffId : principal.staffId;

/** Who sees every incident of the estate; field staff see those they reported or responded to. */
const seesAll = (principal: Principal): boolean =>
	hasPermission(principal, 'incidents.read') || hasPermission(principal, 'incidents.manage');

function involves(principal: Principal, stored: StoredIncident): boolean {
	const staffId = staffIdOf(principal);
	const { incident } = stored;
	return (
		staffId !== null &&
		(incident.reportedBy === staffId || ('responderId' in incident && incident.responderId === staffId))
	);
}

// Closing and the review are the control room's and the manager's; the steps in between are also for whoever
// is on the scene of their own incident.
const MANAGER_ONLY: ReadonlySet<IncidentCommandInput['type']> = new Set(['close', 'review']);

const encodeCursor = (reportedAt: Date, id: string) =>
	Buffer.from(`${reportedAt.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { reportedAt: Date; id: string } | null {
	const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
	const reportedAt = new Date(iso ?? '');
	return id && isUuid(id) && !Number.isNaN(reportedAt.getTime()) ? { reportedAt, id } : null;
}

/** `/api/v1/incidents`: incidents (突发事件) filed from the field, worked through their emergency plan. */
export function incidentRoutes(deps: IncidentRoutesDeps) {
	const { incidents } = deps;
	/** Passes a principal holding any of `permissions`; otherwise answers as `requirePermission` would. */
	const requireAny =
		(...permissions: [Permission, ...Permission[]]): MiddlewareHandler<AppEnv> =>
		(c, next) => {
			const principal = c.get('principal');
			const held = principal
				? permissions.find((permission) => hasPermission(principal, permission))
				: undefined;
			return deps.requirePermission(held ?? permissions[0])(c, next);
		};
	const notFound = (requestId: string) =>
		problemResponse(
			problem(404, 'Not Found', { detail: 'No such incident.', code: 'INCIDENT.NOT_FOUND', requestId }),
		);
	const anonymousPhone = (requestId: string) =>
		problemResponse(
			problem(403, 'Forbidden', {
				detail: 'This field phone belongs to nobody: incidents are signed by the person who files them.',
				code: 'AUTH.FORBIDDEN',
				requestId,
			}),
		);

	const reportRoute = createRoute({
		method: 'post',
		path: '/',
		tags: ['incidents'],
		summary: "File an incident from the field; the kind's emergency plan comes back as its checklist",
		middleware: [deps.requirePermission('incidents.report')] as const,
		request: {
			headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
			body: { content: { 'application/json': { schema: ReportIncidentBody } }, required: true },
		},
		responses: {
			201: { description: 'Filed', content: { 'application/json': { schema: IncidentRecord } } },
			400: problemContent('Invalid report'),
			...guarded,
			422: problemContent('Happened in the future, or the idempotency key was used with another body'),
		},
	});

	const listRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['incidents'],
		summary: 'Incidents, newest first (field staff see their own)',
		middleware: [requireAny('incidents.read', 'incidents.manage', 'incidents.report')] as const,
		request: { query: IncidentListQuery },
		responses: {
			200: { description: 'A page of incidents', content: { 'application/json': { schema: IncidentPage } } },
			400: problemContent('Invalid filter'),
			...guarded,
		},
	});

	const detailRoute = createRoute({
		method: 'get',
		path: '/{id}',
		tags: ['incidents'],
		summary: 'One incident with its checklist, notifications, review and full history',
		middleware: [requireAny('incidents.read', 'incidents.manage', 'incidents.report')] as const,
		request: { params: IdParam },
		responses: {
			200: { description: 'The incident', content: { 'application/json': { schema: IncidentDetail } } },
			...guarded,
			404: problemContent('No such incident'),
		},
	});

	const commandRoute = createRoute({
		method: 'post',
		path: '/{id}/commands',
		tags: ['incidents'],
		summary: 'Respond, tick a checklist step, record who was notified (110, 119 …), contain, close, review',
		middleware: [requireAny('incidents.manage', 'incidents.report')] as const,
		request: {
			params: IdParam,
			body: { content: { 'application/json': { schema: IncidentCommandBody } }, required: true },
		},
		responses: {
			200: {
				description: 'The incident after the command',
				content: { 'application/json': { schema: IncidentRecord } },
			},
			400: problemContent('Invalid command'),
			...guarded,
			404: problemContent('No such incident'),
			409: problemContent('Refused in the current state, or changed since the client read it'),
			422: problemContent('Unknown checklist step, or a time in the future'),
		},
	});

	return createRouter()
		.openapi(reportRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const staffId = staffIdOf(principal);
			if (!staffId) return anonymousPhone(c.get('requestId')) as never;
			const body = c.req.valid('json');
			const outcome = await runIdempotent(deps.idempotency, {
				principal: `${principal.kind}:${principal.kind === 'staff' ? principal.staffId : principal.deviceId}`,
				key: c.req.valid('header')['idempotency-key'],
				body,
				run: async (beforeCommit) => {
					const result = await incidents.report(
						principal.estateId,
						{ staffId, actor: actorOf(principal) },
						body,
						c.get('requestId'),
						beforeCommit && ((tx, stored) => beforeCommit(tx, { status: 201, body: stored })),
					);
					if (!result.ok) return { status: 0, body: null, error: result.error };
					return { status: 201, body: result.value };
				},
			});
			if (outcome.kind === 'problem')
				return problemResponse({ ...outcome.problem, requestId: c.get('requestId') }) as never;
			if (outcome.kind === 'error')
				return problemResponse(domainProblem(outcome.error, c.get('requestId'))) as never;
			if (outcome.replayed) c.header('idempotent-replayed', 'true');
			return c.json(outcome.body as never, 201);
		})
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const before = query.cursor ? decodeCursor(query.cursor) : undefined;
			if (before === null) {
				return problemResponse(
					problem(400, 'Bad Request', {
						detail: 'The cursor is not one this api gave out.',
						code: 'REQUEST.INVALID',
						errors: [{ path: 'cursor', message: 'invalid cursor' }],
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const own = seesAll(principal)
				? undefined
				: (staffIdOf(principal) ?? '00000000-0000-0000-0000-000000000000');
			const rows = await incidents.list({
				estateId: principal.estateId,
				...(own ? { involving: own } : {}),
				...(query.status ? { statuses: query.status } : {}),
				...(query.kind ? { kinds: query.kind } : {}),
				...(before ? { before } : {}),
				limit: query.limit + 1,
			});
			const page = rows.slice(0, query.limit);
			const last = page.at(-1);
			return c.json(
				{
					items: page,
					nextCursor:
						rows.length > query.limit && last
							? encodeCursor(last.incident.reportedAt, last.incident.id)
							: null,
				},
				200,
			);
		})
		.openapi(detailRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const stored = await incidents.find(principal.estateId, id);
			if (!stored || !(seesAll(principal) || involves(principal, stored)))
				return notFound(c.get('requestId')) as never;
			const history = await incidents.history(principal.estateId, id);
			return c.json({ ...stored, history }, 200);
		})
		.openapi(commandRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const staffId = staffIdOf(principal);
			if (!staffId) return anonymousPhone(c.get('requestId')) as never;
			const { id } = c.req.valid('param');
			const { expectedVersion, ...command } = c.req.valid('json');
			const manages = hasPermission(principal, 'incidents.manage');
			const stored = await incidents.find(principal.estateId, id);
			if (!stored || !(seesAll(principal) || involves(principal, stored)))
				return notFound(c.get('requestId')) as never;
			if (!manages && (MANAGER_ONLY.has(command.type) || !involves(principal, stored))) {
				return problemResponse(
					problem(403, 'Forbidden', {
						detail: `Only the control room or a manager may ${command.type} this incident (incidents.manage).`,
						code: 'AUTH.FORBIDDEN',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const result = await incidents.execute(
				principal.estateId,
				id,
				{ staffId, actor: actorOf(principal) },
				command as IncidentCommandInput,
				{ expectedVersion, requestId: c.get('requestId') },
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 200);
		});
}
