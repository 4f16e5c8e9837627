import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	generateRequestCode,
	normaliseRequestCode,
	REQUEST_CODE_ALPHABET,
	RequestCode,
} from './request-code';

describe('request codes', () => {
	it('turns random bytes into R and six readable characters', () => {
		expect(generateRequestCode(() => Uint8Array.from([0, 1, 31, 32, 255, 100]))).toBe('R23Z2Z6');
	});

	it('never uses 0, O, 1 or I', () => {
		expect(REQUEST_CODE_ALPHABET).toHaveLength(32);
		expect(REQUEST_CODE_ALPHABET).not.toMatch(/[0O1I]/);
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
				const code = generateRequestCode(() => bytes);
				expect(RequestCode.safeParse(code).success).toBe(true);
				expect(code.slice(1)).not.toMatch(/[0O1I]/);
			}),
		);
	});

	it('refuses a random source that returns too few bytes', () => {
		expect(() => generateRequestCode(() => new Uint8Array(3))).toThrow(/too few bytes/);
	});

	it.each([
		['R7KQ2MX', 'R7KQ2MX'],
		['r7kq2mx', 'R7KQ2MX'],
		[' R-7KQ 2MX ', 'R7KQ2MX'],
		['R7KQ2M', null],
		['R7KQ0MX', null],
		['X7KQ2MX', null],
	])('reads %j as %j', (input, code) => {
		expect(normaliseRequestCode(input)).toBe(code);
	});
});
