import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { AttachmentService } from '../../services/attachment.service';
import type { PatrolRoundService } from '../../services/patrol-round.service';
import type { PatrolScanService } from '../../services/patrol-scan.service';
import type { AppEnv } from '../app-env';
import { attachmentViewOf, photoBytes, unattachedPhotoRoute } from '../attachments/photo-upload';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import {
	DateQuery,
	IdParam,
	PatrolLogSchema,
	RoundDetailSchema,
	RoundsOfDaySchema,
	ScanBody,
	ScanResultSchema,
} from './patrols.schemas';

export type PatrolRoundRoutesDeps = {
	readonly rounds: PatrolRoundService;
	readonly scans: PatrolScanService;
	readonly attachments: AttachmentService;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

/** The staff member behind a request: the signed-in person, or the owner of the field phone. */
const staffIdOf = (principal: Principal): string | null => principal.staffId;

/** `/api/v1/patrols`: rounds and their progress, guards' scans, the patrol log. */
export function patrolRoundRoutes(deps: PatrolRoundRoutesDeps) {
	const read = deps.requirePermission('patrols.read');
	const scan = deps.requirePermission('patrols.scan');

	const roundsRoute = createRoute({
		method: 'get',
		path: '/rounds',
		tags: ['patrols'],
		summary:
			"A day's rounds per route with each checkpoint visited, late, missed, due or upcoming; and the rounds open now",
		middleware: [read] as const,
		request: { query: DateQuery },
		responses: {
			200: { description: 'The rounds', content: { 'application/json': { schema: RoundsOfDaySchema } } },
			400: problemContent('Invalid date'),
			...guarded,
		},
	});

	const roundRoute = createRoute({
		method: 'get',
		path: '/rounds/{id}',
		tags: ['patrols'],
		summary: 'One round with every scan it received (counted or not) and the alerts it raised',
		middleware: [read] as const,
		request: { params: IdParam },
		responses: {
			200: { description: 'The round', content: { 'application/json': { schema: RoundDetailSchema } } },
			...guarded,
			404: problemContent('No such round'),
		},
	});

	const scanRoute = createRoute({
		method: 'post',
		path: '/scans',
		tags: ['patrols'],
		summary:
			"A guard's scan of a checkpoint plate (QR or typed code) with the device's time and position; a retry answers the first scan (200)",
		middleware: [scan] as const,
		request: { body: { content: { 'application/json': { schema: ScanBody } }, required: true } },
		responses: {
			201: {
				description: 'Stored with its verdict',
				content: { 'application/json': { schema: ScanResultSchema } },
			},
			200: {
				description: 'This guard had already scanned this checkpoint in this round: the first scan',
				content: { 'application/json': { schema: ScanResultSchema } },
			},
			400: problemContent('Invalid scan'),
			...guarded,
			422: problemContent('Unknown code, a time in the future or too long ago, or an unknown photo'),
		},
	});

	const logRoute = createRoute({
		method: 'get',
		path: '/log',
		tags: ['patrols'],
		summary: 'The patrol log (巡逻记录) of a day: every scan with its verdict, note and findings',
		middleware: [read] as const,
		request: { query: DateQuery },
		responses: {
			200: { description: 'The log', content: { 'application/json': { schema: PatrolLogSchema } } },
			400: problemContent('Invalid date'),
			...guarded,
		},
	});

	const photoRoute = unattachedPhotoRoute({
		tags: ['patrols', 'attachments'],
		summary: 'Upload a photo of a finding (multipart field "photo"); name its id in the scan',
		guard: scan,
	});

	return createRouter()
		.openapi(roundsRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			return c.json(await deps.rounds.roundsOn(principal.estateId, c.req.valid('query').date), 200);
		})
		.openapi(roundRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const detail = await deps.rounds.round(principal.estateId, c.req.valid('param').id);
			if (!detail) {
				return problemResponse(
					problem(404, 'Not Found', {
						detail: 'No such patrol round.',
						code: 'PATROL.ROUND_NOT_FOUND',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			return c.json(detail, 200);
		})
		.openapi(scanRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const guardId = staffIdOf(principal);
			if (!guardId) {
				return problemResponse(
					problem(403, 'Forbidden', {
						detail: 'This field phone belongs to nobody: scans are signed by the guard who made them.',
						code: 'AUTH.FORBIDDEN',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			const result = await deps.scans.record(
				principal.estateId,
				{ guardId, deviceId: principal.kind === 'device' ? principal.deviceId : null },
				c.req.valid('json'),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			if (result.value.duplicate) return c.json(result.value, 200);
			return c.json(result.value, 201);
		})
		.openapi(logRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			return c.json(await deps.scans.log(principal.estateId, c.req.valid('query').date), 200);
		})
		.openapi(photoRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await deps.attachments.storeUnattachedPhoto(
				principal.estateId,
				actorOf(principal),
				await photoBytes(c.req.valid('form').photo),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(attachmentViewOf(result.value), 201);
		});
}
