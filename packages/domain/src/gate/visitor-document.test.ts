import { describe, expect, it } from 'vitest';
import { parseVisitorDocument } from './visitor-document';

const today = '2026-11-23';

describe('parseVisitorDocument', () => {
	it('accepts a mainland ID with the right check digit and normalises it', () => {
		// 11010519491231002X is the GB 11643 worked example.
		expect(parseVisitorDocument('mainland_id', '110105 19491231 002x', today)).toEqual({
			ok: true,
			value: '11010519491231002X',
		});
	});

	it.each([
		['1101051949123100', 'format'],
		['11010519491231002Y', 'format'],
		['110105194902300021', 'birth_date'], // 30 February
		['110105203001010021', 'birth_date'], // born after today
		['110105194912310021', 'checksum'],
	] as const)('refuses the mainland ID %s (%s)', (typed, reason) => {
		const parsed = parseVisitorDocument('mainland_id', typed, today);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.error).toMatchObject({ code: 'GATE.ID_NUMBER_INVALID', path: ['idNumber'] });
			expect(parsed.error.details.reason).toBe(reason);
		}
	});

	it('checks other documents only for their shape', () => {
		expect(parseVisitorDocument('hk_macau_permit', 'h1234 5678', today)).toEqual({
			ok: true,
			value: 'H12345678',
		});
		expect(parseVisitorDocument('passport', 'E12', today).ok).toBe(false);
		expect(parseVisitorDocument('passport', 'E1234567!', today).ok).toBe(false);
	});
});
