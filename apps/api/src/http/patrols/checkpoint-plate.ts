import { encode } from 'uqr';

export type PlateFacts = {
	readonly estateName: string;
	readonly routeName: string;
	readonly checkpointName: string;
	readonly code: string;
	/** 1 for the first checkpoint of the route. */
	readonly sequence: number;
};

const escapeXml = (text: string): string =>
	text.replace(
		/[<>&'"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
	);

/** The dark modules of a QR code as one path of unit squares, so that printers draw it crisp at any size. */
function qrPath(data: readonly (readonly boolean[])[]): string {
	const parts: string[] = [];
	data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
		});
	});
	return parts.join('');
}

// The plate is A6 portrait (105 × 148 mm); one user unit is 0.1 mm.
const WIDTH = 1050;
const HEIGHT = 1480;
const QR_SIZE = 680;
const FONT = "'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/**
 * A checkpoint plate (巡更点标牌) to print and fix at the checkpoint: the code as a QR (error correction M, so a
 * scuffed plate still reads) with a quiet zone, the checkpoint's name and number on its route, the code in
 * letters for typing when the camera fails, and the estate. Self-contained SVG: no fonts or images to fetch.
 */
export function checkpointPlateSvg(plate: PlateFacts): string {
	const qr = encode(plate.code, { ecc: 'M', border: 0 });
	const scale = QR_SIZE / qr.size;
	const qrX = (WIDTH - QR_SIZE) / 2;
	// Four modules of quiet zone or more on every side, so that any phone finds the code.
	const qrY = 290;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="105mm" height="148mm" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(`${plate.checkpointName} ${plate.code}`)}">`,
		`<rect x="5" y="5" width="${WIDTH - 10}" height="${HEIGHT - 10}" rx="40" fill="#fff" stroke="#1f2937" stroke-width="10"/>`,
		`<rect x="5" y="5" width="${WIDTH - 10}" height="180" rx="40" fill="#1f2937"/>`,
		`<rect x="5" y="120" width="${WIDTH - 10}" height="65" fill="#1f2937"/>`,
		`<g font-family="${FONT}" text-anchor="middle">`,
		`<text x="${WIDTH / 2}" y="92" font-size="58" font-weight="700" fill="#fff">巡更点 · CHECKPOINT</text>`,
		`<text x="${WIDTH / 2}" y="160" font-size="40" fill="#d1d5db">${escapeXml(plate.estateName)}</text>`,
		`<g transform="translate(${qrX} ${qrY}) scale(${scale})"><path d="${qrPath(qr.data)}" fill="#000" shape-rendering="crispEdges"/></g>`,
		`<text x="${WIDTH / 2}" y="1120" font-size="72" font-weight="700" fill="#111827">${escapeXml(plate.checkpointName)}</text>`,
		`<text x="${WIDTH / 2}" y="1200" font-size="40" fill="#374151">${escapeXml(`${plate.routeName} · 第 ${plate.sequence} 点 · No. ${plate.sequence}`)}</text>`,
		`<text x="${WIDTH / 2}" y="1290" font-size="48" font-family="'Noto Sans Mono', 'DejaVu Sans Mono', monospace" letter-spacing="4" fill="#111827">${escapeXml(plate.code)}</text>`,
		`<text x="${WIDTH / 2}" y="1400" font-size="32" fill="#6b7280">扫码打卡 · Scan to check in</text>`,
		'</g>',
		'</svg>',
	].join('');
}
