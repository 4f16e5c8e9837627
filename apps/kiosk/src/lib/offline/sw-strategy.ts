/** How the kiosk's service worker answers a request. */
export type SwStrategy =
	/** Left to the network untouched: the api, sockets, other origins, anything but GET. */
	| 'network'
	/** A file of the built app: from the cache, which holds every file of this version. */
	| 'cache'
	/** A page of the app: from the network when it answers (a new version), else the cached shell. */
	| 'shell';

/**
 * The strategy for a request. The built app is cached whole at install, so the kiosk starts and runs
 * without the network; the api is never cached here (notices, the estate and the room lists keep their
 * own last copies, and nothing of a household is ever kept by the service worker).
 */
export function swStrategy(
	request: { readonly method: string; readonly url: string; readonly mode: string },
	scope: { readonly origin: string; readonly base: string; readonly assets: ReadonlySet<string> },
): SwStrategy {
	if (request.method !== 'GET') return 'network';
	const url = new URL(request.url);
	if (url.origin !== scope.origin) return 'network';
	const inApp = url.pathname === scope.base || url.pathname.startsWith(`${scope.base}/`);
	// Pages go to the network first, so a kiosk picks up a new version on its next start.
	if (inApp && request.mode === 'navigate') return 'shell';
	return scope.assets.has(url.pathname) ? 'cache' : 'network';
}
