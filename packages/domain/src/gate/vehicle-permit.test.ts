import { describe, expect, it } from 'vitest';
import type { EstateId, HouseholdId, VehiclePermitId } from '../shared/ids';
import { permitLettingIn, permitState } from './vehicle-permit';
import type { VehiclePermit } from './vehicle-permit';

const permit: VehiclePermit = {
	id: 'permit-1' as VehiclePermitId,
	estateId: 'estate-1' as EstateId,
	householdId: 'household-1' as HouseholdId,
	plate: '粤BD12345',
	spaceCode: 'B2-017',
	validFrom: '2026-01-01',
	validUntil: '2026-12-31',
	revoked: false,
};

describe('permitState', () => {
	it.each([
		['2025-12-31', 'not_yet_valid'],
		['2026-01-01', 'valid'],
		['2026-12-01', 'valid'],
		['2026-12-02', 'expiring'],
		['2026-12-31', 'expiring'],
		['2027-01-01', 'expired'],
	] as const)('on %s is %s', (today, state) => {
		expect(permitState(permit, today)).toBe(state);
	});

	it('is revoked whatever the day once revoked', () => {
		expect(permitState({ ...permit, revoked: true }, '2026-06-01')).toBe('revoked');
	});
});

describe('permitLettingIn', () => {
	it('finds the valid permit of the plate and nothing for another plate or an expired permit', () => {
		const expired = { ...permit, id: 'permit-0' as VehiclePermitId, validUntil: '2025-12-31' };
		expect(permitLettingIn([expired, permit], '粤BD12345', '2026-06-01')).toBe(permit);
		expect(permitLettingIn([expired, permit], '粤B12345', '2026-06-01')).toBeNull();
		expect(permitLettingIn([expired], '粤BD12345', '2026-06-01')).toBeNull();
	});
});
