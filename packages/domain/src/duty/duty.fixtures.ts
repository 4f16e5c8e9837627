// A roster for the duty tests: the engineering department of an estate in Shanghai, with the 2026 National Day.
import { StaffId } from '../shared/ids';
import { WorkingCalendar } from '../sla/working-calendar';
import type { DutyShift } from './duty-shift';
import { DutyShift as DutyShiftSchema } from './duty-shift';

const nineToSix = [{ start: '09:00', end: '18:00' }];

/** Monday–Friday 09:00–18:00; 1–7 October 2026 off, Sunday 20 September and Saturday 10 October worked. */
export const calendar = WorkingCalendar.parse({
	timeZone: 'Asia/Shanghai',
	week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] },
	holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
	adjustedWorkingDays: [
		{ date: '2026-09-20', hours: nineToSix },
		{ date: '2026-10-10', hours: nineToSix },
	],
});

/** A Shanghai wall-clock time: `shanghai('2026-03-06', '23:00')`. */
export const shanghai = (date: string, hhmm: string): Date => new Date(`${date}T${hhmm}:00+08:00`);

export const HEAD = StaffId.parse('st-head-wang');
export const DAY_LEAD = StaffId.parse('st-lead-li');
export const NIGHT_LEAD = StaffId.parse('st-lead-zhao');
export const TECH = StaffId.parse('st-tech-chen');
export const MANAGER = StaffId.parse('st-manager-sun');

const shift = (input: Omit<DutyShift, 'validFrom' | 'validUntil'> & Partial<DutyShift>): DutyShift =>
	DutyShiftSchema.parse(input);

/**
 * 工程部: the head keeps office hours on working days, a day lead Monday to Friday 08:00–20:00, a night lead every
 * night 20:00–08:00 (so weekend days have no lead), a technician on working days 09:00–18:00.
 */
export const ENGINEERING: readonly DutyShift[] = [
	shift({
		id: 'head',
		staffId: HEAD,
		department: 'engineering',
		role: 'head',
		start: '08:30',
		end: '17:30',
		repeat: { kind: 'working_days' },
	}),
	shift({
		id: 'day-lead',
		staffId: DAY_LEAD,
		department: 'engineering',
		role: 'lead',
		start: '08:00',
		end: '20:00',
		repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
	}),
	shift({
		id: 'night-lead',
		staffId: NIGHT_LEAD,
		department: 'engineering',
		role: 'lead',
		start: '20:00',
		end: '08:00',
		repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
	}),
	shift({
		id: 'tech',
		staffId: TECH,
		department: 'engineering',
		role: 'member',
		start: '09:00',
		end: '18:00',
		repeat: { kind: 'working_days' },
	}),
];
