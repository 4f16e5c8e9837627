import { describe, expect, it } from 'vitest';
import { isService, services } from './services';

describe('services', () => {
	it('offers repair, complaint, suggestion, booking and follow-up, in that order', () => {
		expect(services).toEqual(['repair', 'complaint', 'suggestion', 'booking', 'follow-up']);
	});

	it.each([
		['repair', true],
		['follow-up', true],
		['Repair', false],
		['payments', false],
		['', false],
	])('isService(%j) is %s', (value, expected) => {
		expect(isService(value)).toBe(expected);
	});
});
