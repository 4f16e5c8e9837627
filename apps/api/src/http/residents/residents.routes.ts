import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { auditActorOf } from '../../auth/audit-actor';
import type { Permission } from '../../auth/permissions';
import type { ResidentService } from '../../services/resident.service';
import type { AppEnv } from '../app-env';
import type { ClientAddress } from '../auth/client-address';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problemResponse } from '../problem';

export type ResidentRoutesDeps = {
	readonly service: ResidentService;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
	/** The caller's address for the audit log of unmasked reads. */
	readonly clientAddress?: ClientAddress;
};

const Uuid = z.uuid();

export const ResidentListQuery = z.object({
	buildingId: Uuid.optional(),
	unitId: Uuid.optional(),
	roomId: Uuid.optional(),
	room: z
		.string()
		.trim()
		.min(1)
		.max(20)
		.optional()
		.openapi({ description: 'Room number as people say it, e.g. 1202' }),
	name: z.string().trim().min(1).max(50).optional().openapi({ description: 'Part of the name' }),
	includeMovedOut: z
		.enum(['true', 'false'])
		.optional()
		.transform((flag) => flag === 'true'),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ResidentView = z
	.object({
		id: z.string(),
		name: z.string(),
		relation: z.string(),
		phoneMasked: z.string().openapi({ example: '138****5678' }),
		idNumberMasked: z.string().nullable().openapi({ example: '110***********1234' }),
		movedInOn: z.string().nullable(),
		movedOutOn: z.string().nullable(),
		householdId: z.string(),
		room: z.object({
			id: z.string(),
			buildingId: z.string(),
			buildingNumber: z.string(),
			unitId: z.string(),
			unitNumber: z.string(),
			floor: z.number().int(),
			number: z.string(),
		}),
	})
	.openapi('ResidentListing');

const ResidentPage = z.object({ items: z.array(ResidentView), nextOffset: z.number().int().nullable() });

export const ResidentContactView = z
	.object({
		residentId: z.string(),
		phone: z.string(),
		idNumber: z.string().nullable(),
		readAt: z.iso.datetime({ offset: true }),
	})
	.openapi('ResidentContact');

const listRoute = createRoute({
	method: 'get',
	path: '/',
	tags: ['residents'],
	summary: 'Search residents by building, unit, room and name; phone and ID numbers always masked',
	request: { query: ResidentListQuery },
	responses: {
		200: { description: 'A page of residents', content: { 'application/json': { schema: ResidentPage } } },
		400: problemContent('Invalid filter'),
		401: problemContent('Not signed in'),
		403: problemContent('Not allowed'),
	},
});

const contactRoute = createRoute({
	method: 'get',
	path: '/{id}/contact',
	tags: ['residents'],
	summary: 'The unmasked phone and ID number of one resident: every read is written to the audit log',
	request: {
		params: z.object({ id: z.string() }),
		query: z.object({
			reason: z.string().trim().min(1).max(200).optional().openapi({ description: 'Why, e.g. a call-back' }),
		}),
	},
	responses: {
		200: {
			description: 'The contact, unmasked',
			content: { 'application/json': { schema: ResidentContactView } },
		},
		401: problemContent('Not signed in'),
		403: problemContent('Not allowed (needs residents.readContact); nothing is audited'),
		404: problemContent('No such resident in this estate'),
	},
});

/** The resident directory: `/api/v1/residents`. */
export function residentRoutes(deps: ResidentRoutesDeps) {
	const { service } = deps;
	const router = createRouter();

	router.use('/', deps.requirePermission('residents.read'));
	// The permission is checked before anything is read, so a refused caller leaves no audit line and learns nothing.
	router.use('/:id/contact', deps.requirePermission('residents.readContact'));

	return router
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const rows = await service.list({
				estateId: principal.estateId,
				...(query.buildingId ? { buildingId: query.buildingId } : {}),
				...(query.unitId ? { unitId: query.unitId } : {}),
				...(query.roomId ? { roomId: query.roomId } : {}),
				...(query.room ? { roomNumber: query.room } : {}),
				...(query.name ? { name: query.name } : {}),
				includeMovedOut: query.includeMovedOut,
				limit: query.limit + 1,
				offset: query.offset,
			});
			return c.json(
				{
					items: rows.slice(0, query.limit),
					nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
				},
				200,
			);
		})
		.openapi(contactRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			const { reason } = c.req.valid('query');
			const result = await service.readContact(principal.estateId, id, {
				actor: auditActorOf(principal),
				requestId: c.get('requestId'),
				ip: deps.clientAddress ? deps.clientAddress(c) : null,
				...(reason ? { reason } : {}),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			const { residentId, phone, idNumber, readAt } = result.value;
			c.header('cache-control', 'no-store');
			return c.json({ residentId, phone, idNumber, readAt: readAt.toISOString() }, 200);
		});
}
