import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { FieldAlertService } from '../../services/field-alert.service';
import { toWgs84 } from '../../services/position-datum';
import type { AppEnv } from '../app-env';
import { FieldAlertView } from '../alerts/alerts.schemas';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { runIdempotent, type IdempotencyStore } from '../idempotency';
import { createRouter, problemContent } from '../openapi-router';
import { actorOf } from '../principal-actor';
import { problemResponse } from '../problem';
import { notAFieldPerson, reporterOf } from './positions.routes';
import { SosBody } from './positions.schemas';

export type SosRoutesDeps = {
	readonly alerts: FieldAlertService;
	readonly idempotency: IdempotencyStore;
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

/**
 * SOS (一键求助): `POST /api/v1/sos` from a field phone or a field staff session raises an alert in the
 * control room at once (outbox event `alert.raised`). A retry with the same `Idempotency-Key` gets the first
 * answer; a second press while the person's SOS is still open repeats it (`alert.repeated`, 200).
 */
export function sosRoutes(deps: SosRoutesDeps) {
	const raiseRoute = createRoute({
		method: 'post',
		path: '/',
		tags: ['alerts'],
		summary: 'Raise an SOS from the field',
		middleware: [deps.requirePermission('incidents.report')] as const,
		request: {
			headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
			body: { content: { 'application/json': { schema: SosBody } }, required: true },
		},
		responses: {
			200: {
				description: 'The SOS repeated the caller’s alert that is still open',
				content: { 'application/json': { schema: FieldAlertView } },
			},
			201: { description: 'Raised', content: { 'application/json': { schema: FieldAlertView } } },
			400: problemContent('Invalid SOS'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			422: problemContent('The idempotency key was used with another body'),
		},
	});

	return createRouter().openapi(raiseRoute, async (c) => {
		const principal = principalOf(c.get('principal'));
		const reporter = reporterOf(principal);
		if (!reporter) return notAFieldPerson(c.get('requestId')) as never;
		const body = c.req.valid('json');
		const outcome = await runIdempotent(deps.idempotency, {
			principal: `${principal.kind}:${principal.kind === 'staff' ? principal.staffId : principal.deviceId}`,
			key: c.req.valid('header')['idempotency-key'],
			body,
			run: async (beforeCommit) => {
				const result = await deps.alerts.raiseSos(
					{
						estateId: reporter.estateId,
						personId: reporter.personId,
						actor: actorOf(principal),
						point: toWgs84([body.lng, body.lat], body.datum ?? 'wgs84'),
						...(body.note ? { note: body.note } : {}),
						requestId: c.get('requestId'),
					},
					beforeCommit &&
						((tx, raised) => beforeCommit(tx, { status: raised.raised ? 201 : 200, body: raised.alert })),
				);
				if (!result.ok) return { status: 0, body: null, error: result.error };
				return { status: result.value.raised ? 201 : 200, body: result.value.alert };
			},
		});
		if (outcome.kind === 'problem')
			return problemResponse({ ...outcome.problem, requestId: c.get('requestId') }) as never;
		if (outcome.kind === 'error')
			return problemResponse(domainProblem(outcome.error, c.get('requestId'))) as never;
		return c.json(outcome.body as z.infer<typeof FieldAlertView>, outcome.status as 200 | 201);
	});
}
