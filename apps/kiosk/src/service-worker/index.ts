import { base, build, files, version } from '$service-worker';
import { swStrategy } from '$lib/offline/sw-strategy';

/**
 * The kiosk's service worker: the built app is cached whole when a version installs, so a kiosk that
 * lost its network (or whose api is down) still starts and shows its last notices; filings made then
 * wait in IndexedDB (lib/offline) until the api is back.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `estate-ops-kiosk-${version}`;
/** The app's shell: the api answers every page under the base with index.html. */
const SHELL = `${base}/`;
const ASSETS = [...build, ...files, SHELL];
const assets = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting()),
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim()),
	);
});

async function fromCache(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: CACHE });
	return cached ?? fetch(request);
}

async function shell(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.status < 500) return response;
	} catch {
		// No network: the cached shell below.
	}
	const cached = await caches.match(SHELL, { cacheName: CACHE });
	return cached ?? Response.error();
}

sw.addEventListener('fetch', (event) => {
	const strategy = swStrategy(event.request, { origin: sw.location.origin, base, assets });
	switch (strategy) {
		case 'network':
			return;
		case 'cache':
			event.respondWith(fromCache(event.request));
			return;
		case 'shell':
			event.respondWith(shell(event.request));
			return;
	}
});
