import { isValidMainlandIdNumber, maskPhone, PhoneNumber } from '@estate-ops/domain/estate';
import { describe, expect, it } from 'vitest';
import { chineseName, idCheckCharacter, mainlandIdNumber, mobileNumber } from './people';
import { createDice, mulberry32 } from './random';

describe('generated people', () => {
	const dice = createDice(mulberry32(7));

	it('computes the GB 11643 check character', () => {
		expect(idCheckCharacter('11010519491231002')).toBe('X');
		expect(idCheckCharacter('44052418800101001')).toBe('4');
	});

	it('makes ID numbers that pass the check, with the birth date and the sex digit asked for', () => {
		for (let i = 0; i < 500; i++) {
			const sex = i % 2 === 0 ? 'male' : 'female';
			const idNumber = mainlandIdNumber(dice, 1960 + (i % 50), sex);
			expect(isValidMainlandIdNumber(idNumber)).toBe(true);
			expect(idNumber.slice(6, 10)).toBe(String(1960 + (i % 50)));
			expect(Number(idNumber[16]) % 2).toBe(sex === 'male' ? 1 : 0);
		}
	});

	it('makes distinct mainland mobile numbers', () => {
		const taken = new Set<string>();
		const numbers = Array.from({ length: 300 }, () => mobileNumber(dice, taken));
		expect(new Set(numbers).size).toBe(300);
		for (const number of numbers) {
			expect(number).toMatch(/^1[3-9]\d{9}$/);
			expect(PhoneNumber.safeParse(number).success).toBe(true);
			expect(maskPhone(number)).toMatch(/^1\d\d\*{4}\d{4}$/);
		}
	});

	it('makes names of two to four Chinese characters', () => {
		for (let i = 0; i < 200; i++)
			expect(chineseName(dice, i % 2 === 0 ? 'male' : 'female')).toMatch(/^\p{Script=Han}{2,4}$/u);
	});
});
