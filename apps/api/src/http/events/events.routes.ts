import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database';
import {
	countEventsAfter,
	eventsAfter,
	latestSeq,
	latestSeqOfAll,
} from '../../db/repositories/event.repository';
import { eventAudienceOf } from '../../realtime/event-audience';
import { toWireEvent } from '../../realtime/realtime-events';
import type { AppEnv } from '../app-env';
import { principalOf } from '../auth/auth.middleware';
import { createRouter, fieldErrors, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';

export type EventsRoutesDeps = {
	readonly db: Database;
	/**
	 * The highest seq this instance's relay has delivered (`realtime.relay.deliveredThrough`). Catch-up never
	 * answers past it, so that live events and catch-up agree on order, including at seq gaps the relay is
	 * still holding at. Omit it, or answer undefined, where no relay runs (yet).
	 */
	readonly horizon?: () => number | undefined;
	/** Beyond this many missed events a client reloads a snapshot instead (default 10,000). */
	readonly maxBehind?: number;
};

const DEFAULT_MAX_BEHIND = 10_000;
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 1_000;

const seqText = z
	.string()
	.regex(/^\d{1,15}$/, 'expected a whole number ≥ 0')
	.transform(Number);

const CatchUpQuery = z.object({
	after: seqText.openapi({ description: 'the last seq the client applied (0 for none)', example: '1042' }),
	limit: seqText
		.pipe(z.number().int().min(1).max(MAX_LIMIT))
		.optional()
		.openapi({
			description: `events per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT})`,
			type: 'string',
			pattern: '^\\d{1,15}$',
		}),
});

const WireEventView = z
	.object({
		seq: z.number().int(),
		estateId: z.string(),
		type: z.string().openapi({ example: 'workOrder.assigned' }),
		aggregateType: z.string(),
		aggregateId: z.string(),
		at: z.string().openapi({ format: 'date-time' }),
		payload: z.unknown(),
	})
	.openapi('WireEvent');

const CatchUpPage = z
	.object({ events: z.array(WireEventView), latestSeq: z.number().int(), hasMore: z.boolean() })
	.openapi('EventPage');

const Resync = z.object({ resync: z.literal(true), latestSeq: z.number().int() }).openapi('EventResync', {
	description: 'Too far behind, or a seq this database never issued: reload a snapshot',
});

const catchUpRoute = createRoute({
	method: 'get',
	path: '/api/v1/events',
	tags: ['events'],
	summary: "The caller's estate events after a seq, in seq order (catch-up after a reconnect)",
	middleware: [estateStreamReader()] as const,
	request: { query: CatchUpQuery },
	responses: {
		200: {
			description: 'A page of events, or an instruction to reload a snapshot',
			content: { 'application/json': { schema: z.union([CatchUpPage, Resync]) } },
		},
		400: problemContent('Invalid after or limit'),
		401: problemContent('Not signed in and no device token'),
		403: problemContent(
			"This principal receives only its own messages, not the estate's stream (AUTH.FORBIDDEN), or the initial password is unchanged",
		),
	},
});

/** 401 without a principal, 403 for one that may not read the estate's stream: before the query is looked at. */
function estateStreamReader(): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const principal = c.get('principal');
		if (!principal) {
			return problemResponse(
				problem(401, 'Unauthorized', {
					detail: 'Sign in or present a device token.',
					requestId: c.get('requestId'),
				}),
			);
		}
		if (eventAudienceOf(principal).kind === 'personal') {
			return problemResponse(
				problem(403, 'Forbidden', {
					detail: "This principal receives only its own messages, not the estate's event stream.",
					code: 'AUTH.FORBIDDEN',
					requestId: c.get('requestId'),
				}),
			);
		}
		await next();
		return undefined;
	};
}

/**
 * `GET /api/v1/events?after=<seq>&limit=<n>`: the caller's estate's events after the seq it last applied, in
 * seq order (DESIGN.md: after any reconnect a client catches up here before trusting live events). A client
 * too far behind, or holding a seq this database never issued (a restored or foreign history), is told to
 * reload a snapshot: `{ resync: true, latestSeq }`. Mount at `/` (the route carries its full path).
 */
export const eventsRoutes = (deps: EventsRoutesDeps) =>
	createRouter().openapi(
		catchUpRoute,
		async (c) => {
			const principal = principalOf(c.get('principal'));
			const audience = eventAudienceOf(principal);
			const { after } = c.req.valid('query');
			const limit = c.req.valid('query').limit ?? DEFAULT_LIMIT;
			const maxBehind = deps.maxBehind ?? DEFAULT_MAX_BEHIND;
			const horizon = deps.horizon?.();
			const atMost = horizon === undefined ? {} : { atMost: horizon };
			const estateId = principal.estateId;
			const only = audience.kind === 'prefixes' ? { typePrefixes: audience.prefixes } : {};

			const resync = async () =>
				c.json({ resync: true as const, latestSeq: await latestSeq(deps.db, estateId, atMost) }, 200);
			if (after > (await latestSeqOfAll(deps.db))) return resync();
			const behind = await countEventsAfter(deps.db, {
				estateId,
				after,
				...atMost,
				...only,
				cap: maxBehind + 1,
			});
			if (behind > maxBehind) return resync();

			const page = await eventsAfter(deps.db, { estateId, after, limit: limit + 1, ...atMost, ...only });
			const events = page.slice(0, limit).map(toWireEvent);
			// Read after the page, so it is never below the page's last seq.
			const latest = await latestSeq(deps.db, estateId, atMost);
			return c.json(
				{ events, latestSeq: Math.max(latest, events.at(-1)?.seq ?? 0), hasMore: page.length > limit },
				200,
			);
		},
		// The query's problem, as this route has always answered it (no code; one error per field).
		(result, c) => {
			if (result.success) return undefined;
			return problemResponse(
				problem(400, 'Bad Request', {
					detail: 'The query string is invalid.',
					errors: fieldErrors(result.error),
					requestId: c.get('requestId'),
				}),
			) as never;
		},
	);
