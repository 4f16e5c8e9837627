import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** How the api tells one client from another for rate limits and the audit log. */
export type ClientAddress = (c: Context) => string;

/**
 * The TCP peer's address. Right when clients connect directly; behind a reverse proxy every client shares
 * the proxy's address, so pass `forwardedClientAddress` instead.
 */
export const connectionAddress: ClientAddress = (c) => {
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		// No Node socket behind the request (e.g. `app.request()` in tests).
		return 'unknown';
	}
};

/**
 * Behind a trusted reverse proxy: the address the proxy appended last to `X-Forwarded-For` (earlier entries
 * are whatever the client claimed, so they are not trusted).
 */
export const forwardedClientAddress: ClientAddress = (c) => {
	const forwarded = c.req.header('x-forwarded-for');
	const last = forwarded?.split(',').at(-1)?.trim();
	return last || connectionAddress(c);
};
