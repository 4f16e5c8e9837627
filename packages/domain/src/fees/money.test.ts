import { describe, expect, it } from 'vitest';
import { divideRoundingHalfUp, formatFen, parseYuan } from './money';

describe('money in fen', () => {
	it.each([
		['12', 1200],
		['12.3', 1230],
		[' 12.34 ', 1234],
		['0.07', 7],
		['-0.5', -50],
	] as const)('reads %j yuan as %i fen', (text, fen) => {
		expect(parseYuan(text)).toEqual({ ok: true, value: fen });
	});

	it.each(['12.345', '1e3', '', '12.', '.5', '1,000', '¥12'])('refuses %j', (text) => {
		expect(parseYuan(text)).toMatchObject({
			ok: false,
			error: { code: 'FEES.AMOUNT_INVALID', path: ['amount'] },
		});
	});

	it('writes fen as yuan with two decimals', () => {
		expect(formatFen(123456)).toBe('1234.56');
		expect(formatFen(7)).toBe('0.07');
		expect(formatFen(-5)).toBe('-0.05');
	});

	it('rounds half a fen up, and away from zero below it', () => {
		expect(divideRoundingHalfUp(5, 2)).toBe(3);
		expect(divideRoundingHalfUp(4, 3)).toBe(1);
		expect(divideRoundingHalfUp(-3, 2)).toBe(-2);
		expect(() => divideRoundingHalfUp(1, 0)).toThrow(RangeError);
		expect(() => divideRoundingHalfUp(0.5, 1)).toThrow(RangeError);
	});
});
