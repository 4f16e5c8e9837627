import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { PositionReporter, PositionService } from '../../services/position.service';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { domainProblem } from '../domain-error-status';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import {
	LatestPositions,
	PersonIdParam,
	PositionReportAnswer,
	PositionReportBody,
	TrackQuery,
	TrackView,
} from './positions.schemas';

export type PositionRoutesDeps = {
	readonly positions: PositionService;
	/** 401 without a principal, 403 without the permission. */
	readonly requirePermission: (permission: Permission) => MiddlewareHandler<AppEnv>;
};

const guarded = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

/** The person a field principal reports for: a staff session's own account, or the phone's staff member. */
export function reporterOf(principal: Principal): PositionReporter | null {
	if (principal.kind === 'staff') {
		return { estateId: principal.estateId, personId: principal.staffId, deviceId: null };
	}
	if (principal.deviceKind !== 'field' || !principal.staffId) return null;
	return { estateId: principal.estateId, personId: principal.staffId, deviceId: principal.deviceId };
}

export const notAFieldPerson = (requestId: string) =>
	problemResponse(
		problem(403, 'Forbidden', {
			detail: 'Only a field phone issued to a staff member, or a field staff session, reports positions.',
			code: 'POSITION.NOT_FIELD_STAFF',
			requestId,
		}),
	);

/** Field positions: `/api/v1/positions`. Devices report; the control room reads the latest and the tracks. */
export function positionRoutes(deps: PositionRoutesDeps) {
	const { positions } = deps;

	const reportRoute = createRoute({
		method: 'post',
		path: '/',
		tags: ['positions'],
		summary: "Report the caller's position fixes (a field phone or a field staff session)",
		description:
			'Duplicates (same person and device time) and fixes older than the latest kept are dropped and counted; fixes more than 30 s ahead of the server clock are refused one by one. Answers once the accepted fixes are written.',
		middleware: [deps.requirePermission('positions.report')] as const,
		request: { body: { content: { 'application/json': { schema: PositionReportBody } }, required: true } },
		responses: {
			200: {
				description: 'What was kept, dropped and refused',
				content: { 'application/json': { schema: PositionReportAnswer } },
			},
			400: problemContent('Invalid report'),
			...guarded,
		},
	});

	const latestRoute = createRoute({
		method: 'get',
		path: '/',
		tags: ['positions'],
		summary: 'The latest position of every field person of the estate, with stale and outside judged now',
		middleware: [deps.requirePermission('positions.read')] as const,
		responses: {
			200: {
				description: 'Latest positions, newest first',
				content: { 'application/json': { schema: LatestPositions } },
			},
			...guarded,
		},
	});

	const trackRoute = createRoute({
		method: 'get',
		path: '/{personId}/track',
		tags: ['positions'],
		summary: "A person's track over the last `minutes` (30 by default, at most 240), oldest first",
		middleware: [deps.requirePermission('positions.read')] as const,
		request: { params: PersonIdParam, query: TrackQuery },
		responses: {
			200: { description: 'The track', content: { 'application/json': { schema: TrackView } } },
			400: problemContent('Invalid person id or minutes'),
			...guarded,
			404: problemContent('No such person in this estate'),
		},
	});

	return createRouter()
		.openapi(reportRoute, async (c) => {
			const reporter = reporterOf(principalOf(c.get('principal')));
			if (!reporter) return notAFieldPerson(c.get('requestId')) as never;
			const result = await positions.report(reporter, c.req.valid('json').fixes);
			if (!result.ok) {
				if (result.error.code === 'POSITION.NOT_FIELD_STAFF')
					return notAFieldPerson(c.get('requestId')) as never;
				return problemResponse(domainProblem(result.error, c.get('requestId'))) as never;
			}
			return c.json({ ...result.value, refused: [...result.value.refused] }, 200);
		})
		.openapi(latestRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const latest = await positions.latest(principal.estateId);
			return c.json(
				{
					at: latest.at,
					positions: latest.positions.map((position) => ({
						personId: position.personId,
						displayName: position.displayName,
						role: position.role,
						lng: position.lng,
						lat: position.lat,
						accuracyM: position.accuracyM,
						headingDeg: position.headingDeg,
						speedMps: position.speedMps,
						batteryPct: position.batteryPct,
						at: position.deviceTime,
						receivedAt: position.receivedAt,
						stale: position.stale,
						outside: position.outside,
					})),
				},
				200,
			);
		})
		.openapi(trackRoute, async (c) => {
			const principal = principalOf(c.get('principal'));
			const { personId } = c.req.valid('param');
			const track = await positions.track(principal.estateId, personId, c.req.valid('query').minutes);
			if (!track) {
				return problemResponse(
					problem(404, 'Not Found', {
						detail: 'No such person in this estate.',
						code: 'STAFF.NOT_FOUND',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			return c.json(
				{
					personId,
					from: track.from,
					to: track.to,
					points: track.points.map((point) => ({
						at: point.deviceTime,
						lng: point.lng,
						lat: point.lat,
						accuracyM: point.accuracyM,
						headingDeg: point.headingDeg,
						speedMps: point.speedMps,
						batteryPct: point.batteryPct,
					})),
				},
				200,
			);
		});
}
