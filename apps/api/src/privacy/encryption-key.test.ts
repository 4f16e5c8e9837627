import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENCRYPTION_KEY_FILE, loadOrCreateEncryptionKey } from './encryption-key';
import { decryptField, encryptField } from './field-encryption';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'estate-ops-key-')), 'data');

describe('loadOrCreateEncryptionKey', () => {
	it('creates a 32-byte key file with mode 0600 in the data directory on first use', () => {
		const dir = freshDir();
		const key = loadOrCreateEncryptionKey(dir);
		const path = join(dir, ENCRYPTION_KEY_FILE);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(key)).toBe(true);
		expect(key).toHaveLength(32);
	});

	it('reads the same key on the next start, so earlier values still decrypt', () => {
		const dir = freshDir();
		const sealed = encryptField('13812345678', loadOrCreateEncryptionKey(dir));
		expect(decryptField(sealed, loadOrCreateEncryptionKey(dir))).toBe('13812345678');
	});

	it('prefers ENCRYPTION_KEY and then writes no file', () => {
		const dir = freshDir();
		const fromEnv = Buffer.alloc(32, 9).toString('base64');
		expect(loadOrCreateEncryptionKey(dir, fromEnv).equals(Buffer.alloc(32, 9))).toBe(true);
		expect(() => statSync(join(dir, ENCRYPTION_KEY_FILE))).toThrow();
	});

	it('tightens a key file that others could read', () => {
		const dir = freshDir();
		loadOrCreateEncryptionKey(dir);
		const path = join(dir, ENCRYPTION_KEY_FILE);
		writeFileSync(path, `${Buffer.alloc(32, 1).toString('base64')}\n`, { mode: 0o644 });
		chmodSync(path, 0o644);
		expect(loadOrCreateEncryptionKey(dir).equals(Buffer.alloc(32, 1))).toBe(true);
		expect(statSync(path).mode & 0o777).toBe(0o600);
	});

	it('refuses an ENCRYPTION_KEY of the wrong length', () => {
		expect(() => loadOrCreateEncryptionKey(freshDir(), Buffer.alloc(31).toString('base64'))).toThrow(
			RangeError,
		);
	});
});
