/**
 * A fresh idempotency key. `crypto.randomUUID` exists only on secure origins; a phone on the estate's LAN
 * may open the console over plain http, where `getRandomValues` still works.
 */
export function newKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
