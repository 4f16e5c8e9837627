import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrDrawing } from './qr-path';

describe('qrDrawing', () => {
	const url = 'http://localhost:3000/status/abcdefghijklmnopqrstuvwxyz';

	it('draws one unit square per dark module, quiet zone included', () => {
		const { size, path } = qrDrawing(url);
		const reference = encode(url, { ecc: 'M', border: 2 });
		expect(size).toBe(reference.size);
		const dark = reference.data.flat().filter(Boolean).length;
		expect(path.match(/M\d+ \d+h1v1h-1z/g)).toHaveLength(dark);
	});

	it('leaves the quiet zone white', () => {
		const { size, path } = qrDrawing(url);
		const squares = [...path.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
		expect(squares.every(([x, y]) => x! >= 2 && y! >= 2 && x! < size - 2 && y! < size - 2)).toBe(true);
	});
});
