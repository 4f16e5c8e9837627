import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EncryptionKey, generateEncryptionKey, parseEncryptionKey } from './field-encryption';

export const ENCRYPTION_KEY_FILE = 'encryption.key';

/**
 * The key for residents' sensitive fields. `ENCRYPTION_KEY` (base64, 32 bytes) wins when set; otherwise a
 * key generated once into `<dataDir>/encryption.key` (mode 0600) so that `npm start` works on a fresh clone
 * and keeps decrypting across restarts. Losing that file loses the encrypted fields: production sets the
 * variable (or backs the data directory up whole).
 */
export function loadOrCreateEncryptionKey(dataDir: string, fromEnv?: string): EncryptionKey {
	if (fromEnv !== undefined && fromEnv.trim() !== '') return parseEncryptionKey(fromEnv);
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, ENCRYPTION_KEY_FILE);
	const key = generateEncryptionKey();
	try {
		// `wx`: never overwrite a key another process (or an earlier start) wrote.
		writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
		return key;
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
	}
	// A key file readable by others is tightened rather than trusted as it is.
	if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
	return parseEncryptionKey(readFileSync(path, 'utf8'));
}
