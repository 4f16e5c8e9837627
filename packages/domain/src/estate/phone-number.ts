import { z } from 'zod';

/** A phone number as typed: digits with an optional leading `+` and spaces or hyphens between groups. */
export const PhoneNumber = z
	.string()
	.trim()
	.regex(/^\+?\d[\d -]{4,22}\d$/, 'expected a phone number');
export type PhoneNumber = z.infer<typeof PhoneNumber>;

/**
 * A phone number as `maskPhone` shows it (`138****5678`): what work orders, their history and their events
 * carry, so that the clear number lives only encrypted, read by the audited contact route.
 */
export const MaskedPhoneNumber = z.string().regex(/^\d{0,3}\*+\d{0,4}$/, 'expected a masked phone number');
export type MaskedPhoneNumber = z.infer<typeof MaskedPhoneNumber>;

export const isMaskedPhone = (phone: string): boolean => phone.includes('*');

const digitsOf = (phone: string): string => phone.replace(/\D/g, '');

// A mainland mobile number, with or without the +86 country code.
const MAINLAND_MOBILE = /^(?:86)?(1\d{10})$/;

/**
 * A phone number as staff and kiosks may show it: `13812345678` → `138****5678`. Mainland mobiles lose
 * their country code; other numbers keep their first three and last four digits, and short ones only the
 * last four.
 */
export function maskPhone(phone: string): string {
	const digits = digitsOf(phone);
	const national = MAINLAND_MOBILE.exec(digits)?.[1] ?? digits;
	if (national.length >= 8) {
		return `${national.slice(0, 3)}${'*'.repeat(national.length - 7)}${national.slice(-4)}`;
	}
	if (national.length > 4) return `${'*'.repeat(national.length - 4)}${national.slice(-4)}`;
	return '*'.repeat(national.length);
}

/**
 * Whether `digits` are the last four digits of `phone`: how a resident identifies the household at the
 * kiosk. Anything but exactly four digits never matches.
 */
export function phoneLast4Matches(phone: string, digits: string): boolean {
	if (!/^\d{4}$/.test(digits)) return false;
	const phoneDigits = digitsOf(phone);
	return phoneDigits.length >= 4 && phoneDigits.slice(-4) === digits;
}
