import { encode } from 'uqr';

/**
 * The link that pairs a kiosk: the kiosk app reads its device token from the fragment, keeps it and drops it
 * from the address bar. A fragment never reaches a server, so the token is not in any access log.
 */
export const pairingUrl = (origin: string, token: string): string =>
	`${origin.replace(/\/+$/, '')}/kiosk/#pair=${encodeURIComponent(token)}`;

/** A QR code as one SVG path over a `size` × `size` grid (quiet zone included), one unit per module. */
export type QrPath = { readonly size: number; readonly path: string };

/** The QR code of `text` (error correction M, which survives a scuffed screen), drawn without any HTML string. */
export function qrPath(text: string): QrPath {
	const qr = encode(text, { ecc: 'M', border: 2 });
	const parts: string[] = [];
	qr.data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
		});
	});
	return { size: qr.size, path: parts.join('') };
}
