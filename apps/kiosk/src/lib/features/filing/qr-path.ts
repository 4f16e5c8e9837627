import { encode } from 'uqr';

export type QrDrawing = { readonly size: number; readonly path: string };

/**
 * A QR code as one SVG path of its dark modules (one unit per module, the quiet zone included), so the
 * kiosk draws it as vector art at any size. Error correction M survives a scuffed or glare-lit screen.
 */
export function qrDrawing(text: string): QrDrawing {
	const { data, size } = encode(text, { ecc: 'M', border: 2 });
	let path = '';
	data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) path += `M${x} ${y}h1v1h-1z`;
		}),
	);
	return { size, path };
}
