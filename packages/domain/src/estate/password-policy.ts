import { z } from 'zod';
import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';

export const PASSWORD_MIN_LENGTH = 8;
// argon2 hashes whatever it is given; a cap keeps a login request from costing seconds of CPU.
export const PASSWORD_MAX_LENGTH = 128;

export const PasswordRule = z.enum(['min_length', 'max_length', 'uppercase', 'lowercase', 'digit', 'symbol']);
export type PasswordRule = z.infer<typeof PasswordRule>;

const RULES: readonly [PasswordRule, (password: string) => boolean][] = [
	['min_length', (p) => [...p].length >= PASSWORD_MIN_LENGTH],
	['max_length', (p) => [...p].length <= PASSWORD_MAX_LENGTH],
	['uppercase', (p) => /\p{Lu}/u.test(p)],
	['lowercase', (p) => /\p{Ll}/u.test(p)],
	['digit', (p) => /\p{Nd}/u.test(p)],
	['symbol', (p) => /[^\p{L}\p{N}\s]/u.test(p)],
];

export type PasswordPolicyError = DomainError<'PASSWORD.TOO_WEAK'> & {
	readonly details: { readonly failed: readonly PasswordRule[] };
};

/**
 * The staff password policy: 8 or more characters with upper- and lower-case letters, digits and symbols.
 * A rejection lists every rule that failed so the form can show them all at once.
 */
export function checkPasswordPolicy(password: string): Result<void, PasswordPolicyError> {
	const failed = RULES.filter(([, passes]) => !passes(password)).map(([rule]) => rule);
	if (failed.length === 0) return ok(undefined);
	const { error } = err('PASSWORD.TOO_WEAK', `The password does not meet: ${failed.join(', ')}.`);
	return { ok: false, error: { ...error, details: { failed } } };
}

// Letters and digits that cannot be mistaken for each other when read out or copied from paper.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** Returns `length` bytes from a cryptographically secure source (the api passes `crypto.getRandomValues`). */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * An initial password for a new staff account, to be changed at first login. It always meets the policy:
 * one character from each class, the rest from all of them, then shuffled.
 */
export function generateInitialPassword(randomBytes: RandomBytes, length = 14): string {
	if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
		throw new RangeError(`length must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH}`);
	}
	const next = unbiasedIndex(randomBytes);
	const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => pick(set, next));
	while (chars.length < length) chars.push(pick(ALL, next));
	for (let i = chars.length - 1; i > 0; i--) {
		const j = next(i + 1);
		[chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
	}
	return chars.join('');
}

const pick = (set: string, next: (bound: number) => number): string => set[next(set.length)] as string;

/** Uniform indices below `bound` (≤ 256) from random bytes, by rejection so that no character is favoured. */
function unbiasedIndex(randomBytes: RandomBytes): (bound: number) => number {
	return (bound) => {
		const limit = 256 - (256 % bound);
		// A fair source passes on the first round almost always; 64 failed rounds mean a broken one.
		for (let round = 0; round < 64; round++) {
			for (const byte of randomBytes(16)) {
				if (byte < limit) return byte % bound;
			}
		}
		throw new Error('the random source keeps returning the same bytes');
	};
}
