import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, createPasswordHasher } from './password-hasher';

describe('the password hasher', () => {
	const hasher = createPasswordHasher();

	it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
		const stored = await hasher.hash('Harbour-Lights-42');
		expect(stored).toMatch(
			new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=1\\$`),
		);
		expect(await hasher.verify(stored, 'Harbour-Lights-42')).toBe(true);
		expect(await hasher.verify(stored, 'harbour-lights-42')).toBe(false);
	});

	it('never verifies against a malformed stored hash', async () => {
		expect(await hasher.verify('not-a-hash', 'anything')).toBe(false);
	});

	it('burns one verification without throwing, whatever the password', async () => {
		await expect(hasher.burn('Wrong-Password-1')).resolves.toBeUndefined();
		await expect(hasher.burn('')).resolves.toBeUndefined();
	});
});
