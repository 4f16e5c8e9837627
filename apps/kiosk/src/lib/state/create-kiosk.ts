import { KioskHttp } from '$lib/api/http';
import type { Fetch } from '$lib/api/http';
import { kioskApi } from '$lib/api/kiosk-api';
import { arrayOf } from '$lib/api/read';
import { KioskEstate, KioskNotice } from '$lib/api/wire';
import { IdbOutboxStore } from '$lib/offline/idb-outbox-store';
import { KioskOutbox, transportOf } from '$lib/offline/kiosk-outbox';
import { MemoryOutboxStore } from '$lib/offline/outbox';
import { defaultTimeZone } from '$lib/format/clock';
import { Connection } from './connection.svelte';
import type { KioskContext } from './kiosk-context';
import { KioskSession } from './kiosk-session.svelte';
import { RemoteCopy } from './remote-copy.svelte';
import { RoomDirectory } from './room-directory.svelte';

/** Everything a paired kiosk shares, wired to the browser: its token, fetch, storage and IndexedDB. */
export function createKiosk(deps: {
	readonly token: string;
	readonly fetch: Fetch;
	readonly storage: Storage;
	readonly indexedDB: IDBFactory | undefined;
	readonly now: () => Date;
	/** The api no longer accepts the token: the kiosk must be paired again. */
	readonly onUnauthorized: () => void;
}): KioskContext {
	const connection = new Connection();
	const http = new KioskHttp({
		fetch: deps.fetch,
		token: deps.token,
		onReachability: (reachable) => {
			connection.apiAnswered = reachable;
		},
		onUnauthorized: deps.onUnauthorized,
	});
	const api = kioskApi(http);
	const estate = new RemoteCopy({
		key: 'estate-ops.kiosk.estate',
		reader: KioskEstate,
		storage: deps.storage,
		load: api.estate,
		now: deps.now,
	});
	const notices = new RemoteCopy({
		key: 'estate-ops.kiosk.notices',
		reader: arrayOf(KioskNotice),
		storage: deps.storage,
		load: api.notices,
		now: deps.now,
	});
	const outbox = new KioskOutbox({
		// Without IndexedDB (a private window) queued filings last until the page is reloaded.
		store: deps.indexedDB === undefined ? new MemoryOutboxStore() : new IdbOutboxStore(deps.indexedDB),
		transport: transportOf(api),
		onPending: (count) => {
			connection.queued = count;
		},
	});
	return {
		api,
		connection,
		estate,
		notices,
		rooms: new RoomDirectory({ load: api.rooms, storage: deps.storage, now: deps.now }),
		outbox,
		session: new KioskSession(),
		now: deps.now,
		timeZone: () => estate.value?.timeZone ?? defaultTimeZone,
	};
}
