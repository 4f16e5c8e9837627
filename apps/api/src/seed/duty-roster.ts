import { DutyShiftInput, type DutyRole, type Weekday } from '@estate-ops/domain/duty';
import type { Department } from '@estate-ops/domain/estate';
import type { Executor } from '../db/database';
import { dutyShifts } from '../db/schema/index';
import { insertInBatches } from './batch';
import type { SeededStaff } from './staff';

type Repeat = DutyShiftInput['repeat'];

const EVERY_WORKING_DAY: Repeat = { kind: 'working_days' };
const weekly = (...weekdays: Weekday[]): Repeat => ({ kind: 'weekly', weekdays });
const MON_FRI = weekly('mon', 'tue', 'wed', 'thu', 'fri');
const WEEKEND = weekly('sat', 'sun');

/** One line of the demo roster, naming the staff member by username. */
type Line = readonly [
	username: string,
	department: Department,
	role: DutyRole,
	start: string,
	end: string,
	repeat: Repeat,
];

/**
 * 御景华庭's duty roster (值班表), as a property company runs one: department heads keep office hours on working
 * days (so they follow holidays and 调休); the engineering, security and customer-service desks have a lead on
 * duty round the clock or through the opening hours, rotating over the week; the trades and cleaners work their
 * day shifts. Demo logins hold the posts that make the escalations visible: `dispatch` heads engineering, `tech`
 * leads it at weekends and `tech2` on alternate nights, `control` heads security, `service` customer service.
 */
const ROSTER: readonly Line[] = [
	// 工程部 engineering
	['dispatch', 'engineering', 'head', '08:30', '17:30', EVERY_WORKING_DAY],
	['dispatch02', 'engineering', 'lead', '08:00', '20:00', MON_FRI],
	['tech', 'engineering', 'lead', '08:00', '20:00', WEEKEND],
	['tech2', 'engineering', 'lead', '20:00', '08:00', weekly('mon', 'wed', 'fri', 'sun')],
	['tech03', 'engineering', 'lead', '20:00', '08:00', weekly('tue', 'thu', 'sat')],
	['tech04', 'engineering', 'member', '09:00', '18:00', EVERY_WORKING_DAY],
	['tech05', 'engineering', 'member', '09:00', '18:00', EVERY_WORKING_DAY],
	['tech06', 'engineering', 'member', '09:00', '18:00', EVERY_WORKING_DAY],
	['tech07', 'engineering', 'member', '09:00', '18:00', EVERY_WORKING_DAY],
	['tech08', 'engineering', 'member', '09:00', '18:00', WEEKEND],
	// 秩序维护部 security: the monitoring room is on duty 24 h (SPEC.md)
	['control', 'security', 'head', '08:30', '17:30', EVERY_WORKING_DAY],
	['control2', 'security', 'lead', '08:00', '20:00', weekly('mon', 'tue', 'wed', 'thu')],
	['control03', 'security', 'lead', '08:00', '20:00', weekly('fri', 'sat', 'sun')],
	['guard03', 'security', 'lead', '20:00', '08:00', weekly('mon', 'tue', 'wed', 'thu')],
	['guard04', 'security', 'lead', '20:00', '08:00', weekly('fri', 'sat', 'sun')],
	['guard', 'security', 'member', '08:00', '20:00', MON_FRI],
	['guard2', 'security', 'member', '08:00', '20:00', WEEKEND],
	[
		'guard05',
		'security',
		'member',
		'20:00',
		'08:00',
		weekly('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'),
	],
	// 客服中心 customer service: the front desk is open 08:00–20:00 every day
	['service', 'customer_service', 'head', '08:30', '17:30', EVERY_WORKING_DAY],
	['service2', 'customer_service', 'lead', '08:00', '20:00', MON_FRI],
	['service03', 'customer_service', 'lead', '08:00', '20:00', WEEKEND],
	['service04', 'customer_service', 'member', '08:00', '17:00', EVERY_WORKING_DAY],
	// 保洁部 cleaning: early day shifts, Monday to Saturday
	['cleaner', 'cleaning', 'head', '07:30', '16:30', EVERY_WORKING_DAY],
	['cleaner2', 'cleaning', 'lead', '07:00', '16:00', weekly('mon', 'tue', 'wed', 'thu', 'fri', 'sat')],
	['cleaner03', 'cleaning', 'member', '07:00', '16:00', weekly('mon', 'tue', 'wed', 'thu', 'fri', 'sat')],
	['cleaner04', 'cleaning', 'member', '07:00', '16:00', weekly('mon', 'tue', 'wed', 'thu', 'fri', 'sat')],
	// 品质部 quality
	['supervisor', 'quality', 'head', '08:30', '17:30', EVERY_WORKING_DAY],
];

/**
 * Seeds the roster above for the staff that exist (a username the staff seed did not make is skipped), plus the
 * greening technicians of the landscaping department: the first heads it, the second leads on weekdays.
 */
export async function seedDutyRoster(
	db: Executor,
	input: { readonly estateId: string; readonly staff: readonly SeededStaff[]; readonly now: Date },
): Promise<number> {
	const byUsername = new Map(input.staff.map((member) => [member.username, member]));
	const greeners = input.staff.filter((member) => member.department === 'landscaping');
	const lines: Line[] = [
		...ROSTER,
		...greeners
			.slice(0, 2)
			.map((member, index): Line => [
				member.username,
				'landscaping',
				index === 0 ? 'head' : 'lead',
				'07:30',
				'16:30',
				index === 0 ? EVERY_WORKING_DAY : MON_FRI,
			]),
	];
	const rows = lines.flatMap(([username, department, role, start, end, repeat]) => {
		const member = byUsername.get(username);
		if (!member || member.department !== department) return [];
		const shift = DutyShiftInput.parse({ staffId: member.id, department, role, start, end, repeat });
		return [
			{
				estateId: input.estateId,
				staffId: shift.staffId,
				department: shift.department,
				role: shift.role,
				startTime: shift.start,
				endTime: shift.end,
				repeat: shift.repeat,
				validFrom: shift.validFrom,
				validUntil: shift.validUntil,
				createdAt: input.now,
				updatedAt: input.now,
			},
		];
	});
	await insertInBatches(db, dutyShifts, rows);
	return rows.length;
}
