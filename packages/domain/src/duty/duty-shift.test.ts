import { describe, expect, it } from 'vitest';
import { DutyShiftInput } from './duty-shift';

const valid = {
	staffId: 'st-1',
	department: 'security',
	role: 'lead',
	start: '20:00',
	end: '08:00',
	repeat: { kind: 'weekly', weekdays: ['fri', 'sat'] },
};

describe('DutyShiftInput', () => {
	it('takes a night shift that ends the next morning, without validity bounds by default', () => {
		expect(DutyShiftInput.parse(valid)).toEqual({ ...valid, validFrom: null, validUntil: null });
	});

	it.each([
		['a whole day', { start: '00:00', end: '24:00' }],
		['every working day', { repeat: { kind: 'working_days' } }],
		['one date', { repeat: { kind: 'dated', date: '2026-10-01' } }],
		['a season', { validFrom: '2026-06-01', validUntil: '2026-08-31' }],
	])('takes %s', (_, change) => {
		expect(DutyShiftInput.safeParse({ ...valid, ...change }).success).toBe(true);
	});

	it.each([
		['the same start and end', { end: '20:00' }, ['end']],
		['a start at 24:00', { start: '24:00', end: '08:00' }, ['start']],
		[
			'an end before the start of validity',
			{ validFrom: '2026-06-01', validUntil: '2026-05-31' },
			['validUntil'],
		],
		[
			'validity on a one-date shift',
			{ repeat: { kind: 'dated', date: '2026-10-01' }, validFrom: '2026-09-01' },
			['validFrom'],
		],
		['a weekday twice', { repeat: { kind: 'weekly', weekdays: ['fri', 'fri'] } }, ['repeat', 'weekdays']],
		['no weekday', { repeat: { kind: 'weekly', weekdays: [] } }, ['repeat', 'weekdays']],
		['an unknown role', { role: 'boss' }, ['role']],
		['an unknown department', { department: 'kitchen' }, ['department']],
		['a time that is not HH:MM', { start: '8:00' }, ['start']],
	])('refuses %s, naming the field', (_, change, path) => {
		const result = DutyShiftInput.safeParse({ ...valid, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(path);
	});
});
