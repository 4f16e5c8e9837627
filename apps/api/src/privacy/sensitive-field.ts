import { maskIdNumber, maskPhone } from '@estate-ops/domain/estate';
import { type EncryptionKey, encryptField } from './field-encryption';

/** How a sensitive value is stored: encrypted for the audited unmasked read, masked for everyday display. */
export type ProtectedField = { readonly encrypted: string; readonly masked: string };

/** A resident's phone number, ready for `phone_encrypted` / `phone_masked`. */
export function protectPhone(phone: string, key: EncryptionKey, context?: string): ProtectedField {
	return { encrypted: encryptField(phone, key, context), masked: maskPhone(phone) };
}

/** A resident's ID number, ready for `id_number_encrypted` / `id_number_masked`. */
export function protectIdNumber(idNumber: string, key: EncryptionKey, context?: string): ProtectedField {
	const normalised = idNumber.trim().toUpperCase();
	return { encrypted: encryptField(normalised, key, context), masked: maskIdNumber(normalised) };
}
