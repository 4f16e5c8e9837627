import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { StaffPrincipal } from '../../auth/principal';
import type { KioskUndeliveredService } from '../../services/kiosk-undelivered.service';
import type { AppEnv } from '../app-env';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import {
	HandleBody,
	UndeliveredIdParam,
	UndeliveredList,
	UndeliveredView,
} from './kiosk-undelivered.schemas';

export type KioskUndeliveredRoutesDeps = {
	readonly undelivered: KioskUndeliveredService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

/** Who reads the list: everyone who reads the estate's work orders at the desk. */
export const UNDELIVERED_READ: Permission = 'workOrders.read';
/** Who deals with one: the front desk and the control room, who accept incoming requests. */
export const UNDELIVERED_HANDLE: Permission = 'workOrders.accept';

const staffOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (c.get('principal')?.kind === 'device') {
		return problemResponse(
			problem(403, 'Forbidden', {
				detail: 'Undelivered kiosk filings are for staff.',
				code: 'AUTH.FORBIDDEN',
				requestId: c.get('requestId'),
			}),
		);
	}
	await next();
	return undefined;
};

function staffOf(principal: unknown): StaffPrincipal {
	const candidate = principal as StaffPrincipal | undefined;
	if (candidate?.kind !== 'staff')
		throw new Error('staff route reached without a staff principal: its guards must run first');
	return candidate;
}

/**
 * `/api/v1/kiosk-undelivered`: kiosk filings that were queued offline and then refused, for the desk to
 * follow up. Open ones come first; marking one handled needs a note saying what was done.
 */
export function kioskUndeliveredRoutes(deps: KioskUndeliveredRoutesDeps) {
	const listRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['kiosk'],
		summary: 'Kiosk filings the api refused after they were queued offline: open ones first',
		middleware: [deps.requirePermission(UNDELIVERED_READ), staffOnly] as const,
		responses: {
			200: {
				description: 'The filings and how many are open',
				content: { 'application/json': { schema: UndeliveredList } },
			},
			401: problemContent('Not signed in'),
			403: problemContent('Needs workOrders.read'),
		},
	});

	const handleRoute = createRoute({
		method: 'post',
		path: '/{id}/handle',
		tags: ['kiosk'],
		summary: 'Mark an undelivered filing handled, saying what was done',
		middleware: [deps.requirePermission(UNDELIVERED_HANDLE), staffOnly] as const,
		request: {
			params: UndeliveredIdParam,
			body: { content: { 'application/json': { schema: HandleBody } }, required: true },
		},
		responses: {
			200: { description: 'Handled', content: { 'application/json': { schema: UndeliveredView } } },
			400: problemContent('No note (errors name `note`)'),
			401: problemContent('Not signed in'),
			403: problemContent('Needs workOrders.accept'),
			404: problemContent('No such filing in this estate (KIOSK_UNDELIVERED.NOT_FOUND)'),
			409: problemContent('Already handled (KIOSK_UNDELIVERED.ALREADY_HANDLED)'),
		},
	});

	return createRouter()
		.openapi(listRoute, async (c) => {
			const staff = staffOf(c.get('principal'));
			const list = await deps.undelivered.list(staff.estateId);
			c.header('cache-control', 'no-store');
			return c.json(list as never, 200);
		})
		.openapi(handleRoute, async (c) => {
			const staff = staffOf(c.get('principal'));
			const result = await deps.undelivered.handle(
				staff.estateId,
				c.req.valid('param').id,
				{ staffId: staff.staffId },
				c.req.valid('json').note,
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value as never, 200);
		});
}
