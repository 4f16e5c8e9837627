import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field-level encryption for residents' phone and ID numbers: AES-256-GCM with a random 96-bit IV per value
 * and its 128-bit authentication tag, written as `v1:<iv>:<tag>:<ciphertext>` (base64url). The version
 * prefix leaves room for another key or algorithm later without guessing at old values. An optional
 * `context` (e.g. `resident:<id>:phone`) is bound as associated data, so a value copied into another row or
 * field no longer decrypts.
 */
export type EncryptionKey = Buffer & { readonly __brand: 'EncryptionKey' };

export const ENCRYPTION_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

export class FieldDecryptionError extends Error {
	override readonly name = 'FieldDecryptionError';
}

/** Checks raw key material: exactly 32 bytes. */
export function encryptionKeyFrom(bytes: Uint8Array): EncryptionKey {
	if (bytes.length !== ENCRYPTION_KEY_BYTES) {
		throw new RangeError(`an encryption key is ${ENCRYPTION_KEY_BYTES} bytes, not ${bytes.length}`);
	}
	return Buffer.from(bytes) as EncryptionKey;
}

/** A key written as base64 (or base64url), as `ENCRYPTION_KEY` holds it. */
export function parseEncryptionKey(base64: string): EncryptionKey {
	const trimmed = base64.trim();
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new RangeError('an encryption key must be base64');
	// Node's base64 decoder reads the url-safe alphabet too.
	return encryptionKeyFrom(Buffer.from(trimmed, 'base64'));
}

export function generateEncryptionKey(): EncryptionKey {
	return encryptionKeyFrom(randomBytes(ENCRYPTION_KEY_BYTES));
}

export function encryptField(plaintext: string, key: EncryptionKey, context = ''): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	const tag = cipher.getAuthTag();
	return [
		VERSION,
		iv.toString('base64url'),
		tag.toString('base64url'),
		ciphertext.toString('base64url'),
	].join(':');
}

/** The plaintext of `sealed`; throws `FieldDecryptionError` when it was altered, or sealed with another key or context. */
export function decryptField(sealed: string, key: EncryptionKey, context = ''): string {
	const parts = sealed.split(':');
	if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldDecryptionError('not a v1 encrypted field');
	const [, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
	const iv = Buffer.from(ivText, 'base64url');
	const tag = Buffer.from(tagText, 'base64url');
	if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
		throw new FieldDecryptionError('malformed encrypted field');
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
		decipher.setAAD(Buffer.from(context, 'utf8'));
		decipher.setAuthTag(tag);
		return Buffer.concat([
			decipher.update(Buffer.from(ciphertextText, 'base64url')),
			decipher.final(),
		]).toString('utf8');
	} catch {
		throw new FieldDecryptionError('the encrypted field failed authentication (tampered, or another key)');
	}
}
