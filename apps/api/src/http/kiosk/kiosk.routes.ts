import { createRoute, z } from '@hono/zod-openapi';
import type { DomainError } from '@estate-ops/domain/shared';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { DevicePrincipal, Principal } from '../../auth/principal';
import type { AttachmentService } from '../../services/attachment.service';
import type { KioskService } from '../../services/kiosk.service';
import type { KioskUndeliveredService } from '../../services/kiosk-undelivered.service';
import type { NoticeService } from '../../services/notice.service';
import type { AppEnv } from '../app-env';
import {
	attachmentViewOf,
	AttachmentView,
	PhotoUploadBody,
	photoBodyLimit,
	photoBytes,
} from '../attachments/photo-upload';
import { domainProblem } from '../domain-error-status';
import { runIdempotent, type IdempotencyStore } from '../idempotency';
import { KioskNoticeView } from '../notices/notices.schemas';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import {
	CodeParam,
	FeedbackBody,
	KioskEstate,
	KioskFilingBody,
	KioskNoticeQuery,
	KioskProgressView,
	KioskReceiptView,
	LookupBody,
	ReopenBody,
	RoomPicker,
	RoomPickerQuery,
	VerifyBody,
} from './kiosk.schemas';
import { UndeliveredReceipt, UndeliveredReportBody } from './kiosk-undelivered.schemas';

