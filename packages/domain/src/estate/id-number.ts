/** A mainland resident identity card number (居民身份证号码): 17 digits and a check character. */
const MAINLAND_ID = /^\d{17}[\dX]$/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Whether `idNumber` is a well-formed mainland ID number whose check character (GB 11643) is right. */
export function isValidMainlandIdNumber(idNumber: string): boolean {
	const normalised = idNumber.trim().toUpperCase();
	if (!MAINLAND_ID.test(normalised)) return false;
	const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(normalised[i]), 0);
	return CHECK_CHARACTERS[sum % 11] === normalised[17];
}

/**
 * An identity number as it may be shown: a mainland ID keeps its first three (province and city) and last
 * four characters, `110101199003071234` → `110***********1234`. Other documents keep their first and last
 * two characters, and short ones nothing.
 */
export function maskIdNumber(idNumber: string): string {
	const normalised = idNumber.trim().toUpperCase();
	if (MAINLAND_ID.test(normalised))
		return `${normalised.slice(0, 3)}${'*'.repeat(11)}${normalised.slice(-4)}`;
	if (normalised.length > 6) {
		return `${normalised.slice(0, 2)}${'*'.repeat(normalised.length - 4)}${normalised.slice(-2)}`;
	}
	return '*'.repeat(normalised.length);
}
