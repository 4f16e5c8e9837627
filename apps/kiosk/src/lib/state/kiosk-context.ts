import { getContext, setContext } from 'svelte';
import type { KioskApi } from '$lib/api/kiosk-api';
import type { KioskEstate, KioskNotice } from '$lib/api/wire';
import type { KioskOutbox } from '$lib/offline/kiosk-outbox';
import type { Connection } from './connection.svelte';
import type { KioskSession } from './kiosk-session.svelte';
import type { RemoteCopy } from './remote-copy.svelte';
import type { RoomDirectory } from './room-directory.svelte';

/** What every screen of a paired kiosk shares, created once by the root layout. */
export type KioskContext = {
	readonly api: KioskApi;
	readonly connection: Connection;
	readonly estate: RemoteCopy<KioskEstate>;
	readonly notices: RemoteCopy<readonly KioskNotice[]>;
	readonly rooms: RoomDirectory;
	readonly outbox: KioskOutbox;
	readonly session: KioskSession;
	readonly now: () => Date;
	/** The estate's time zone (China Standard Time until the estate is known). */
	readonly timeZone: () => string;
};

const KEY = Symbol('estate-ops.kiosk');

export const setKioskContext = (context: KioskContext): KioskContext => setContext(KEY, context);

export function useKiosk(): KioskContext {
	const context = getContext<KioskContext | undefined>(KEY);
	if (!context) throw new Error('useKiosk() outside the root layout of a paired kiosk');
	return context;
}
