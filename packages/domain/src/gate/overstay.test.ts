import { describe, expect, it } from 'vitest';
import { overstayMinutes } from './overstay';

const stay = { inside: true, expectedUntil: new Date('2026-11-23T06:00:00.000Z') };

describe('overstayMinutes', () => {
	it('is null until the grace of 15 minutes has passed', () => {
		expect(overstayMinutes(stay, new Date('2026-11-23T05:59:00Z'))).toBeNull();
		expect(overstayMinutes(stay, new Date('2026-11-23T06:15:00Z'))).toBeNull();
	});

	it('counts whole minutes past the expected end once flagged', () => {
		expect(overstayMinutes(stay, new Date('2026-11-23T06:15:30Z'))).toBe(15);
		expect(overstayMinutes(stay, new Date('2026-11-23T08:00:59Z'))).toBe(120);
	});

	it('never flags someone who has left, and takes another grace when given', () => {
		expect(overstayMinutes({ ...stay, inside: false }, new Date('2026-11-24T00:00:00Z'))).toBeNull();
		expect(overstayMinutes(stay, new Date('2026-11-23T06:01:00Z'), 0)).toBe(1);
	});
});
