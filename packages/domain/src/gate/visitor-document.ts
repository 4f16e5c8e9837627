import { z } from 'zod';
import { isValidMainlandIdNumber } from '../estate/id-number';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import type { LocalDate } from '../shared/time';

/** The document a visitor shows at the gate. */
export const VisitorDocumentKind = z.enum([
	'mainland_id', // 居民身份证
	'hk_macau_permit', // 港澳居民来往内地通行证
	'taiwan_permit', // 台湾居民来往大陆通行证
	'passport',
]);
export type VisitorDocumentKind = z.infer<typeof VisitorDocumentKind>;

export type VisitorDocumentError = DomainError<'GATE.ID_NUMBER_INVALID'> & {
	readonly details: { readonly reason: 'format' | 'birth_date' | 'checksum' };
};

const MAINLAND_ID = /^\d{17}[\dX]$/;
// Permits and passports: letters and digits, as printed; the exact layouts change too often to pin down.
const OTHER_DOCUMENT = /^[A-Z0-9]{5,20}$/;

/**
 * A visitor's document number as the guard typed it, normalised (upper case, no spaces) and checked: a
 * mainland ID must have a real birth date no later than `today` and the right GB 11643 check character.
 */
export function parseVisitorDocument(
	kind: VisitorDocumentKind,
	typed: string,
	today: LocalDate,
): Result<string, VisitorDocumentError> {
	const number = typed.toUpperCase().replace(/\s/g, '');
	const fail = (reason: VisitorDocumentError['details']['reason'], message: string) =>
		err('GATE.ID_NUMBER_INVALID', message, { path: ['idNumber'], details: { reason } }) as {
			ok: false;
			error: VisitorDocumentError;
		};
	if (kind !== 'mainland_id') {
		return OTHER_DOCUMENT.test(number)
			? ok(number)
			: fail('format', 'a document number has 5 to 20 letters and digits');
	}
	if (!MAINLAND_ID.test(number))
		return fail('format', 'a mainland ID number has 17 digits and a check digit or X');
	const birth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
	if (!isRealDate(birth) || birth > today || birth < '1900-01-01') {
		return fail('birth_date', 'the birth date inside this ID number is not a real date');
	}
	if (!isValidMainlandIdNumber(number))
		return fail('checksum', 'the check digit does not match: a digit was mistyped');
	return ok(number);
}

function isRealDate(date: string): boolean {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const parsed = new Date(Date.UTC(y, m - 1, d));
	return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}
