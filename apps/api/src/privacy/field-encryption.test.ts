import { describe, expect, it } from 'vitest';
import {
	FieldDecryptionError,
	decryptField,
	encryptField,
	generateEncryptionKey,
	parseEncryptionKey,
} from './field-encryption';
import { protectIdNumber, protectPhone } from './sensitive-field';

const key = generateEncryptionKey();

describe('encryptField / decryptField', () => {
	it.each(['13812345678', '110101199003071234', '+852 9123 4567', '', '张三 ☎'])(
		'round-trips %j',
		(plain) => {
			expect(decryptField(encryptField(plain, key), key)).toBe(plain);
		},
	);

	it('writes v1:<iv>:<tag>:<ciphertext> in base64url with a 96-bit IV and a 128-bit tag', () => {
		const sealed = encryptField('13812345678', key);
		const [version, iv, tag, ciphertext] = sealed.split(':');
		expect(version).toBe('v1');
		expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
		expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
		expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(sealed).not.toContain('13812345678');
	});

	it('uses a fresh IV every time, so equal values do not look equal', () => {
		expect(encryptField('13812345678', key)).not.toBe(encryptField('13812345678', key));
	});

	it('detects a tampered ciphertext, tag or IV', () => {
		const [version, iv, tag, ciphertext] = encryptField('13812345678', key).split(':') as [
			string,
			string,
			string,
			string,
		];
		const flip = (text: string) => {
			const bytes = Buffer.from(text, 'base64url');
			bytes[0] = (bytes[0] ?? 0) ^ 1;
			return bytes.toString('base64url');
		};
		for (const altered of [
			[version, iv, tag, flip(ciphertext)],
			[version, iv, flip(tag), ciphertext],
			[version, flip(iv), tag, ciphertext],
		]) {
			expect(() => decryptField(altered.join(':'), key)).toThrow(FieldDecryptionError);
		}
	});

	it('refuses another key, another context, and a value that is not v1', () => {
		const sealed = encryptField('13812345678', key, 'resident:r1:phone');
		expect(decryptField(sealed, key, 'resident:r1:phone')).toBe('13812345678');
		expect(() => decryptField(sealed, generateEncryptionKey(), 'resident:r1:phone')).toThrow(
			FieldDecryptionError,
		);
		expect(() => decryptField(sealed, key, 'resident:r2:phone')).toThrow(FieldDecryptionError);
		expect(() => decryptField(sealed.replace(/^v1/, 'v2'), key)).toThrow(FieldDecryptionError);
		expect(() => decryptField('13812345678', key)).toThrow(FieldDecryptionError);
	});
});

describe('parseEncryptionKey', () => {
	it('reads 32 bytes of base64 and refuses any other length', () => {
		const raw = Buffer.alloc(32, 7);
		expect(parseEncryptionKey(raw.toString('base64')).equals(raw)).toBe(true);
		expect(parseEncryptionKey(raw.toString('base64url')).equals(raw)).toBe(true);
		expect(() => parseEncryptionKey(Buffer.alloc(16).toString('base64'))).toThrow(RangeError);
		expect(() => parseEncryptionKey('not base64!')).toThrow(RangeError);
	});
});

describe('protectPhone / protectIdNumber', () => {
	it('stores an encrypted copy and shows a masked one', () => {
		const phone = protectPhone('13812345678', key);
		expect(phone.masked).toBe('138****5678');
		expect(decryptField(phone.encrypted, key)).toBe('13812345678');
		const id = protectIdNumber('11010119900307123x', key);
		expect(id.masked).toBe('110***********123X');
		expect(decryptField(id.encrypted, key)).toBe('11010119900307123X');
	});
});
