import { createRoute, z } from '@hono/zod-openapi';
import type { StaffAccount } from '../../db/repositories/staff.repository';
import type { AuthService } from '../../services/auth.service';
import { createRouter, problemContent } from '../openapi-router';
import { authErrorResponse, notFound, parseJsonBody } from './auth-problems';
import { requestOrigin } from './auth.routes';
import { principalOf, requirePermission } from './auth.middleware';
import {
	BODY_COMPONENTS,
	NewStaffBody,
	StaffAccountView,
	UuidIdParam,
	jsonBodyRef,
	noStoreHeader,
} from './auth.schemas';
import { type ClientAddress, connectionAddress } from './client-address';

export type StaffRoutesDeps = {
	readonly auth: AuthService;
	readonly clientAddress?: ClientAddress;
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const staffView = (account: StaffAccount) => ({
	id: account.id,
	estateId: account.estateId,
	username: account.username,
	displayName: account.displayName,
	department: account.department,
	roles: account.roles,
	skills: account.skills,
	buildingIds: account.buildingIds,
	mustChangePassword: account.mustChangePassword,
	active: account.active,
	createdAt: account.createdAt.toISOString(),
});

const TAGS = ['staff'];
const notSignedIn = problemContent('Not signed in (AUTH.UNAUTHENTICATED)');
const notAllowed = problemContent(
	'Needs staff.manage (AUTH.FORBIDDEN), the initial password is unchanged, or a cross-site request',
);

const createStaffRoute = createRoute({
	method: 'post',
	path: '/',
	tags: TAGS,
	summary:
		'Create a staff account; its initial password is returned this once and must be changed at first sign-in',
	middleware: [requirePermission('staff.manage')] as const,
	request: { body: jsonBodyRef('NewStaffRequest', 'The new account') },
	responses: {
		201: {
			description: 'Created',
			headers: noStoreHeader,
			content: {
				'application/json': {
					schema: z
						.object({ staff: StaffAccountView, initialPassword: z.string() })
						.openapi('NewStaffAccount'),
				},
			},
		},
		400: problemContent(
			'The body is not JSON (REQUEST.INVALID_JSON) or a field is invalid (REQUEST.INVALID)',
		),
		401: notSignedIn,
		403: notAllowed,
		409: problemContent('The username is taken (STAFF.USERNAME_TAKEN)'),
		413: problemContent('The body is over 256 KB (REQUEST.TOO_LARGE)'),
		422: problemContent('A building is not one of this estate (STAFF.UNKNOWN_BUILDING)'),
	},
});

const revokeStaffSessionsRoute = createRoute({
	method: 'delete',
	path: '/{id}/sessions',
	tags: TAGS,
	summary: 'Sign a staff member of this estate out everywhere',
	middleware: [requirePermission('staff.manage')] as const,
	request: { params: UuidIdParam },
	responses: {
		200: {
			description: 'How many sessions ended',
			content: { 'application/json': { schema: z.object({ ended: z.number().int() }) } },
		},
		401: notSignedIn,
		403: notAllowed,
		404: problemContent('No such staff member in this estate (STAFF.NOT_FOUND)'),
	},
});

/**
 * Staff account administration (admin only): create an account, returning its initial password once, and
 * sign a staff member out everywhere. Mount at `/api/v1/staff`.
 */
export function staffRoutes(deps: StaffRoutesDeps) {
	const { auth } = deps;
	const clientAddress = deps.clientAddress ?? connectionAddress;
	const router = createRouter();
	router.openAPIRegistry.register('NewStaffRequest', BODY_COMPONENTS.NewStaffRequest);

	return router
		.openapi(createStaffRoute, async (c) => {
			const body = await parseJsonBody(c, NewStaffBody);
			if (!body.ok) return body.response as never;
			const result = await auth.createStaffAccount(
				principalOf(c.get('principal')),
				body.value,
				requestOrigin(c, clientAddress),
			);
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			// The initial password is shown this once: never cached, never stored in clear.
			c.header('cache-control', 'no-store');
			return c.json(
				{ staff: staffView(result.value.staff), initialPassword: result.value.initialPassword },
				201,
			);
		})
		.openapi(revokeStaffSessionsRoute, async (c) => {
			const { id } = c.req.valid('param');
			if (!UUID.test(id))
				return notFound(c, 'STAFF.NOT_FOUND', 'No such staff member in this estate.') as never;
			const result = await auth.revokeStaffSessions(
				principalOf(c.get('principal')),
				id,
				requestOrigin(c, clientAddress),
			);
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			return c.json({ ended: result.value.ended }, 200);
		});
}
