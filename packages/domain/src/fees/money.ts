import { z } from 'zod';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';

/**
 * Money is integer fen (分) everywhere: amounts, rates, payments. Meter prices, which run to a tenth of a
 * fen (电费 0.617 元/kWh), are integer li (厘, a tenth of a fen) and each line is rounded to fen once.
 */
export const Fen = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);
export type Fen = z.infer<typeof Fen>;

export const LI_PER_FEN = 10;

/** `numerator / denominator` rounded half up (half a fen is a fen), in integers: the bill's one rounding rule. */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
		throw new RangeError('divideRoundingHalfUp takes safe integers and a positive denominator');
	}
	const sign = numerator < 0 ? -1 : 1;
	return sign * Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
}

/** A yuan amount as typed (`12`, `12.3`, `12.34`, `-0.5`) in fen, exactly: no floating point on the way. */
export function parseYuan(text: string): Result<Fen, DomainError<'FEES.AMOUNT_INVALID'>> {
	const match = /^(-)?(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text.trim());
	if (!match)
		return err('FEES.AMOUNT_INVALID', 'an amount in yuan with at most two decimals', { path: ['amount'] });
	const [, minus, whole, decimals = ''] = match;
	const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
	return ok(minus ? -fen : fen);
}

/** Fen as yuan with two decimals, `123456` → `1234.56`; the UI adds the currency sign and grouping. */
export function formatFen(fen: Fen): string {
	const sign = fen < 0 ? '-' : '';
	const abs = Math.abs(fen);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
