import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { Database } from '../../db/database';
import { isUuid } from '../../db/repositories/site.repository';
import { findWorkOrder } from '../../db/repositories/work-order.repository';
import type { AttachmentService } from '../../services/attachment.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import { AttachmentView, PhotoUploadBody, photoBodyLimit, photoBytes } from './photo-upload';

export type AttachmentRoutesDeps = {
	readonly db: Database;
	readonly attachments: AttachmentService;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const IdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

const staffIdOf = (principal: Principal): string | null =>
	principal.kind === 'staff' ? principal.staffId : principal.staffId;

/** Staff who see every order of the estate, or the assignee of this one. */
function maySeeOrder(principal: Principal, assigneeId: string | null): boolean {
	if (hasPermission(principal, 'workOrders.read')) return true;
	const staffId = staffIdOf(principal);
	return staffId !== null && assigneeId === staffId && hasPermission(principal, 'workOrders.readAssigned');
}

const notFound = (what: string, requestId: string) =>
	problemResponse(
		problem(404, 'Not Found', {
			detail: `No such ${what}.`,
			code: what === 'work order' ? 'WORK_ORDER.NOT_FOUND' : 'ATTACHMENT.NOT_FOUND',
			requestId,
		}),
	);

/**
 * `POST /api/v1/work-orders/{id}/photos`: staff who file orders (workOrders.create), or the assignee updating
 * their own task (workOrders.fieldUpdate), add a photo; it lands on the order's timeline. Mount at
 * `/api/v1/work-orders` beside `workOrderRoutes`.
 */
export function workOrderPhotoRoutes(deps: AttachmentRoutesDeps) {
	const mayUpload: MiddlewareHandler<AppEnv> = async (c, next) => {
		const principal = c.get('principal');
		if (
			principal &&
			(hasPermission(principal, 'workOrders.create') || hasPermission(principal, 'workOrders.fieldUpdate'))
		) {
			return deps.requirePermission(
				hasPermission(principal, 'workOrders.create') ? 'workOrders.create' : 'workOrders.fieldUpdate',
			)(c, next);
		}
		return deps.requirePermission('workOrders.create')(c, next);
	};

	const uploadRoute = createRoute({
		method: 'post',
		path: '/{id}/photos',
		tags: ['work orders', 'attachments'],
		summary: 'Add a photo to a work order (multipart field "photo": JPEG, PNG or WebP, at most 5 MB)',
		middleware: [mayUpload, photoBodyLimit()] as const,
		request: {
			params: IdParam,
			body: { content: { 'multipart/form-data': { schema: PhotoUploadBody } }, required: true },
		},
		responses: {
			201: {
				description: 'Stored and on the timeline',
				content: {
					'application/json': { schema: z.object({ attachment: AttachmentView, version: z.number().int() }) },
				},
			},
			400: problemContent('No photo in the form'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			404: problemContent('No such order'),
			409: problemContent('The order no longer takes photos (finished or cancelled)'),
			413: problemContent('Larger than 5 MB'),
			415: problemContent('Not a JPEG, PNG or WebP image'),
		},
	});

	return createRouter().openapi(uploadRoute, async (c) => {
		const principal = principalOf(c.get('principal'));
		const { id } = c.req.valid('param');
		const form = c.req.valid('form');
		const stored = isUuid(id) ? await findWorkOrder(deps.db, principal.estateId, id) : null;
		const assigneeId = stored?.order.assigneeId ?? null;
		const ownTask = staffIdOf(principal) !== null && assigneeId === staffIdOf(principal);
		// Desk staff add photos to any order they see; field staff to the tasks assigned to them.
		const allowed =
			stored !== null &&
			((hasPermission(principal, 'workOrders.read') && hasPermission(principal, 'workOrders.create')) ||
				(ownTask &&
					(hasPermission(principal, 'workOrders.create') ||
						hasPermission(principal, 'workOrders.fieldUpdate'))));
		if (!allowed) return notFound('work order', c.get('requestId')) as never;
		const result = await deps.attachments.addPhotoToWorkOrder(
			principal.estateId,
			id,
			actorOf(principal),
			await photoBytes(form.photo),
			{
				caption: form.caption?.trim() || null,
				requestId: c.get('requestId'),
			},
		);
		if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
		const { attachment, order } = result.value;
		return c.json(
			{
				attachment: {
					id: attachment.id,
					contentType: attachment.contentType as 'image/jpeg',
					sizeBytes: attachment.sizeBytes,
					sha256: attachment.sha256,
				},
				version: order.version,
			},
			201,
		);
	});
}

/** `GET /api/v1/attachments/{id}`: a file's bytes for staff of its estate who may see its order. */
export function attachmentRoutes(deps: AttachmentRoutesDeps) {
	const mayRead: MiddlewareHandler<AppEnv> = async (c, next) => {
		const principal = c.get('principal');
		if (principal && hasPermission(principal, 'workOrders.readAssigned'))
			return deps.requirePermission('workOrders.readAssigned')(c, next);
		return deps.requirePermission('workOrders.read')(c, next);
	};

	const fileRoute = createRoute({
		method: 'get',
		path: '/{id}',
		tags: ['attachments'],
		summary: 'The bytes of an uploaded photo',
		middleware: [mayRead] as const,
		request: { params: IdParam },
		responses: {
			200: {
				description: 'The file, with its content type',
				content: {
					'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
					'image/png': { schema: z.string().openapi({ format: 'binary' }) },
					'image/webp': { schema: z.string().openapi({ format: 'binary' }) },
				},
			},
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			404: problemContent('No such file in this estate'),
		},
	});

	return createRouter().openapi(fileRoute, async (c) => {
		const principal = principalOf(c.get('principal'));
		const file = await deps.attachments.read(principal.estateId, c.req.valid('param').id);
		if (!file) return notFound('attachment', c.get('requestId')) as never;
		if (!hasPermission(principal, 'workOrders.read')) {
			const order = file.workOrderId
				? await findWorkOrder(deps.db, principal.estateId, file.workOrderId)
				: null;
			if (!order || !maySeeOrder(principal, order.order.assigneeId))
				return notFound('attachment', c.get('requestId')) as never;
		}
		return new Response(new Uint8Array(file.content), {
			status: 200,
			headers: {
				'content-type': file.contentType,
				'content-length': String(file.sizeBytes),
				'cache-control': 'private, max-age=86400, immutable',
				etag: `"${file.sha256}"`,
				'x-content-type-options': 'nosniff',
				'content-disposition': 'inline',
			},
		}) as never;
	});
}
