import { createRoute } from '@hono/zod-openapi';
import { requirePrincipal, principalOf } from '../auth/auth.middleware';
import type { Principal } from '../../auth/principal';
import type { DutyNotificationService } from '../../services/duty-notification.service';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import {
	MarkAllReadBody,
	NotificationIdParam,
	NotificationList,
	NotificationQuery,
	NotificationView,
} from './duty.schemas';

export type NotificationRoutesDeps = { readonly notifications: DutyNotificationService };

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not a person (a lobby kiosk has no notifications)'),
} as const;

/** The person behind a principal: a staff member, or the one a field phone was issued to. */
const personOf = (principal: Principal): string | null =>
	principal.kind === 'staff' ? principal.staffId : principal.staffId;

/** A person's own notifications (the console's bell): `/api/v1/notifications`. */
export function notificationRoutes(deps: NotificationRoutesDeps) {
	const { notifications } = deps;
	const signedIn = requirePrincipal();

	const listRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['notifications'],
		summary: 'My delivered notifications, newest first, with the unread count',
		middleware: [signedIn] as const,
		request: { query: NotificationQuery },
		responses: {
			200: { description: 'Notifications', content: { 'application/json': { schema: NotificationList } } },
			400: problemContent('Invalid query'),
			...guarded,
		},
	});

	const readRoute = createRoute({
		method: 'post',
		path: '/{id}/read',
		tags: ['notifications'],
		summary: 'Mark one of my notifications read',
		middleware: [signedIn] as const,
		request: { params: NotificationIdParam },
		responses: {
			200: { description: 'Read', content: { 'application/json': { schema: NotificationView } } },
			...guarded,
			404: problemContent('No such notification of yours'),
		},
	});

	const readAllRoute = createRoute({
		method: 'post',
		path: '/read-all',
		tags: ['notifications'],
		summary: 'Mark my notifications read (those delivered up to `upTo`, by default all)',
		middleware: [signedIn] as const,
		request: { body: { content: { 'application/json': { schema: MarkAllReadBody } }, required: true } },
		responses: {
			200: {
				description: 'How many were marked',
				content: { 'application/json': { schema: NotificationList.pick({ unread: true }) } },
			},
			400: problemContent('Invalid body'),
			...guarded,
		},
	});

	const notAPerson = (requestId: string) =>
		problemResponse(
			problem(403, 'Forbidden', {
				detail: 'Only a person has notifications.',
				code: 'AUTH.FORBIDDEN',
				requestId,
			}),
		) as never;

	return createRouter()
		.openapi(listRoute, async (c) => {
			const person = personOf(principalOf(c.get('principal')));
			if (!person) return notAPerson(c.get('requestId'));
			const query = c.req.valid('query');
			const list = await notifications.list(person, { unreadOnly: query.unread, limit: query.limit });
			return c.json({ items: [...list.items], unread: list.unread }, 200);
		})
		.openapi(readAllRoute, async (c) => {
			const person = personOf(principalOf(c.get('principal')));
			if (!person) return notAPerson(c.get('requestId'));
			const { upTo } = c.req.valid('json');
			await notifications.markAllRead(person, upTo);
			const { unread } = await notifications.list(person, { unreadOnly: true, limit: 1 });
			return c.json({ unread }, 200);
		})
		.openapi(readRoute, async (c) => {
			const person = personOf(principalOf(c.get('principal')));
			if (!person) return notAPerson(c.get('requestId'));
			const result = await notifications.markRead(person, c.req.valid('param').id);
			if (!result.ok) return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			return c.json(result.value, 200);
		});
}
