import { createHash } from 'node:crypto';
import { planAlertNotifications } from '@estate-ops/domain/duty';
import type { StaffId } from '@estate-ops/domain/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '#test/database';
import type { DatabaseHandle } from '../db/database';
import { listDutyShifts } from '../db/repositories/duty-roster.repository';
import { listActiveStaff } from '../db/repositories/site.repository';
import { loadSlaContext } from '../db/repositories/sla-settings.repository';
import { staff } from '../db/schema/index';
import { seedDemoEstate } from './demo-estate';
import { DEMO_SEED, mulberry32 } from './random';

const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

let handle: DatabaseHandle;
let estateId: string;

beforeAll(async () => {
	handle = await openTestDatabase();
	const seeded = await seedDemoEstate(handle.db, {
		now: shanghai('2026-03-11', '10:30'),
		random: mulberry32(DEMO_SEED),
		hashPassword: (plain) => Promise.resolve(createHash('sha256').update(plain).digest('hex')),
		encryptField: (plain) => `enc:${plain}`,
	});
	if (!seeded) throw new Error('the demo estate was not seeded');
	estateId = seeded.estateId;
}, 180_000);
afterAll(() => handle.close());

describe('the demo duty roster', () => {
	it('gives every operating department a head, and engineering, security and customer service leads', async () => {
		const roster = await listDutyShifts(handle.db, estateId);
		const holders = (department: string, role: string) =>
			new Set(roster.filter((s) => s.department === department && s.role === role).map((s) => s.staffId));
		for (const department of [
			'engineering',
			'security',
			'customer_service',
			'cleaning',
			'landscaping',
			'quality',
		])
			expect(holders(department, 'head').size, department).toBe(1);
		for (const department of ['engineering', 'security', 'customer_service'])
			expect(holders(department, 'lead').size, department).toBeGreaterThanOrEqual(2);
	});

	it('puts only staff of the department on its shifts', async () => {
		const roster = await listDutyShifts(handle.db, estateId);
		const people = new Map((await listActiveStaff(handle.db, estateId)).map((m) => [m.id, m.department]));
		expect(roster.filter((s) => people.get(s.staffId) !== s.department)).toEqual([]);
	});

	it('has an engineering lead on duty every hour of a week', async () => {
		const context = await loadSlaContext(handle.db, estateId);
		if (!context) throw new Error('no SLA context');
		const roster = await listDutyShifts(handle.db, estateId, { department: 'engineering' });
		const managers = (await listActiveStaff(handle.db, estateId))
			.filter((m) => m.roles.includes('manager'))
			.map((m) => m.id as StaffId);
		const gaps: string[] = [];
		for (let hour = 0; hour < 7 * 24; hour++) {
			const at = new Date(shanghai('2026-03-09', '00:30').getTime() + hour * 3_600_000);
			const [lead] = planAlertNotifications(
				{ level: 1, urgency: 'urgent', department: 'engineering', assigneeId: null },
				{ roster, managers, calendar: context.calendar },
				at,
			);
			if (!lead?.reasons.includes('on_duty_lead')) gaps.push(at.toISOString());
		}
		expect(gaps).toEqual([]);
	});

	it('holds a general engineering breach on Friday night for `dispatch`, the head, until Monday 08:30', async () => {
		const context = await loadSlaContext(handle.db, estateId);
		if (!context) throw new Error('no SLA context');
		const roster = await listDutyShifts(handle.db, estateId);
		const [dispatch] = await handle.db
			.select({ id: staff.id })
			.from(staff)
			.where(eq(staff.username, 'dispatch'));
		const plan = planAlertNotifications(
			{ level: 2, urgency: 'general', department: 'engineering', assigneeId: null },
			{ roster, managers: [], calendar: context.calendar },
			shanghai('2026-03-13', '23:00'),
		);
		expect(plan).toEqual([
			{
				recipientId: dispatch?.id,
				reasons: ['department_head'],
				deliverAt: shanghai('2026-03-16', '08:30'),
				queued: true,
			},
		]);
	});
});
