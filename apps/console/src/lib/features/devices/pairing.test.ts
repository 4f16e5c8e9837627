import { describe, expect, it } from 'vitest';
import { pairingUrl, qrPath } from './pairing';

describe('pairingUrl', () => {
	it.each([
		['http://localhost:3000', 'abc234', 'http://localhost:3000/kiosk/#pair=abc234'],
		['https://ops.example.cn/', 'k7m2q4', 'https://ops.example.cn/kiosk/#pair=k7m2q4'],
	])('pairs a kiosk of %s with a fragment the server never sees', (origin, token, expected) => {
		expect(pairingUrl(origin, token)).toBe(expected);
	});
});

describe('qrPath', () => {
	it('draws one unit square per dark module over a square grid with a quiet zone', () => {
		const { size, path } = qrPath('http://localhost:3000/kiosk/#pair=abcdefghijklmnopqrstuvwxyz234567');
		// Version 3 or more at error correction M, plus two modules of quiet zone on each side.
		expect(size).toBeGreaterThanOrEqual(29 + 4);
		expect((size - 4 - 17) % 4).toBe(0);
		const squares = path.match(/M\d+ \d+h1v1h-1z/g) ?? [];
		expect(squares.join('')).toBe(path);
		expect(squares.length).toBeGreaterThan(100);
		// Nothing is drawn in the quiet zone.
		for (const square of squares) {
			const [x = -1, y = -1] = square.slice(1).split(/[ h]/).map(Number);
			expect(x).toBeGreaterThanOrEqual(2);
			expect(y).toBeGreaterThanOrEqual(2);
			expect(x).toBeLessThan(size - 2);
			expect(y).toBeLessThan(size - 2);
		}
	});

	it('gives the same drawing for the same text and another for another', () => {
		expect(qrPath('a')).toEqual(qrPath('a'));
		expect(qrPath('a').path).not.toBe(qrPath('b').path);
	});
});
