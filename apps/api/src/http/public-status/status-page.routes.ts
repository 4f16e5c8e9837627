import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { createAddressRateLimiter, type AddressRateLimiter } from '../../auth/address-rate-limiter';
import type { Database } from '../../db/database';
import { findEstate } from '../../db/repositories/site-plan.repository';
import { findWorkOrderByPublicToken } from '../../db/repositories/work-order.repository';
import { publicProgressOf } from '../../services/kiosk.service';
import { hashPublicToken } from '../../services/work-order.service';
import type { AppEnv } from '../app-env';
import type { ClientAddress } from '../auth/client-address';
import { connectionAddress } from '../auth/client-address';
import { PUBLIC_STATUS_MISS_LIMIT, TOKEN_SHAPE } from './public-status.routes';
import { renderNotFoundPage, renderStatusPage, renderTooManyPage, STATUS_PAGE_CSS } from './status-page.html';
import { statusPageLocale } from './status-page-locale';

export type StatusPageRoutesDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly clientAddress?: ClientAddress;
	/** Share the JSON route's limiter, so an address cannot probe twice as many tokens through both. */
	readonly missLimiter?: AddressRateLimiter;
};

const styleHash = createHash('sha256').update(STATUS_PAGE_CSS).digest('base64');

/**
 * A page with no script, no frame and no outside resource: the policy allows its one style sheet by hash
 * and nothing else, and no one may frame it or learn its URL (which carries the token) from a Referer.
 */
export const STATUS_PAGE_HEADERS: Readonly<Record<string, string>> = {
	'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cache-control': 'no-store',
	vary: 'Accept-Language',
};

/**
 * `GET /status/{token}`: the page behind the kiosk receipt's QR code, rendered by the api (not under /api, no
 * login, no JavaScript) in the language of `?lang=` or the phone's. It shows the request's code, its status in
 * plain words, the next step and the timeline, never a name, phone, room or the resident's words. Unknown
 * tokens get a 404 page and count against the address, like the JSON route.
 */
export function statusPageRoutes(deps: StatusPageRoutesDeps) {
	const clientAddress = deps.clientAddress ?? connectionAddress;
	const limiter =
		deps.missLimiter ?? createAddressRateLimiter({ now: deps.now, ...PUBLIC_STATUS_MISS_LIMIT });

	return new Hono<AppEnv>().get('/status/:token', async (c) => {
		const locale = statusPageLocale(c.req.query('lang'), c.req.header('accept-language'));
		const page = (html: string, status: 200 | 404 | 429, extra: Record<string, string> = {}) =>
			c.html(html, status, { ...STATUS_PAGE_HEADERS, ...extra });

		const address = clientAddress(c);
		// Every lookup takes a slot; a hit gives it back, so only misses count.
		const waitMs = limiter.acquire(address);
		if (waitMs > 0) {
			const seconds = Math.ceil(waitMs / 1000);
			return page(renderTooManyPage(locale, seconds), 429, { 'retry-after': String(seconds) });
		}
		const token = c.req.param('token');
		const stored = TOKEN_SHAPE.test(token)
			? await findWorkOrderByPublicToken(deps.db, hashPublicToken(token))
			: null;
		const estate = stored ? await findEstate(deps.db, stored.order.estateId) : null;
		if (!stored || !estate) return page(renderNotFoundPage(locale), 404);
		limiter.forgive(address);
		return page(
			renderStatusPage({
				locale,
				progress: publicProgressOf(stored),
				estateName: estate.name,
				timeZone: estate.timeZone,
				now: deps.now(),
			}),
			200,
		);
	});
}
