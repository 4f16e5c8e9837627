import { createRoute, z } from '@hono/zod-openapi';
import type { DeviceRecord } from '../../db/repositories/device.repository';
import type { AuthService } from '../../services/auth.service';
import { createRouter, problemContent } from '../openapi-router';
import { authErrorResponse, notFound, parseJsonBody } from './auth-problems';
import { requestOrigin } from './auth.routes';
import { principalOf, requirePermission } from './auth.middleware';
import {
	BODY_COMPONENTS,
	DeviceView,
	NewDeviceBody,
	UuidIdParam,
	jsonBodyRef,
	noStoreHeader,
} from './auth.schemas';
import { type ClientAddress, connectionAddress } from './client-address';
import { UUID } from './staff.routes';

export type DeviceRoutesDeps = {
	readonly auth: AuthService;
	readonly clientAddress?: ClientAddress;
};

const deviceView = (device: DeviceRecord) => ({
	id: device.id,
	estateId: device.estateId,
	kind: device.kind,
	name: device.name,
	staffId: device.staffId,
	revokedAt: device.revokedAt?.toISOString() ?? null,
	lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
	createdAt: device.createdAt.toISOString(),
});

const TAGS = ['devices'];
const notSignedIn = problemContent('Not signed in (AUTH.UNAUTHENTICATED)');
const notAllowed = problemContent(
	'Needs devices.manage (AUTH.FORBIDDEN), or the initial password is unchanged',
);
const notAllowedWrite = problemContent(
	'Needs devices.manage (AUTH.FORBIDDEN), the initial password is unchanged, or a cross-site request',
);

const listDevicesRoute = createRoute({
	method: 'get',
	path: '/',
	tags: TAGS,
	summary: "The estate's device principals (kiosks, field phones), revoked ones included",
	middleware: [requirePermission('devices.manage')] as const,
	responses: {
		200: {
			description: 'The devices',
			content: { 'application/json': { schema: z.object({ devices: z.array(DeviceView) }) } },
		},
		401: notSignedIn,
		403: notAllowed,
	},
});

const issueDeviceRoute = createRoute({
	method: 'post',
	path: '/',
	tags: TAGS,
	summary: 'Issue a device principal; its bearer token is returned this once',
	middleware: [requirePermission('devices.manage')] as const,
	request: { body: jsonBodyRef('NewDeviceRequest', 'The new device') },
	responses: {
		201: {
			description: 'Issued',
			headers: noStoreHeader,
			content: {
				'application/json': {
					schema: z
						.object({
							device: DeviceView,
							token: z.string().openapi({ description: 'send as `Authorization: Bearer <token>`' }),
						})
						.openapi('IssuedDevice'),
				},
			},
		},
		400: problemContent(
			'The body is not JSON (REQUEST.INVALID_JSON) or a field is invalid (REQUEST.INVALID)',
		),
		401: notSignedIn,
		403: notAllowedWrite,
		413: problemContent('The body is over 256 KB (REQUEST.TOO_LARGE)'),
		422: problemContent(
			'A field device needs an active staff member of this estate (DEVICE.STAFF_REQUIRED); a kiosk has none (DEVICE.STAFF_NOT_ALLOWED)',
		),
	},
});

const revokeDeviceRoute = createRoute({
	method: 'delete',
	path: '/{id}',
	tags: TAGS,
	summary: 'Revoke a device: its token is refused from now on',
	middleware: [requirePermission('devices.manage')] as const,
	request: { params: UuidIdParam },
	responses: {
		204: { description: 'Revoked' },
		401: notSignedIn,
		403: notAllowedWrite,
		404: problemContent('No such device in this estate (DEVICE.NOT_FOUND)'),
	},
});

/**
 * Device principals of the admin's estate: issue a bearer token (shown once), list, revoke. Mount at
 * `/api/v1/devices`.
 */
export function deviceRoutes(deps: DeviceRoutesDeps) {
	const { auth } = deps;
	const clientAddress = deps.clientAddress ?? connectionAddress;
	const router = createRouter();
	router.openAPIRegistry.register('NewDeviceRequest', BODY_COMPONENTS.NewDeviceRequest);

	return router
		.openapi(listDevicesRoute, async (c) => {
			const devices = await auth.listDevices(principalOf(c.get('principal')).estateId);
			return c.json({ devices: devices.map(deviceView) }, 200);
		})
		.openapi(issueDeviceRoute, async (c) => {
			const body = await parseJsonBody(c, NewDeviceBody);
			if (!body.ok) return body.response as never;
			const result = await auth.issueDevice(
				principalOf(c.get('principal')),
				body.value,
				requestOrigin(c, clientAddress),
			);
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			c.header('cache-control', 'no-store');
			return c.json({ device: deviceView(result.value.device), token: result.value.token }, 201);
		})
		.openapi(revokeDeviceRoute, async (c) => {
			const { id } = c.req.valid('param');
			if (!UUID.test(id)) return notFound(c, 'DEVICE.NOT_FOUND', 'No such device in this estate.') as never;
			const result = await auth.revokeDevice(
				principalOf(c.get('principal')),
				id,
				requestOrigin(c, clientAddress),
			);
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			return c.body(null, 204);
		});
}
