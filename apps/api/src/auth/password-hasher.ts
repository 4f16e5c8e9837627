import { type Options, hash, verify } from '@node-rs/argon2';
import { generateToken } from './secret-token';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). `@node-rs/argon2` defaults to the
 * argon2id variant; the PHC string it returns records the parameters, so raising them later still verifies
 * older hashes.
 */
export const ARGON2_OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export type PasswordHasher = {
	hash(password: string): Promise<string>;
	verify(passwordHash: string, password: string): Promise<boolean>;
	/**
	 * Spends the time of one verification against a throwaway hash, so that an unknown username answers in
	 * the same time as a wrong password (no user enumeration by timing).
	 */
	burn(password: string): Promise<void>;
};

export function createPasswordHasher(options: Options = ARGON2_OPTIONS): PasswordHasher {
	let dummy: Promise<string> | undefined;
	const verifySafely = async (passwordHash: string, password: string): Promise<boolean> => {
		try {
			return await verify(passwordHash, password, options);
		} catch {
			// A malformed stored hash (e.g. an account imported without a password) never verifies.
			return false;
		}
	};
	return {
		hash: (password) => hash(password, options),
		verify: verifySafely,
		burn: async (password) => {
			dummy ??= hash(generateToken(), options);
			await verifySafely(await dummy, password);
		},
	};
}
