import { describe, expect, it } from 'vitest';
import type { DutyContext, AlertToNotify } from './alert-notifications';
import { planAlertNotifications } from './alert-notifications';
import { calendar, DAY_LEAD, ENGINEERING, HEAD, MANAGER, NIGHT_LEAD, shanghai, TECH } from './duty.fixtures';

const context: DutyContext = { roster: ENGINEERING, managers: [MANAGER], calendar };

const alert = (change: Partial<AlertToNotify>): AlertToNotify => ({
	level: 1,
	urgency: 'general',
	department: 'engineering',
	assigneeId: TECH,
	...change,
});

const plan = (change: Partial<AlertToNotify>, now: Date) =>
	planAlertNotifications(alert(change), context, now).map((n) => ({
		to: n.recipientId,
		why: n.reasons.join('+'),
		at: n.deliverAt.toISOString(),
		queued: n.queued,
	}));

const FRIDAY_23 = shanghai('2026-03-06', '23:00');
const MONDAY = '2026-03-09';

describe('planAlertNotifications across a night and a weekend', () => {
	it('holds the breach of a general order at 23:00 on Friday for the head until their Monday shift', () => {
		expect(plan({ level: 2 }, FRIDAY_23)).toEqual([
			{ to: HEAD, why: 'department_head', at: shanghai(MONDAY, '08:30').toISOString(), queued: true },
		]);
	});

	it('holds the manager level of a general order until the manager’s working hours on Monday', () => {
		expect(plan({ level: 3 }, FRIDAY_23)).toEqual([
			{ to: MANAGER, why: 'manager', at: shanghai(MONDAY, '09:00').toISOString(), queued: true },
		]);
	});

	it('treats an important order like a general one: nobody off duty is paged at night', () => {
		expect(plan({ level: 2, urgency: 'important' }, FRIDAY_23)).toEqual([
			{ to: HEAD, why: 'department_head', at: shanghai(MONDAY, '08:30').toISOString(), queued: true },
		]);
	});

	it('tells the night lead of a general order at risk at once, and the day-shift assignee in the morning', () => {
		expect(plan({ level: 1 }, FRIDAY_23)).toEqual([
			{ to: NIGHT_LEAD, why: 'on_duty_lead', at: FRIDAY_23.toISOString(), queued: false },
			{ to: TECH, why: 'assignee', at: shanghai(MONDAY, '09:00').toISOString(), queued: true },
		]);
	});

	it('brings an urgent order at 03:00 to the on-duty lead and the assignee at once', () => {
		const night = shanghai('2026-03-07', '03:00');
		expect(plan({ level: 1, urgency: 'urgent' }, night)).toEqual([
			{ to: TECH, why: 'assignee', at: night.toISOString(), queued: false },
			{ to: NIGHT_LEAD, why: 'on_duty_lead', at: night.toISOString(), queued: false },
		]);
	});

	it('brings an urgent breach to the head at once, and to the on-duty lead too', () => {
		const night = shanghai('2026-03-07', '03:00');
		expect(plan({ level: 2, urgency: 'urgent' }, night)).toEqual([
			{ to: HEAD, why: 'department_head', at: night.toISOString(), queued: false },
			{ to: NIGHT_LEAD, why: 'on_duty_lead', at: night.toISOString(), queued: false },
		]);
	});

	it('falls back to the head at once for an urgent order when the rota has no lead on duty', () => {
		const saturdayNoon = shanghai('2026-03-07', '12:00');
		expect(plan({ level: 1, urgency: 'urgent' }, saturdayNoon)).toEqual([
			{ to: TECH, why: 'assignee', at: saturdayNoon.toISOString(), queued: false },
			{ to: HEAD, why: 'department_head', at: saturdayNoon.toISOString(), queued: false },
		]);
	});

	it('queues a general order at risk on Saturday noon for the lead whose shift starts soonest', () => {
		expect(plan({ level: 1 }, shanghai('2026-03-07', '12:00'))).toEqual([
			{
				to: NIGHT_LEAD,
				why: 'on_duty_lead',
				at: shanghai('2026-03-07', '20:00').toISOString(),
				queued: true,
			},
			{ to: TECH, why: 'assignee', at: shanghai(MONDAY, '09:00').toISOString(), queued: true },
		]);
	});

	it('tells everyone at once during the working day', () => {
		const tuesday = shanghai('2026-03-03', '14:00');
		expect(plan({ level: 1 }, tuesday).map((n) => [n.to, n.queued])).toEqual([
			[TECH, false],
			[DAY_LEAD, false],
		]);
	});

	it('follows the calendar: a breach on Friday 9 October reaches the head on the 调休 Saturday', () => {
		expect(plan({ level: 2 }, shanghai('2026-10-09', '23:00'))).toEqual([
			{ to: HEAD, why: 'department_head', at: shanghai('2026-10-10', '08:30').toISOString(), queued: true },
		]);
	});
});

describe('planAlertNotifications, who', () => {
	const tuesday = shanghai('2026-03-03', '14:00');

	it('sends one notification with both reasons to a lead who is also the assignee', () => {
		expect(plan({ assigneeId: DAY_LEAD }, tuesday)).toEqual([
			{ to: DAY_LEAD, why: 'assignee+on_duty_lead', at: tuesday.toISOString(), queued: false },
		]);
	});

	it('tells only the lead when nobody is assigned yet', () => {
		expect(plan({ assigneeId: null }, tuesday).map((n) => n.to)).toEqual([DAY_LEAD]);
	});

	it('takes a breach in a department without a head, or without a roster, to the managers', () => {
		expect(plan({ level: 2, department: 'cleaning', assigneeId: null }, tuesday)).toEqual([
			{ to: MANAGER, why: 'manager', at: tuesday.toISOString(), queued: false },
		]);
		expect(plan({ level: 1, department: 'cleaning', assigneeId: null, urgency: 'urgent' }, tuesday)).toEqual([
			{ to: MANAGER, why: 'manager', at: tuesday.toISOString(), queued: false },
		]);
	});

	it('tells nobody in a department without leads of a general order at risk, beyond the assignee', () => {
		expect(plan({ department: 'cleaning' }, tuesday).map((n) => n.to)).toEqual([TECH]);
	});

	it('delivers at the next working moment to someone whose rota has no turn in sight', () => {
		const onlyOnce = ENGINEERING.map((shift) =>
			shift.staffId === HEAD ? { ...shift, repeat: { kind: 'dated' as const, date: '2026-12-31' } } : shift,
		);
		const [notification] = planAlertNotifications(
			alert({ level: 2 }),
			{ ...context, roster: onlyOnce },
			FRIDAY_23,
		);
		expect(notification?.deliverAt).toEqual(shanghai(MONDAY, '09:00'));
	});
});
