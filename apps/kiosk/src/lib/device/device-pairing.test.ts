import { describe, expect, it } from 'vitest';
import {
	DEVICE_STORAGE_KEY,
	fragmentWithoutPairing,
	pairDevice,
	pairingTokenOf,
	storedDeviceToken,
} from './device-pairing';

const token = 'abcdefghijklmnopqrstuvwxyz234567';

function memoryStorage(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	return {
		values,
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
	};
}

describe('pairingTokenOf', () => {
	it.each([
		[`#pair=${token}`, token],
		[`pair=${token}`, token],
		[`#x=1&pair=${token}`, token],
		['#pair=short', null],
		['#pair=<script>alert(1)</script>', null],
		['', null],
		['#other=1', null],
	])('reads %j as %j', (hash, expected) => {
		expect(pairingTokenOf(hash)).toBe(expected);
	});
});

describe('fragmentWithoutPairing', () => {
	it.each([
		[`#pair=${token}`, ''],
		[`#x=1&pair=${token}`, '#x=1'],
		['#x=1', '#x=1'],
	])('takes the token out of %j', (hash, expected) => {
		expect(fragmentWithoutPairing(hash)).toBe(expected);
	});
});

describe('pairDevice', () => {
	it('stores the token of a pairing link', () => {
		const storage = memoryStorage();
		expect(pairDevice({ hash: `#pair=${token}`, storage })).toBe(token);
		expect(storage.values.get(DEVICE_STORAGE_KEY)).toBe(token);
		expect(storedDeviceToken(storage)).toBe(token);
	});

	it('replaces an older token when paired again', () => {
		const storage = memoryStorage({ [DEVICE_STORAGE_KEY]: 'olderolderolderolder' });
		pairDevice({ hash: `#pair=${token}`, storage });
		expect(storage.values.get(DEVICE_STORAGE_KEY)).toBe(token);
	});

	it('uses the stored token when the address carries none', () => {
		const storage = memoryStorage({ [DEVICE_STORAGE_KEY]: token });
		expect(pairDevice({ hash: '', storage })).toBe(token);
	});

	it('is unpaired without a link or a stored token', () => {
		expect(pairDevice({ hash: '', storage: memoryStorage() })).toBeNull();
	});

	it('ignores a stored value that is not a token', () => {
		const storage = memoryStorage({ [DEVICE_STORAGE_KEY]: 'nope' });
		expect(pairDevice({ hash: '', storage })).toBeNull();
		expect(storedDeviceToken(storage)).toBeNull();
	});
});
