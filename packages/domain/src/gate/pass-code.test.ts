import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePassCode, PASS_CODE_ALPHABET, passCodeFromBytes } from './pass-code';

describe('pass codes', () => {
	it('maps bytes onto the 32-character alphabet', () => {
		expect(PASS_CODE_ALPHABET).toHaveLength(32);
		expect(passCodeFromBytes(new Uint8Array([0, 1, 31, 32, 255, 8]))).toBe('AB9A9J');
	});

	it('always makes a code that normalises to itself', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
				const code = passCodeFromBytes(bytes);
				expect(normalisePassCode(code.toLowerCase())).toBe(code);
			}),
		);
	});

	it('refuses too few bytes and codes with characters a guard would misread', () => {
		expect(() => passCodeFromBytes(new Uint8Array(5))).toThrow(RangeError);
		expect(normalisePassCode('ab 9a-9j')).toBe('AB9A9J');
		expect(normalisePassCode('AB9A9O')).toBeNull();
		expect(normalisePassCode('AB9A9')).toBeNull();
	});
});
