/** Where a paired kiosk keeps its device token (the only thing it keeps across restarts besides its queue). */
export const DEVICE_STORAGE_KEY = 'estate-ops.kiosk.device';

// Device tokens are lower-case base32 today; anything token-like is accepted so a future format still pairs.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,256}$/;

/** The storage the token lives in: `localStorage` in the browser, a map in tests. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The pairing token in a URL fragment (`#pair=<token>`, possibly beside other fragment parameters), or null
 * when there is none or it does not look like a token. A fragment never reaches a server's logs, which is
 * why staff's pairing link carries the secret there.
 */
export function pairingTokenOf(hash: string): string | null {
	const token = new URLSearchParams(hash.replace(/^#/, '')).get('pair');
	return token !== null && TOKEN_SHAPE.test(token) ? token : null;
}

/** The fragment with the pairing token taken out ('' when nothing else was in it). */
export function fragmentWithoutPairing(hash: string): string {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	params.delete('pair');
	const rest = params.toString();
	return rest === '' ? '' : `#${rest}`;
}

/**
 * The kiosk's device token: a pairing link's token is stored (replacing an older one; the caller takes it
 * out of the address bar, see `fragmentWithoutPairing`); otherwise the stored one; null for a kiosk that
 * was never paired.
 */
export function pairDevice(input: { readonly hash: string; readonly storage: TokenStorage }): string | null {
	const fromLink = pairingTokenOf(input.hash);
	if (fromLink !== null) {
		input.storage.setItem(DEVICE_STORAGE_KEY, fromLink);
		return fromLink;
	}
	return storedDeviceToken(input.storage);
}

/** The token this kiosk was paired with, or null (after `pairDevice` ran at start). */
export function storedDeviceToken(storage: Pick<Storage, 'getItem'>): string | null {
	const stored = storage.getItem(DEVICE_STORAGE_KEY);
	return stored !== null && TOKEN_SHAPE.test(stored) ? stored : null;
}
