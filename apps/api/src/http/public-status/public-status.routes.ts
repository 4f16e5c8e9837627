import { createRoute, z } from '@hono/zod-openapi';
import { createAddressRateLimiter, type AddressRateLimiter } from '../../auth/address-rate-limiter';
import type { Database } from '../../db/database';
import { findWorkOrderByPublicToken } from '../../db/repositories/work-order.repository';
import { publicProgressOf } from '../../services/kiosk.service';
import { hashPublicToken } from '../../services/work-order.service';
import type { ClientAddress } from '../auth/client-address';
import { connectionAddress } from '../auth/client-address';
import { PublicProgressView } from '../kiosk/kiosk.schemas';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';

/** Unknown tokens a client address may ask about before it is refused for a while. */
export const PUBLIC_STATUS_MISS_LIMIT = { maxAttempts: 30, windowMs: 10 * 60_000 } as const;

export type PublicStatusRoutesDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly clientAddress?: ClientAddress;
	/** Defaults to 30 misses per 10 minutes per address, in memory per instance. */
	readonly missLimiter?: AddressRateLimiter;
};

/**
 * Tokens are 24 random bytes in base64url (32 characters) or a kiosk's own 26 characters of base32; anything
 * far from that is not worth a query.
 */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

const TokenParam = z.object({
	token: z
		.string()
		.min(1)
		.max(200)
		.openapi({ param: { name: 'token', in: 'path' }, example: 'q3V9…' }),
});
/**
 * `GET /api/v1/public/status/{token}`: the status page behind the kiosk's QR code, with no login. The token is
 * unguessable and only its SHA-256 is stored; the answer is the request's progress and nothing personal (no
 * name, phone, room or description). Misses are limited per client address, so the page cannot be used to
 * probe for tokens.
 */
export function publicStatusRoutes(deps: PublicStatusRoutesDeps) {
	const clientAddress = deps.clientAddress ?? connectionAddress;
	const limiter =
		deps.missLimiter ?? createAddressRateLimiter({ now: deps.now, ...PUBLIC_STATUS_MISS_LIMIT });

	const statusRoute = createRoute({
		method: 'get',
		path: '/status/{token}',
		tags: ['public'],
		summary: 'A request’s progress by the token in its QR code (no login, no personal data)',
		request: { params: TokenParam },
		responses: {
			200: { description: 'Its progress', content: { 'application/json': { schema: PublicProgressView } } },
			404: problemContent('No request has this token'),
			429: problemContent('Too many unknown tokens from this address: wait (Retry-After)'),
		},
	});

	return createRouter().openapi(statusRoute, async (c) => {
		const address = clientAddress(c);
		// Every lookup takes a slot; a hit gives it back, so only misses count.
		const waitMs = limiter.acquire(address);
		if (waitMs > 0) {
			const response = problemResponse(
				problem(429, 'Too Many Requests', {
					detail: 'Too many unknown status links from this address: try again later.',
					code: 'PUBLIC_STATUS.TOO_MANY_MISSES',
					details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
					requestId: c.get('requestId'),
				}),
			);
			response.headers.set('retry-after', String(Math.ceil(waitMs / 1000)));
			return response as never;
		}
		const { token } = c.req.valid('param');
		const stored = TOKEN_SHAPE.test(token)
			? await findWorkOrderByPublicToken(deps.db, hashPublicToken(token))
			: null;
		if (!stored) {
			return problemResponse(
				problem(404, 'Not Found', {
					detail: 'No request has this status link.',
					code: 'PUBLIC_STATUS.NOT_FOUND',
					requestId: c.get('requestId'),
				}),
			) as never;
		}
		limiter.forgive(address);
		c.header('cache-control', 'no-store');
		c.header('referrer-policy', 'no-referrer');
		return c.json(publicProgressOf(stored), 200);
	});
}
