import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Bytes of entropy in a session or device token: Lucia's recommendation is at least 20 (160 bits). */
export const TOKEN_BYTES = 20;

/**
 * A new bearer secret for a session cookie or a device: random bytes in lower-case base32 (case-insensitive,
 * no padding, safe in a cookie or a header). Only `hashToken(token)` is ever stored.
 */
export function generateToken(bytes: number = TOKEN_BYTES): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * The stored form of a token: SHA-256 in lower-case hex. A fast hash suffices because the token is random
 * with 160 bits; whoever reads the table cannot turn a hash back into a usable credential.
 */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
