import { describe, expect, it } from 'vitest';
import { parseVehiclePlate } from './vehicle-plate';

describe('parseVehiclePlate', () => {
	it.each([
		['粤B12345', '粤B12345', 'ordinary'],
		['粤b·1234a', '粤B1234A', 'ordinary'],
		['京A D1234 5', '京AD12345', 'new_energy_small'],
		['沪AFA1234', '沪AFA1234', 'new_energy_small'],
		['苏E12345D', '苏E12345D', 'new_energy_large'],
		['粤Z1234港', '粤Z1234港', 'special'],
		['川A1234学', '川A1234学', 'special'],
	] as const)('accepts %s as %s (%s)', (typed, plate, kind) => {
		expect(parseVehiclePlate(typed)).toEqual({ ok: true, value: { plate, kind } });
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['AB12345', 'province'],
		['港B12345', 'province'],
		['粤112345', 'authority'],
		['粤I12345', 'authority'],
		['粤B1234', 'length'],
		['粤B1234567', 'length'],
		['粤B1234O', 'format'],
		['粤BA12345', 'format'],
		['粤B1234DD', 'format'],
		['沪AF1A234', 'format'],
		['粤B123警5', 'format'],
	] as const)('refuses %j with the reason %s', (typed, reason) => {
		const parsed = parseVehiclePlate(typed);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.error.code).toBe('GATE.PLATE_INVALID');
			expect(parsed.error.details.reason).toBe(reason);
			expect(parsed.error.path).toEqual(['plate']);
		}
	});
});
