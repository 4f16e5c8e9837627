import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';

/** The one-character province abbreviations that begin a mainland plate (GA 36-2018). */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** What a plate is, which decides what the gate may do with it (a police or coach car is logged as such). */
export type PlateKind = 'ordinary' | 'new_energy_small' | 'new_energy_large' | 'special';

export type VehiclePlate = { readonly plate: string; readonly kind: PlateKind };

export type PlateError = DomainError<'GATE.PLATE_INVALID'> & {
	readonly details: { readonly reason: 'empty' | 'province' | 'authority' | 'length' | 'format' };
};

// Plates never use I or O (they read as 1 and 0).
const LETTER = 'A-HJ-NP-Z';
const SERIAL = `[${LETTER}0-9]`;
const ORDINARY = new RegExp(`^${SERIAL}{5}$`);
// Small new-energy cars: D (battery) or F (hybrid) first, then a letter or digit and four digits.
const NEW_ENERGY_SMALL = new RegExp(`^[DF][${LETTER}0-9]\\d{4}$`);
// Large new-energy vehicles (buses, lorries): five digits, then D or F.
const NEW_ENERGY_LARGE = /^\d{5}[DF]$/;
// Coach (学), police (警), trailer (挂) and Hong Kong / Macau crossing plates (港, 澳) end in a character.
const SPECIAL = new RegExp(`^${SERIAL}{4}[学警挂港澳]$`);

/**
 * A licence plate as the guard typed it, checked against the mainland formats and written the one way the
 * gate log stores it: upper case, without spaces, dots or hyphens (`粤b·d1234 5` → `粤BD12345`).
 */
export function parseVehiclePlate(typed: string): Result<VehiclePlate, PlateError> {
	const plate = typed.toUpperCase().replace(/[\s·.\-•]/g, '');
	const fail = (reason: PlateError['details']['reason'], message: string) =>
		err('GATE.PLATE_INVALID', message, { path: ['plate'], details: { reason } }) as {
			ok: false;
			error: PlateError;
		};
	if (plate === '') return fail('empty', 'a plate is required');
	const [province, authority, ...rest] = [...plate];
	if (province === undefined || !PLATE_PROVINCES.includes(province)) {
		return fail('province', 'a mainland plate begins with a province character such as 粤 or 京');
	}
	if (authority === undefined || !new RegExp(`^[${LETTER}]$`).test(authority)) {
		return fail('authority', 'the second character is the issuing office letter (A–Z without I and O)');
	}
	const serial = rest.join('');
	if (serial.length !== 5 && serial.length !== 6) {
		return fail('length', 'a plate has 7 characters, or 8 for a new-energy vehicle');
	}
	const kind = plateKindOf(serial);
	if (kind === null) return fail('format', 'these characters do not form a mainland plate');
	return ok({ plate, kind });
}

function plateKindOf(serial: string): PlateKind | null {
	if (serial.length === 6) {
		if (NEW_ENERGY_SMALL.test(serial)) return 'new_energy_small';
		if (NEW_ENERGY_LARGE.test(serial)) return 'new_energy_large';
		return null;
	}
	if (ORDINARY.test(serial)) return 'ordinary';
	if (SPECIAL.test(serial)) return 'special';
	return null;
}
