import { describe, expect, it } from 'vitest';
import { isValidMainlandIdNumber, maskIdNumber } from './id-number';
import { maskPhone, PhoneNumber, phoneLast4Matches } from './phone-number';

describe('maskPhone', () => {
	it.each([
		['13812345678', '138****5678'],
		['138 1234 5678', '138****5678'],
		['+86 138-1234-5678', '138****5678'],
		['8613812345678', '138****5678'],
		['021-6123-4567', '021****4567'],
		['+85291234567', '852****4567'],
		['123456', '**3456'],
		['110', '***'],
	])('masks %s as %s', (phone, masked) => {
		expect(maskPhone(phone)).toBe(masked);
	});
});

describe('phoneLast4Matches', () => {
	it.each([
		['13812345678', '5678', true],
		['138 1234 5678', '5678', true],
		['13812345678', '1234', false],
		['13812345678', '678', false],
		['13812345678', '05678', false],
		['13812345678', '５６７８', false],
		['13812345678', 'abcd', false],
		['123', '0123', false],
	])('%s with the code %s matches: %s', (phone, digits, matches) => {
		expect(phoneLast4Matches(phone, digits)).toBe(matches);
	});
});

describe('PhoneNumber', () => {
	it.each([
		['13812345678', true],
		['+86 138 1234 5678', true],
		['021-61234567', true],
		['call me', false],
		['12', false],
	])('%s is a phone number: %s', (phone, valid) => {
		expect(PhoneNumber.safeParse(phone).success).toBe(valid);
	});
});

describe('maskIdNumber', () => {
	it.each([
		['110101199003071234', '110***********1234'],
		['11010119900307123x', '110***********123X'],
		['E12345678', 'E1*****78'],
		['A12345', '******'],
	])('masks %s as %s', (idNumber, masked) => {
		expect(maskIdNumber(idNumber)).toBe(masked);
	});

	it('keeps the length of a mainland ID so the field does not jump', () => {
		expect(maskIdNumber('110101199003071234')).toHaveLength(18);
	});
});

describe('isValidMainlandIdNumber', () => {
	it.each([
		['11010519491231002X', true],
		['11010519491231002x', true],
		['440524188001010014', true],
		['110105194912310021', false],
		['11010519491231002', false],
		['1101051949123100AX', false],
	])('%s is valid: %s', (idNumber, valid) => {
		expect(isValidMainlandIdNumber(idNumber)).toBe(valid);
	});
});
