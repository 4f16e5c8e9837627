/** Lower-case base32 (RFC 4648), the alphabet of the api's own tokens. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 26 characters of 5 random bits each: 130 bits, beyond guessing (the status page wants ≥ 128). */
export const PUBLIC_TOKEN_LENGTH = 26;

export type RandomValues = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const browserRandom: RandomValues = (bytes) => crypto.getRandomValues(bytes);

/**
 * The token of a request's public status page, chosen by the kiosk before the request is sent: a receipt
 * printed while the api is unreachable can already show the QR code that will work once it is delivered.
 * One byte per character; 256 is a multiple of 32, so every character is uniform.
 */
export function newPublicToken(randomValues: RandomValues = browserRandom): string {
	const bytes = randomValues(new Uint8Array(PUBLIC_TOKEN_LENGTH));
	let token = '';
	for (const byte of bytes) token += BASE32[byte & 31];
	return token;
}

/** The absolute address of a request's status page, for the QR code and the link under it. */
export const statusUrlOf = (origin: string, publicToken: string): string =>
	`${origin}/status/${encodeURIComponent(publicToken)}`;

/** The status page's absolute address from the api's answer (`/status/<token>`, relative to its origin). */
export const absoluteUrl = (origin: string, path: string): string =>
	/^https?:\/\//.test(path) ? path : `${origin}${path.startsWith('/') ? '' : '/'}${path}`;
