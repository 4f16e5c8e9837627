import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PasswordRule } from './password-policy';
import { checkPasswordPolicy, generateInitialPassword } from './password-policy';

describe('checkPasswordPolicy', () => {
	it.each<[string, string, PasswordRule[]]>([
		['a strong password', 'Estate#2026', []],
		['a Chinese-keyboard symbol', 'Wuye2026！', []],
		['too short', 'Ab1#', ['min_length']],
		['no upper case', 'estate#2026', ['uppercase']],
		['no lower case', 'ESTATE#2026', ['lowercase']],
		['no digit', 'Estate#Ops', ['digit']],
		['no symbol', 'Estate2026', ['symbol']],
		['empty', '', ['min_length', 'uppercase', 'lowercase', 'digit', 'symbol']],
		['far too long', `Aa1#${'x'.repeat(130)}`, ['max_length']],
	])('%s fails %j', (_name, password, failed) => {
		const result = checkPasswordPolicy(password);
		if (failed.length === 0) {
			expect(result.ok).toBe(true);
		} else {
			expect(result).toMatchObject({ ok: false, error: { code: 'PASSWORD.TOO_WEAK', details: { failed } } });
		}
	});
});

describe('generateInitialPassword', () => {
	it('always makes a password that meets the policy', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ minLength: 64, maxLength: 64 }),
				fc.integer({ min: 8, max: 32 }),
				(seed, length) => {
					let offset = 0;
					const randomBytes = (n: number) => {
						const bytes = Uint8Array.from(
							{ length: n },
							(_, i) => (seed[(offset + i) % seed.length] ?? 0) ^ (offset + i),
						);
						offset += n;
						return bytes;
					};
					const password = generateInitialPassword(randomBytes, length);
					expect(password).toHaveLength(length);
					expect(checkPasswordPolicy(password).ok).toBe(true);
				},
			),
		);
	});

	it('refuses a length outside the policy', () => {
		expect(() => generateInitialPassword(() => new Uint8Array(16), 6)).toThrow(RangeError);
	});

	it('gives up on a random source that never varies', () => {
		expect(() => generateInitialPassword((n) => new Uint8Array(n).fill(255))).toThrow(/random source/);
	});
});
