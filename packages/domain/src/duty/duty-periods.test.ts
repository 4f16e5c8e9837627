import { describe, expect, it } from 'vitest';
import { StaffId } from '../shared/ids';
import { calendar, ENGINEERING, shanghai } from './duty.fixtures';
import { DUTY_SEARCH_DAYS, dutyPeriodsBetween, nextDutyStart, shiftsOnDutyAt } from './duty-periods';
import type { DutyShift } from './duty-shift';

const byId = (id: string): DutyShift[] => ENGINEERING.filter((shift) => shift.id === id);
const onDuty = (at: Date) => shiftsOnDutyAt(ENGINEERING, calendar, at).map((shift) => shift.id);

describe('shiftsOnDutyAt', () => {
	it.each([
		['Tuesday 14:00', shanghai('2026-03-03', '14:00'), ['head', 'day-lead', 'tech']],
		['Tuesday 19:00', shanghai('2026-03-03', '19:00'), ['day-lead']],
		['Friday 23:00', shanghai('2026-03-06', '23:00'), ['night-lead']],
		// Friday's night shift runs into Saturday morning.
		['Saturday 03:00', shanghai('2026-03-07', '03:00'), ['night-lead']],
		['Saturday 12:00', shanghai('2026-03-07', '12:00'), []],
		['National Day 10:00', shanghai('2026-10-01', '10:00'), ['day-lead']],
		['the 调休 Saturday 10:00', shanghai('2026-10-10', '10:00'), ['head', 'tech']],
	])('has on duty on %s: %j', (_, at, ids) => {
		expect(onDuty(at).sort()).toEqual([...ids].sort());
	});

	it('counts a shift from its start, inclusive, to its end, exclusive', () => {
		expect(onDuty(shanghai('2026-03-03', '08:30'))).toContain('head');
		expect(onDuty(shanghai('2026-03-03', '17:30'))).not.toContain('head');
	});

	it('runs a dated shift on its date only, and a bounded one inside its bounds only', () => {
		const cover: DutyShift = {
			id: 'cover',
			staffId: StaffId.parse('st-cover'),
			department: 'engineering',
			role: 'lead',
			start: '08:00',
			end: '20:00',
			repeat: { kind: 'dated', date: '2026-03-07' },
			validFrom: null,
			validUntil: null,
		};
		const summer: DutyShift = {
			...cover,
			id: 'summer',
			repeat: { kind: 'weekly', weekdays: ['sat'] },
			validFrom: '2026-06-01',
			validUntil: '2026-08-31',
		};
		expect(shiftsOnDutyAt([cover], calendar, shanghai('2026-03-07', '12:00'))).toHaveLength(1);
		expect(shiftsOnDutyAt([cover], calendar, shanghai('2026-03-14', '12:00'))).toHaveLength(0);
		expect(shiftsOnDutyAt([summer], calendar, shanghai('2026-05-30', '12:00'))).toHaveLength(0);
		expect(shiftsOnDutyAt([summer], calendar, shanghai('2026-06-06', '12:00'))).toHaveLength(1);
		expect(shiftsOnDutyAt([summer], calendar, shanghai('2026-09-05', '12:00'))).toHaveLength(0);
	});
});

describe('dutyPeriodsBetween', () => {
	it('lists the turns of a weekend in order, the night shift begun on Friday included', () => {
		const periods = dutyPeriodsBetween(
			ENGINEERING,
			calendar,
			shanghai('2026-03-07', '00:00'),
			shanghai('2026-03-09', '00:00'),
		);
		expect(periods.map((p) => [p.shift.id, p.start.toISOString(), p.end.toISOString()])).toEqual([
			[
				'night-lead',
				shanghai('2026-03-06', '20:00').toISOString(),
				shanghai('2026-03-07', '08:00').toISOString(),
			],
			[
				'night-lead',
				shanghai('2026-03-07', '20:00').toISOString(),
				shanghai('2026-03-08', '08:00').toISOString(),
			],
			[
				'night-lead',
				shanghai('2026-03-08', '20:00').toISOString(),
				shanghai('2026-03-09', '08:00').toISOString(),
			],
		]);
	});

	it('makes a 00:00–24:00 shift last the whole day', () => {
		const allDay: DutyShift = { ...byId('head')[0]!, start: '00:00', end: '24:00' };
		const [period] = dutyPeriodsBetween(
			[allDay],
			calendar,
			shanghai('2026-03-03', '12:00'),
			shanghai('2026-03-03', '12:01'),
		);
		expect(period?.start).toEqual(shanghai('2026-03-03', '00:00'));
		expect(period?.end).toEqual(shanghai('2026-03-04', '00:00'));
	});
});

describe('nextDutyStart', () => {
	it('is now while on duty', () => {
		const at = shanghai('2026-03-03', '10:00');
		expect(nextDutyStart(byId('head'), calendar, at)).toEqual(at);
	});

	it.each([
		['Friday 23:00 to Monday 08:30', shanghai('2026-03-06', '23:00'), shanghai('2026-03-09', '08:30')],
		[
			'the eve of National Day to 8 October',
			shanghai('2026-09-30', '23:00'),
			shanghai('2026-10-08', '08:30'),
		],
		[
			'Friday 9 October to the 调休 Saturday',
			shanghai('2026-10-09', '23:00'),
			shanghai('2026-10-10', '08:30'),
		],
	])('takes the head from %s', (_, at, next) => {
		expect(nextDutyStart(byId('head'), calendar, at)).toEqual(next);
	});

	it('gives up beyond the search window', () => {
		const far: DutyShift = {
			...byId('head')[0]!,
			repeat: { kind: 'dated', date: '2026-12-31' },
		};
		expect(DUTY_SEARCH_DAYS).toBeLessThan(200);
		expect(nextDutyStart([far], calendar, shanghai('2026-03-06', '23:00'))).toBeNull();
		expect(nextDutyStart([far], calendar, shanghai('2026-12-01', '23:00'))).toEqual(
			shanghai('2026-12-31', '08:30'),
		);
		expect(nextDutyStart([], calendar, shanghai('2026-12-01', '23:00'))).toBeNull();
	});
});