export type KioskRoutesDeps = {
	readonly kiosk: KioskService;
	readonly notices: NoticeService;
	readonly attachments: AttachmentService;
	readonly undelivered: KioskUndeliveredService;
	readonly idempotency: IdempotencyStore;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

/** The kiosk principal a guard let through: always a kiosk device, always scoped to its own estate. */
function kioskOf(principal: Principal | undefined): DevicePrincipal {
	if (principal?.kind !== 'device' || principal.deviceKind !== 'kiosk') {
		throw new Error(
			'kiosk route reached by something other than a kiosk: its permission guard must run first',
		);
	}
	return principal;
}

/** Kiosk permissions belong to kiosk devices only; anyone else is refused even if a role grew one by mistake. */
const onlyKiosks =
	(guard: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
	async (c, next) => {
		const principal = c.get('principal');
		if (principal && !(principal.kind === 'device' && principal.deviceKind === 'kiosk')) {
			return problemResponse(
				problem(403, 'Forbidden', {
					detail: 'Only a lobby kiosk may call this.',
					code: 'AUTH.FORBIDDEN',
					requestId: c.get('requestId'),
				}),
			);
		}
		return guard(c, next);
	};

function failure(error: DomainError, requestId: string): Response {
	const response = problemResponse(domainProblem(error, requestId));
	const retryAfter = error.details?.['retryAfterSeconds'];
	if (typeof retryAfter === 'number') response.headers.set('retry-after', String(retryAfter));
	return response;
}

const verifyProblems = {
	400: problemContent('Invalid request'),
	401: problemContent('No kiosk token'),
	403: problemContent('Not a kiosk'),
	422: problemContent('Unknown room, or the digits do not match'),
	429: problemContent('Too many wrong tries for this room or code: wait (Retry-After)'),
};

/** The lobby kiosk's api (大堂自助终端): `/api/v1/kiosk`, for device principals of kind kiosk. */
export function kioskRoutes(deps: KioskRoutesDeps) {
	const { kiosk } = deps;
	const notices = onlyKiosks(deps.requirePermission('kiosk.notices'));
	const requests = onlyKiosks(deps.requirePermission('kiosk.requests'));

	const noticesRoute = createRoute({
		method: 'get',
		path: '/notices',
		tags: ['kiosk'],
		summary: 'Published, unexpired notices of the estate, pinned first',
		middleware: [notices] as const,
		request: { query: KioskNoticeQuery },
		responses: {
			200: {
				description: 'Notices',
				content: { 'application/json': { schema: z.object({ notices: z.array(KioskNoticeView) }) } },
			},
			400: problemContent('Invalid filter'),
			401: problemContent('No kiosk token'),
			403: problemContent('Not a kiosk'),
		},
	});

	const roomsRoute = createRoute({
		method: 'get',
		path: '/rooms',
		tags: ['kiosk'],
		summary: 'Address pickers: buildings, then the units of ?building=, then the rooms of ?building=&unit=',
		middleware: [requests] as const,
		request: { query: RoomPickerQuery },
		responses: {
			200: {
				description: 'One level of the picker',
				content: { 'application/json': { schema: RoomPicker } },
			},
			400: problemContent('Invalid query'),
			401: problemContent('No kiosk token'),
			403: problemContent('Not a kiosk'),
		},
	});

	const verifyRoute = createRoute({
		method: 'post',
		path: '/verify',
		tags: ['kiosk'],
		summary:
			'Whether a current resident of the room has a phone ending in these 4 digits (nothing else is told)',
		middleware: [requests] as const,
		request: { body: { content: { 'application/json': { schema: VerifyBody } }, required: true } },
		responses: {
			200: {
				description: 'Yes or no',
				content: { 'application/json': { schema: z.object({ verified: z.boolean() }) } },
			},
			...verifyProblems,
		},
	});

	const photoRoute = createRoute({
		method: 'post',
		path: '/photos',
		tags: ['kiosk', 'attachments'],
		summary: 'Upload a photo before filing (multipart field "photo"); include its id in the filing',
		middleware: [requests, photoBodyLimit()] as const,
		request: { body: { content: { 'multipart/form-data': { schema: PhotoUploadBody } }, required: true } },
		responses: {
			201: {
				description: 'Stored, waiting for the filing',
				content: { 'application/json': { schema: AttachmentView } },
			},
			400: problemContent('No photo in the form'),
			401: problemContent('No kiosk token'),
			403: problemContent('Not a kiosk'),
			413: problemContent('Larger than 5 MB'),
			415: problemContent('Not a JPEG, PNG or WebP image'),
		},
	});

	const fileRoute = createRoute({
		method: 'post',
		path: '/work-orders',
		tags: ['kiosk'],
		summary:
			'File a request for the household identified by room and the last 4 digits of a resident’s phone',
		middleware: [requests] as const,
		request: {
			headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
			body: { content: { 'application/json': { schema: KioskFilingBody } }, required: true },
		},
		responses: {
			201: {
				description: 'Filed: the follow-up code and the status link',
				content: { 'application/json': { schema: KioskReceiptView } },
			},
			...verifyProblems,
			409: problemContent(
				'The idempotency key is in use, or another request has this publicToken (KIOSK.PUBLIC_TOKEN_TAKEN)',
			),
		},
	});

	const estateRoute = createRoute({
		method: 'get',
		path: '/estate',
		tags: ['kiosk'],
		summary: 'The estate as the kiosk shows it: name, emergency line, buildings, public places, outline',
		middleware: [requests] as const,
		responses: {
			200: { description: 'The estate', content: { 'application/json': { schema: KioskEstate } } },
			401: problemContent('No kiosk token'),
			403: problemContent('Not a kiosk'),
			404: problemContent('The estate no longer exists'),
		},
	});

	const undeliveredRoute = createRoute({
		method: 'post',
		path: '/undelivered',
		tags: ['kiosk'],
		summary:
			'Report a queued filing the api refused (4xx), so staff follow it up; once per kiosk and idempotency key',
		middleware: [requests] as const,
		request: {
			body: { content: { 'application/json': { schema: UndeliveredReportBody } }, required: true },
		},
		responses: {
			201: {
				description: 'Recorded; the control room is told at once',
				content: { 'application/json': { schema: UndeliveredReceipt } },
			},
			200: {
				description: 'Already reported with this idempotency key: the first record',
				content: { 'application/json': { schema: UndeliveredReceipt } },
			},
			400: problemContent('A field is invalid (named in errors)'),
			401: problemContent('No kiosk token'),
			403: problemContent('Not a kiosk'),
			413: problemContent('The body is over 256 KB'),
		},
	});

	const lookupRoute = createRoute({
		method: 'post',
		path: '/work-orders/lookup',
		tags: ['kiosk'],
		summary: 'Follow a request by its code and the household’s 4 digits',
		middleware: [requests] as const,
		request: { body: { content: { 'application/json': { schema: LookupBody } }, required: true } },
		responses: {
			200: { description: 'Its progress', content: { 'application/json': { schema: KioskProgressView } } },
			...verifyProblems,
		},
	});

	const feedbackRoute = createRoute({
		method: 'post',
		path: '/work-orders/{code}/feedback',
		tags: ['kiosk'],
		summary: 'Rate a finished request (speed, result, attitude); not satisfied sends it back for rework',
		middleware: [requests] as const,
		request: {
			params: CodeParam,
			body: { content: { 'application/json': { schema: FeedbackBody } }, required: true },
		},
		responses: {
			200: {
				description: 'Its progress after the rating',
				content: { 'application/json': { schema: KioskProgressView } },
			},
			...verifyProblems,
			409: problemContent('Not waiting for a rating'),
		},
	});

	const reopenRoute = createRoute({
		method: 'post',
		path: '/work-orders/{code}/reopen',
		tags: ['kiosk'],
		summary: 'Ask for a finished request to be done again (返工)',
		middleware: [requests] as const,
		request: {
			params: CodeParam,
			body: { content: { 'application/json': { schema: ReopenBody } }, required: true },
		},
		responses: {
			200: {
				description: 'Its progress after reopening',
				content: { 'application/json': { schema: KioskProgressView } },
			},
			...verifyProblems,
			409: problemContent('Not finished, so nothing to reopen'),
		},
	});

	return createRouter()
		.openapi(noticesRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const { building } = c.req.valid('query');
			const found = await deps.notices.published(
				device.estateId,
				building === undefined ? {} : { buildingId: building },
			);
			return c.json({ notices: found }, 200);
		})
		.openapi(roomsRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const { building, unit } = c.req.valid('query');
			if (building !== undefined && unit !== undefined) {
				return c.json(
					{ level: 'rooms' as const, items: await kiosk.rooms.rooms(device.estateId, building, unit) },
					200,
				);
			}
			if (building !== undefined)
				return c.json(
					{ level: 'units' as const, items: await kiosk.rooms.units(device.estateId, building) },
					200,
				);
			return c.json(
				{ level: 'buildings' as const, items: await kiosk.rooms.buildings(device.estateId) },
				200,
			);
		})
		.openapi(verifyRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await kiosk.verify(device.estateId, device.deviceId, body.roomId, body.phoneLast4);
			if (!result.ok) return failure(result.error, c.get('requestId')) as never;
			return c.json(result.value, 200);
		})
		.openapi(photoRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const { photo } = c.req.valid('form');
			const result = await deps.attachments.storeUnattachedPhoto(
				device.estateId,
				{ kind: 'kiosk', deviceId: device.deviceId },
				await photoBytes(photo),
			);
			if (!result.ok) return failure(result.error, c.get('requestId')) as never;
			return c.json(attachmentViewOf(result.value), 201);
		})
		.openapi(fileRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const key = c.req.valid('header')['idempotency-key'];
			const fileOnce = () =>
				runIdempotent(deps.idempotency, {
					principal: `device:${device.deviceId}`,
					key,
					body,
					run: async (beforeCommit) => {
						const result = await kiosk.file(
							device.estateId,
							device.deviceId,
							body,
							c.get('requestId'),
							beforeCommit && ((tx, receipt) => beforeCommit(tx, { status: 201, body: receipt })),
						);
						return result.ok
							? { status: 201, body: result.value }
							: { status: 0, body: null, error: result.error };
					},
				});
			let outcome = await fileOnce();
			// The same filing sent twice at once: the first took the token, so the second replays its receipt.
			if (key && outcome.kind === 'error' && outcome.error.code === 'KIOSK.PUBLIC_TOKEN_TAKEN')
				outcome = await fileOnce();
			if (outcome.kind === 'problem')
				return problemResponse({ ...outcome.problem, requestId: c.get('requestId') }) as never;
			if (outcome.kind === 'error') return failure(outcome.error, c.get('requestId')) as never;
			if (outcome.replayed) c.header('idempotent-replayed', 'true');
			return c.json(outcome.body as never, 201);
		})
		.openapi(estateRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const estate = await kiosk.estate(device.estateId);
			if (!estate) {
				return problemResponse(
					problem(404, 'Not Found', {
						detail: 'The estate of this kiosk no longer exists.',
						code: 'ESTATE.NOT_FOUND',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			// The kiosk caches it for offline use; a minute keeps renamed places from lingering.
			c.header('cache-control', 'private, max-age=60');
			return c.json(estate as never, 200);
		})
		.openapi(undeliveredRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const { filing, created } = await deps.undelivered.report(
				device.estateId,
				device.deviceId,
				{
					idempotencyKey: body.idempotencyKey,
					filing: body.filing,
					problem: {
						status: body.problem.status,
						title: body.problem.title,
						detail: body.problem.detail ?? null,
						code: body.problem.code ?? null,
					},
					queuedAt: new Date(body.queuedAt),
				},
				c.get('requestId'),
			);
			const receipt = { id: filing.id, status: filing.status, receivedAt: filing.receivedAt };
			if (!created) c.header('idempotent-replayed', 'true');
			return created ? c.json(receipt, 201) : c.json(receipt, 200);
		})
		.openapi(lookupRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await kiosk.lookup(device.estateId, device.deviceId, body.code, body.phoneLast4);
			if (!result.ok) return failure(result.error, c.get('requestId')) as never;
			return c.json(result.value, 200);
		})
		.openapi(feedbackRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await kiosk.feedback(
				device.estateId,
				device.deviceId,
				c.req.valid('param').code,
				{
					phoneLast4: body.phoneLast4,
					ratings: body.ratings,
					comment: body.comment ?? null,
					satisfied: body.satisfied,
				},
				c.get('requestId'),
			);
			if (!result.ok) return failure(result.error, c.get('requestId')) as never;
			return c.json(result.value, 200);
		})
		.openapi(reopenRoute, async (c) => {
			const device = kioskOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await kiosk.reopen(
				device.estateId,
				device.deviceId,
				c.req.valid('param').code,
				body,
				c.get('requestId'),
			);
			if (!result.ok) return failure(result.error, c.get('requestId')) as never;
			return c.json(result.value, 200);
		});
}
