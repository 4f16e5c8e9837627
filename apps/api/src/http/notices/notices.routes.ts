import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import { noticeStateAt, type Notice, type NoticeService } from '../../services/notice.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problemResponse } from '../problem';
import {
	CreateNoticeBody,
	NoticeIdParam,
	NoticeListQuery,
	NoticePage,
	NoticeView,
	UpdateNoticeBody,
} from './notices.schemas';

export type NoticeRoutesDeps = {
	readonly notices: NoticeService;
	readonly now: () => Date;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

/** The staff's notices api (公告): `/api/v1/notices`. Kiosks read theirs at `/api/v1/kiosk/notices`. */
export function noticeRoutes(deps: NoticeRoutesDeps) {
	const { notices } = deps;
	const read = deps.requirePermission('notices.read');
	const manage = deps.requirePermission('notices.manage');
	const view = (notice: Notice) => ({ ...notice, state: noticeStateAt(notice, deps.now()) });

	const listRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['notices'],
		summary: 'List notices, pinned first, newest publication first',
		middleware: [read] as const,
		request: { query: NoticeListQuery },
		responses: {
			200: { description: 'A page of notices', content: { 'application/json': { schema: NoticePage } } },
			400: problemContent('Invalid filter'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
		},
	});

	const createNoticeRoute = createRoute({
		method: 'post',
		path: '/',
		tags: ['notices'],
		summary: 'Write a notice for the estate or some buildings, published now or later',
		middleware: [manage] as const,
		request: { body: { content: { 'application/json': { schema: CreateNoticeBody } }, required: true } },
		responses: {
			201: { description: 'Created', content: { 'application/json': { schema: NoticeView } } },
			400: problemContent('Invalid notice'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			422: problemContent('Unknown building, or it expires before it is published'),
		},
	});

	const detailRoute = createRoute({
		method: 'get',
		path: '/{id}',
		tags: ['notices'],
		summary: 'One notice',
		middleware: [read] as const,
		request: { params: NoticeIdParam },
		responses: {
			200: { description: 'The notice', content: { 'application/json': { schema: NoticeView } } },
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			404: problemContent('No such notice'),
		},
	});

	const updateRoute = createRoute({
		method: 'patch',
		path: '/{id}',
		tags: ['notices'],
		summary: 'Change a notice (title, body, audience, times, pinned)',
		middleware: [manage] as const,
		request: {
			params: NoticeIdParam,
			body: { content: { 'application/json': { schema: UpdateNoticeBody } }, required: true },
		},
		responses: {
			200: {
				description: 'The notice after the change',
				content: { 'application/json': { schema: NoticeView } },
			},
			400: problemContent('Invalid change'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			404: problemContent('No such notice'),
			422: problemContent('Unknown building, or it expires before it is published'),
		},
	});

	const deleteRoute = createRoute({
		method: 'delete',
		path: '/{id}',
		tags: ['notices'],
		summary: 'Withdraw a notice (kept on record, gone from every kiosk)',
		middleware: [manage] as const,
		request: { params: NoticeIdParam },
		responses: {
			204: { description: 'Withdrawn' },
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			404: problemContent('No such notice'),
		},
	});

	return createRouter()
		.openapi(listRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const query = c.req.valid('query');
			const page = await notices.list({
				estateId: principal.estateId,
				...(query.state ? { state: query.state } : {}),
				...(query.pinned === undefined ? {} : { pinned: query.pinned }),
				limit: query.limit,
				offset: query.offset,
			});
			return c.json(
				{ items: page.items.map(view), total: page.total, limit: query.limit, offset: query.offset },
				200,
			);
		})
		.openapi(createNoticeRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await notices.create(principal.estateId, actorOf(principal), {
				title: body.title,
				body: body.body,
				audience: body.audience,
				...(body.pinned === undefined ? {} : { pinned: body.pinned }),
				...(body.publishAt === undefined ? {} : { publishAt: body.publishAt }),
				...(body.expireAt === undefined ? {} : { expireAt: body.expireAt }),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(view(result.value), 201);
		})
		.openapi(detailRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const notice = await notices.find(principal.estateId, c.req.valid('param').id);
			if (!notice)
				return problemResponse(
					domainProblem({ code: 'NOTICE.NOT_FOUND', message: 'No such notice.' }, c.get('requestId')),
				) as never;
			return c.json(view(notice), 200);
		})
		.openapi(updateRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const body = c.req.valid('json');
			const result = await notices.update(principal.estateId, c.req.valid('param').id, {
				...(body.title === undefined ? {} : { title: body.title }),
				...(body.body === undefined ? {} : { body: body.body }),
				...(body.audience === undefined ? {} : { audience: body.audience }),
				...(body.pinned === undefined ? {} : { pinned: body.pinned }),
				...(body.publishAt === undefined ? {} : { publishAt: body.publishAt }),
				...(body.expireAt === undefined ? {} : { expireAt: body.expireAt }),
			});
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(view(result.value), 200);
		})
		.openapi(deleteRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const result = await notices.withdraw(principal.estateId, c.req.valid('param').id);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.body(null, 204);
		});
}
