import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_RULES, mainlandChinaCalendar } from '../sla/index';
import { minutesLater, orderAt, submitInput, kiosk, T0, run, agent } from './work-order.fixtures';
import { slaTimelineOf, workOrderSla } from './work-order-clocks';

const calendarResult = mainlandChinaCalendar({ holidays: [], adjustedWorkingDays: [] });
if (!calendarResult.ok) throw new Error('fixture calendar is invalid');
const calendar = calendarResult.value;

describe('slaTimelineOf', () => {
	it('copies the step times the clocks read and leaves out the steps not reached', () => {
		const order = orderAt('assigned');
		const timeline = slaTimelineOf(order);
		expect(timeline).toEqual({
			urgency: order.urgency,
			channel: 'kiosk',
			submittedAt: T0,
			acceptedAt: minutesLater(5),
			assignedAt: minutesLater(10),
			pauses: [],
		});
	});
});

describe('workOrderSla', () => {
	it('shows every clock separately and the acceptance clock as the next deadline of a new order', () => {
		const order = orderAt('submitted');
		const sla = workOrderSla(order, DEFAULT_SLA_RULES, calendar, minutesLater(1));
		expect(sla.clocks.map((c) => c.clock)).toEqual(expect.arrayContaining(['accept', 'dispatch', 'resolve']));
		expect(sla.next?.clock).toBe('accept');
		// general order: accept within 30 minutes of submission
		expect(sla.next?.dueAt.toISOString()).toBe(minutesLater(30).toISOString());
		expect(sla.state).toBe('on_track');
	});

	it('turns at risk at 80 % and breached past due', () => {
		const order = orderAt('submitted');
		expect(workOrderSla(order, DEFAULT_SLA_RULES, calendar, minutesLater(25)).state).toBe('at_risk');
		expect(workOrderSla(order, DEFAULT_SLA_RULES, calendar, minutesLater(31)).state).toBe('breached');
	});

	it('has no on-site clock for an inquiry', () => {
		const { state } = run([
			[{ ...submitInput, kind: 'inquiry', category: 'fees', description: '物业费怎么交' }, kiosk, T0],
		]);
		const accepted = run([[{ type: 'accept' }, agent, minutesLater(2)]], state).state;
		const clocks = workOrderSla(accepted, { ...DEFAULT_SLA_RULES }, calendar, minutesLater(3)).clocks;
		expect(clocks.some((c) => c.clock === 'on_site')).toBe(false);
	});

	it('has no clocks once cancelled', () => {
		const { state } = run(
			[[{ type: 'cancel', reason: '已自行修好' }, kiosk, minutesLater(3)]],
			orderAt('submitted'),
		);
		expect(workOrderSla(state, DEFAULT_SLA_RULES, calendar, minutesLater(4))).toEqual({
			clocks: [],
			next: null,
			state: 'pending',
		});
	});

	it('measures a reopened order as a new pass from the reopening, so the rework is not a miss by construction', () => {
		const reopenAt = minutesLater(130);
		const { state } = run(
			[[{ type: 'reopen', reason: '还在漏水', assigneeId: null }, agent, reopenAt]],
			orderAt('closed'),
		);
		const timeline = slaTimelineOf(state);
		expect(timeline.submittedAt).toEqual(reopenAt);
		expect(timeline.acceptedAt).toEqual(reopenAt);
		expect(timeline.channel).toBeUndefined();
		const sla = workOrderSla(state, DEFAULT_SLA_RULES, calendar, minutesLater(135));
		expect(sla.clocks.find((c) => c.clock === 'dispatch')?.state).not.toBe('missed');
		expect(sla.clocks.find((c) => c.clock === 'contact')?.state).toBe('on_track');
	});

	it('has nothing running once closed', () => {
		const sla = workOrderSla(orderAt('closed'), DEFAULT_SLA_RULES, calendar, minutesLater(200));
		expect(sla.next).toBeNull();
		expect(['met', 'missed']).toContain(sla.state);
	});
});
