import { createRoute, z } from '@hono/zod-openapi';
import type { WorkOrderLifecycleCommand } from '@estate-ops/domain/work-orders';
import type { MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../auth/permissions';
import { auditActorOf } from '../../auth/audit-actor';
import type { Principal } from '../../auth/principal';
import type { Database } from '../../db/database';
import { findWorkOrder, historyOf, listWorkOrders } from '../../db/repositories/work-order.repository';
import { isUuid } from '../../db/repositories/site.repository';
import type { Submitted, WorkOrderService } from '../../services/work-order.service';
import type { AppEnv } from '../app-env';
import { domainProblem } from '../domain-error-status';
import { runIdempotent, type IdempotencyStore } from '../idempotency';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import {
	AssigneeSuggestionView,
	CreateWorkOrderBody,
	IdParam,
	WorkOrderCommandBody,
	WorkOrderDetail,
	WorkOrderListQuery,
	WorkOrderPage,
	WorkOrderSummary,
} from './work-orders.schemas';

export type WorkOrderRoutesDeps = {
	readonly db: Database;
	readonly service: WorkOrderService;
	readonly idempotency: IdempotencyStore;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

type Command = WorkOrderLifecycleCommand;

/** The permission each lifecycle command needs (who may do what is then the domain's decision). */
const COMMAND_PERMISSION: Readonly<Record<Command['type'], Permission>> = {
	accept: 'workOrders.accept',
	assign: 'workOrders.assign',
	reassign: 'workOrders.assign',
	overrideUrgency: 'workOrders.reclassify',
	pause: 'workOrders.pause',
	resume: 'workOrders.pause',
	recordContact: 'workOrders.fieldUpdate',
	arrive: 'workOrders.fieldUpdate',
	resolve: 'workOrders.fieldUpdate',
	recordFeedback: 'workOrders.feedback',
	reopen: 'workOrders.feedback',
	close: 'workOrders.close',
	cancel: 'workOrders.create',
	addAttachment: 'workOrders.create',
};

const principalOf = (principal: Principal | undefined): Principal => {
	if (!principal) throw new Error('route reached without a principal: requirePermission must run first');
	return principal;
};

/** Whoever may only see their own tasks sees an order only when it is assigned to them. */
function maySee(principal: Principal, assigneeId: string | null): boolean {
	if (hasPermission(principal, 'workOrders.read')) return true;
	const staffId = principal.kind === 'staff' ? principal.staffId : principal.staffId;
	return hasPermission(principal, 'workOrders.readAssigned') && staffId !== null && assigneeId === staffId;
}

const encodeCursor = (submittedAt: Date, id: string) =>
	Buffer.from(`${submittedAt.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { submittedAt: Date; id: string } | null {
	const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
	const submittedAt = new Date(iso ?? '');
	return id && isUuid(id) && !Number.isNaN(submittedAt.getTime()) ? { submittedAt, id } : null;
}

const notFound = (requestId: string) =>
	problemResponse(
		problem(404, 'Not Found', { detail: 'No such work order.', code: 'WORK_ORDER.NOT_FOUND', requestId }),
	);

// Every route here answers these when the caller is not signed in or may not use it.
const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

const listRoute = createRoute({
	method: 'get',
	path: '/',
	tags: ['work orders'],
	summary: 'List work orders, newest first, with filters and a keyset cursor',
	request: { query: WorkOrderListQuery },
	responses: {
		200: { description: 'A page of orders', content: { 'application/json': { schema: WorkOrderPage } } },
		400: problemContent('Invalid filter'),
		...guarded,
	},
});

const createWorkOrderRoute = createRoute({
	method: 'post',
	path: '/',
	tags: ['work orders'],
	summary: 'File a work order on behalf of a resident (front desk, phone, walk-in, field)',
	request: {
		headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
		body: { content: { 'application/json': { schema: CreateWorkOrderBody } }, required: true },
	},
	responses: {
		201: {
			description: 'Filed',
			content: { 'application/json': { schema: WorkOrderSummary.extend({ publicToken: z.string() }) } },
		},
		400: problemContent('Invalid request'),
		...guarded,
		409: problemContent('Rejected by the lifecycle, or the idempotency key is in use'),
		422: problemContent('Unknown room or building, or the idempotency key was used with another body'),
	},
});

const detailRoute = createRoute({
	method: 'get',
	path: '/{id}',
	tags: ['work orders'],
	summary: 'One work order with its SLA clocks and full history',
	request: { params: IdParam },
	responses: {
		200: { description: 'The order', content: { 'application/json': { schema: WorkOrderDetail } } },
		...guarded,
		404: problemContent('No such order'),
	},
});

const commandRoute = createRoute({
	method: 'post',
	path: '/{id}/commands',
	tags: ['work orders'],
	summary:
		'Run a lifecycle command (accept, assign, contact, arrive, pause, resume, resolve, feedback, reopen, close, cancel …)',
	request: {
		params: IdParam,
		body: { content: { 'application/json': { schema: WorkOrderCommandBody } }, required: true },
	},
	responses: {
		200: {
			description: 'The order after the command',
			content: { 'application/json': { schema: WorkOrderSummary } },
		},
		400: problemContent('Invalid command'),
		...guarded,
		404: problemContent('No such order'),
		409: problemContent('Refused in the current state, or the order changed since the client read it'),
		422: problemContent('Unknown assignee or invalid content'),
	},
});

const suggestionsRoute = createRoute({
	method: 'get',
	path: '/{id}/suggestions',
	tags: ['work orders'],
	summary: 'Technicians ranked for assignment by skill, area and current load',
	request: { params: IdParam },
	responses: {
		200: {
			description: 'Ranked suggestions',
			content: { 'application/json': { schema: z.object({ suggestions: z.array(AssigneeSuggestionView) }) } },
		},
		...guarded,
		404: problemContent('No such order'),
	},
});

const contactRoute = createRoute({
	method: 'get',
	path: '/{id}/contact',
	tags: ['work orders'],
	summary: "The contact's clear phone number (an audited read; orders otherwise carry it masked)",
	request: { params: IdParam },
	responses: {
		200: {
			description: 'The clear number, or null when the order has none',
			content: { 'application/json': { schema: z.object({ phone: z.string().nullable() }) } },
		},
		401: problemContent('Not signed in'),
		403: problemContent("Not allowed to read residents' contacts"),
		404: problemContent('No such order'),
	},
});

/** The work-order desk's api: `/api/v1/work-orders`. */
export function workOrderRoutes(deps: WorkOrderRoutesDeps) {
	const { db, service } = deps;
	const router = createRouter();

	router.use('/', async (c, next) => {
		const permission: Permission = c.req.method === 'POST' ? 'workOrders.create' : 'workOrders.read';
		// Technicians read only their own tasks: the list is narrowed below.
		if (c.req.method === 'GET') {
			const principal = c.get('principal');
			if (principal && hasPermission(principal, 'workOrders.readAssigned')) return next();
		}
		return deps.requirePermission(permission)(c, next);
	});
	router.use('/:id/contact', (c, next) => deps.requirePermission('residents.readContact')(c, next));
	router.use('/:id/*', async (c, next) => {
		const principal = c.get('principal');
		if (
			principal &&
			(hasPermission(principal, 'workOrders.read') || hasPermission(principal, 'workOrders.readAssigned'))
		)
			return next();
		return deps.requirePermission('workOrders.read')(c, next);
	});
	router.use('/:id', async (c, next) => {
		const principal = c.get('principal');
		if (
			principal &&
			(hasPermission(principal, 'workOrders.read') || hasPermission(principal, 'workOrders.readAssigned'))
		)
			return next();
		return deps.requirePermission('workOrders.read')(c, next);
	});

	return router
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const before = query.cursor ? decodeCursor(query.cursor) : undefined;
			if (before === null) {
				return problemResponse(
					problem(400, 'Bad Request', {
						detail: 'The cursor is not one this api gave out.',
						errors: [{ path: 'cursor', message: 'invalid cursor' }],
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const ownOnly = !hasPermission(principal, 'workOrders.read');
			const assigneeId = ownOnly
				? (principal.staffId ?? '00000000-0000-0000-0000-000000000000')
				: query.assigneeId;
			const rows = await listWorkOrders(db, {
				estateId: principal.estateId,
				...(query.status ? { statuses: query.status } : {}),
				...(query.urgency ? { urgencies: query.urgency } : {}),
				...(query.kind ? { kinds: query.kind } : {}),
				...(query.buildingId ? { buildingId: query.buildingId } : {}),
				...(assigneeId ? { assigneeId } : {}),
				...(query.q ? { search: query.q } : {}),
				...(before ? { before } : {}),
				limit: query.limit + 1,
			});
			const page = rows.slice(0, query.limit);
			const last = page.at(-1);
			return c.json(
				{
					items: page.map((row) => ({ order: row.order, nextDueAt: row.nextDueAt, slaState: row.slaState })),
					nextCursor:
						rows.length > query.limit && last ? encodeCursor(last.order.submittedAt, last.order.id) : null,
				},
				200,
			);
		})
		.openapi(createWorkOrderRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const body = c.req.valid('json');
			const key = c.req.valid('header')['idempotency-key'];
			const outcome = await runIdempotent(deps.idempotency, {
				principal: `${principal.kind}:${principal.kind === 'staff' ? principal.staffId : principal.deviceId}`,
				key,
				body,
				run: async (beforeCommit) => {
					const toBody = ({ order, nextDueAt, slaState, publicToken }: Submitted) => ({
						order,
						nextDueAt,
						slaState,
						publicToken,
					});
					const result = await service.submit(
						principal.estateId,
						actorOf(principal),
						body,
						c.get('requestId'),
						beforeCommit && ((tx, submitted) => beforeCommit(tx, { status: 201, body: toBody(submitted) })),
					);
					if (!result.ok) return { status: 0, body: null, error: result.error };
					return { status: 201, body: toBody(result.value) };
				},
			});
			if (outcome.kind === 'problem')
				return problemResponse({ ...outcome.problem, requestId: c.get('requestId') }) as never;
			if (outcome.kind === 'error')
				return problemResponse(domainProblem(outcome.error, c.get('requestId'))) as never;
			if (outcome.replayed) c.header('idempotent-replayed', 'true');
			return c.json(outcome.body as never, 201);
		})
		.openapi(detailRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const stored = isUuid(id) ? await findWorkOrder(db, principal.estateId, id) : null;
			if (!stored || !maySee(principal, stored.order.assigneeId))
				return notFound(c.get('requestId')) as never;
			const [sla, history] = await Promise.all([
				service.clocks(stored.order),
				historyOf(db, principal.estateId, id),
			]);
			return c.json(
				{
					order: stored.order,
					sla: {
						state: sla.state,
						next: sla.next,
						clocks: sla.clocks.map((clock) => ({
							clock: clock.clock,
							state: clock.state,
							startedAt: clock.startedAt,
							dueAt: clock.dueAt,
							completedAt: 'completedAt' in clock ? (clock.completedAt ?? null) : null,
							usedFraction: 'usedFraction' in clock ? clock.usedFraction : null,
							measure: clock.measure,
							remainingMs: clock.remainingMs,
						})),
					},
					history,
				},
				200,
			);
		})
		.openapi(commandRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const { expectedVersion, ...command } = c.req.valid('json');
			const needed = COMMAND_PERMISSION[command.type];
			if (!hasPermission(principal, needed)) {
				return problemResponse(
					problem(403, 'Forbidden', {
						detail: `This needs the permission ${needed}.`,
						code: 'AUTH.FORBIDDEN',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const stored = isUuid(id) ? await findWorkOrder(db, principal.estateId, id) : null;
			if (!stored || !maySee(principal, stored.order.assigneeId))
				return notFound(c.get('requestId')) as never;
			const result = await service.execute(principal.estateId, id, actorOf(principal), command as Command, {
				...(expectedVersion === undefined ? {} : { expectedVersion }),
				requestId: c.get('requestId'),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			const after = await findWorkOrder(db, principal.estateId, id);
			return c.json(
				{ order: result.value, nextDueAt: after?.nextDueAt ?? null, slaState: after?.slaState ?? null },
				200,
			);
		})
		.openapi(contactRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await service.readContactPhone(principal.estateId, c.req.valid('param').id, {
				actor: auditActorOf(principal),
				requestId: c.get('requestId'),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			c.header('cache-control', 'no-store');
			return c.json({ phone: result.value.phone }, 200);
		})
		.openapi(suggestionsRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			if (!hasPermission(principal, 'workOrders.assign')) {
				return problemResponse(
					problem(403, 'Forbidden', {
						detail: 'This needs the permission workOrders.assign.',
						code: 'AUTH.FORBIDDEN',
					}),
				) as never;
			}
			const result = await service.suggestions(principal.estateId, c.req.valid('param').id);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json({ suggestions: [...result.value] }, 200);
		});
}
