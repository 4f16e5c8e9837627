import { z } from 'zod';
import type { RandomBytes } from '../estate/password-policy';

/**
 * The alphabet of request codes: digits and capitals without 0/O and 1/I, which residents confuse when
 * reading a code off a slip or typing it at the kiosk. 32 symbols, so one random byte gives one symbol
 * without bias (256 is a multiple of 32).
 */
export const REQUEST_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REQUEST_CODE_LENGTH = 6;

/** A request's follow-up code (查询码), e.g. `R7KQ2MX`: short enough to read out on the phone. */
export const RequestCode = z.string().regex(/^R[2-9A-HJ-NP-Z]{6}$/, 'expected R and 6 characters');
export type RequestCode = z.infer<typeof RequestCode>;

export function generateRequestCode(randomBytes: RandomBytes): RequestCode {
	const bytes = randomBytes(REQUEST_CODE_LENGTH);
	if (bytes.length < REQUEST_CODE_LENGTH) throw new Error('the random source returned too few bytes');
	let code = 'R';
	for (const byte of bytes.subarray(0, REQUEST_CODE_LENGTH)) code += REQUEST_CODE_ALPHABET[byte % 32];
	return RequestCode.parse(code);
}

/**
 * A code as a resident typed it (`r7kq 2mx`, `R-7KQ2MX`), made canonical; `null` when it cannot be one.
 */
export function normaliseRequestCode(input: string): RequestCode | null {
	const compact = input.replace(/[\s-]/g, '').toUpperCase();
	const parsed = RequestCode.safeParse(compact);
	return parsed.success ? parsed.data : null;
}
