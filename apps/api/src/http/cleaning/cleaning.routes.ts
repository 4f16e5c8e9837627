import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { AttachmentService } from '../../services/attachment.service';
import type { CleaningService } from '../../services/cleaning.service';
import type { AppEnv } from '../app-env';
import { attachmentViewOf, photoBytes, unattachedPhotoRoute } from '../attachments/photo-upload';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problem, problemResponse } from '../problem';
import {
	CleaningDaySchema,
	ConditionBody,
	ConditionIdParam,
	ConditionView,
	DateQuery,
	DoneResult,
	MarkDoneBody,
	TaskIdParam,
} from './cleaning.schemas';

export type CleaningRoutesDeps = {
	readonly cleaning: CleaningService;
	readonly attachments: AttachmentService;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

const staffIdOf = (principal: Principal): string | null => principal.staffId;

/** `/api/v1/cleaning`: today's rounds per zone, rounds marked done, extra-round conditions. */
export function cleaningRoutes(deps: CleaningRoutesDeps) {
	const { cleaning } = deps;
	const read = deps.requirePermission('cleaning.read');
	const record = deps.requirePermission('cleaning.record');
	const conditions = deps.requirePermission('cleaning.conditions');
	const anonymousPhone = (requestId: string) =>
		problemResponse(
			problem(403, 'Forbidden', {
				detail: 'This field phone belongs to nobody: rounds are signed by the cleaner who did them.',
				code: 'AUTH.FORBIDDEN',
				requestId,
			}),
		);

	const todayRoute = createRoute({
		method: 'get',
		path: '/today',
		tags: ['cleaning'],
		summary: "Every cleaning zone's rounds of the day with status done / due / overdue, overdue zones first",
		middleware: [read] as const,
		request: { query: DateQuery },
		responses: {
			200: { description: 'The day', content: { 'application/json': { schema: CleaningDaySchema } } },
			400: problemContent('Invalid date'),
			...guarded,
		},
	});

	const doneRoute = createRoute({
		method: 'post',
		path: '/tasks/{id}/done',
		tags: ['cleaning'],
		summary: 'Mark a round done, with an optional photo; a retry answers the first completion (200)',
		middleware: [record] as const,
		request: {
			params: TaskIdParam,
			body: { content: { 'application/json': { schema: MarkDoneBody } }, required: true },
		},
		responses: {
			201: { description: 'Marked done', content: { 'application/json': { schema: DoneResult } } },
			200: {
				description: 'Already done: the first completion',
				content: { 'application/json': { schema: DoneResult } },
			},
			400: problemContent('Invalid request'),
			...guarded,
			404: problemContent('No such round'),
			409: problemContent("The round's window has not opened yet"),
			422: problemContent('Unknown photo, or a time in the future'),
		},
	});

	const listConditionsRoute = createRoute({
		method: 'get',
		path: '/conditions',
		tags: ['cleaning'],
		summary: 'Extra-round conditions (holiday, event, bad weather) on now or in the last 30 days',
		middleware: [read] as const,
		responses: {
			200: {
				description: 'The conditions',
				content: { 'application/json': { schema: z.object({ conditions: z.array(ConditionView) }) } },
			},
			...guarded,
		},
	});

	const switchOnRoute = createRoute({
		method: 'post',
		path: '/conditions',
		tags: ['cleaning'],
		summary: 'Switch on extra rounds for a holiday, an event or bad weather, for some days and zones',
		middleware: [conditions] as const,
		request: { body: { content: { 'application/json': { schema: ConditionBody } }, required: true } },
		responses: {
			201: { description: 'Switched on', content: { 'application/json': { schema: ConditionView } } },
			400: problemContent('Invalid request'),
			...guarded,
			422: problemContent('The period ends before it starts or is over, or an unknown zone'),
		},
	});

	const switchOffRoute = createRoute({
		method: 'delete',
		path: '/conditions/{id}',
		tags: ['cleaning'],
		summary: 'Switch a condition off (kept in the history with who and when)',
		middleware: [conditions] as const,
		request: { params: ConditionIdParam },
		responses: {
			200: { description: 'Switched off', content: { 'application/json': { schema: ConditionView } } },
			...guarded,
			404: problemContent('No such condition'),
			409: problemContent('Already switched off'),
		},
	});

	const photoRoute = unattachedPhotoRoute({
		tags: ['cleaning', 'attachments'],
		summary: 'Upload a photo of a finished round (multipart field "photo"); name its id when marking it done',
		guard: record,
	});

	return createRouter()
		.openapi(todayRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			return c.json(await cleaning.day(principal.estateId, c.req.valid('query').date), 200);
		})
		.openapi(doneRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const staffId = staffIdOf(principal);
			if (!staffId) return anonymousPhone(c.get('requestId')) as never;
			const result = await cleaning.markDone(
				principal.estateId,
				{
					staffId,
					deviceId: principal.kind === 'device' ? principal.deviceId : null,
					actor: actorOf(principal),
				},
				c.req.valid('param').id,
				c.req.valid('json'),
				c.get('requestId'),
			);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			if (result.value.duplicate) return c.json(result.value, 200);
			return c.json(result.value, 201);
		})
		.openapi(listConditionsRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			return c.json({ conditions: await cleaning.conditions(principal.estateId) }, 200);
		})
		.openapi(switchOnRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const staffId = staffIdOf(principal);
			if (!staffId) return anonymousPhone(c.get('requestId')) as never;
			const result = await cleaning.switchOn(principal.estateId, staffId, c.req.valid('json'));
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 201);
		})
		.openapi(switchOffRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const staffId = staffIdOf(principal);
			if (!staffId) return anonymousPhone(c.get('requestId')) as never;
			const result = await cleaning.switchOff(principal.estateId, staffId, c.req.valid('param').id);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 200);
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
