/**
 * The letters and digits of a visitor pass code: no I, O, 0 or 1, which a guard reading a phone screen
 * mistakes. There are 32 of them, so one byte modulo 32 picks one without bias.
 */
export const PASS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PASS_CODE_LENGTH = 6;

/** A pass code from random bytes the caller drew (the domain takes its randomness as an argument). */
export function passCodeFromBytes(bytes: Uint8Array): string {
	if (bytes.length < PASS_CODE_LENGTH)
		throw new RangeError(`a pass code needs ${PASS_CODE_LENGTH} random bytes`);
	let code = '';
	for (let i = 0; i < PASS_CODE_LENGTH; i++)
		code += PASS_CODE_ALPHABET[bytes[i]! % PASS_CODE_ALPHABET.length];
	return code;
}

/** A pass code as typed at the gate, normalised, or null when it cannot be one. */
export function normalisePassCode(typed: string): string | null {
	const code = typed.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== PASS_CODE_LENGTH) return null;
	return [...code].every((c) => PASS_CODE_ALPHABET.includes(c)) ? code : null;
}
