import { describe, expect, it } from 'vitest';
import { decide } from '../work-orders/decide';
import { workOrderSla } from '../work-orders/work-order-clocks';
import type { Step } from '../work-orders/work-order.fixtures';
import { agent, command, HAPPY_PATH, run, technician } from '../work-orders/work-order.fixtures';
import { mainlandChinaCalendar } from './mainland-china-calendar';
import { DEFAULT_SLA_RULES } from './sla-rules';
import { workingMinutesBetween } from './working-time';

// The separate clocks of one general repair, paused for two working hours (SPEC.md, "Separate clocks": pausing
// stops them, with the reason and who paused), measured through the work-order lifecycle itself.
const preset = mainlandChinaCalendar({ holidays: [], adjustedWorkingDays: [] });
if (!preset.ok) throw new Error('fixture calendar is invalid');
const calendar = preset.value;

/** Monday 2 March 2026 in Shanghai at `hhmm`, or another March day. */
const at = (hhmm: string, day = '02') => new Date(`2026-03-${day}T${hhmm}:00+08:00`);

const assigned: Step[] = [HAPPY_PATH.submitted, HAPPY_PATH.accepted, HAPPY_PATH.assigned];
const pause: Step = [
	{ type: 'pause', cause: 'waiting_for_parts', reason: '等待阀芯到货' },
	technician,
	at('09:20'),
];

const runningDeadlines = (steps: readonly Step[], now: Date) =>
	new Map(
		workOrderSla(run(steps).state, DEFAULT_SLA_RULES, calendar, now)
			.clocks.filter((clock) => clock.completedAt === null && clock.dueAt !== null)
			.map((clock) => [clock.clock, { dueAt: clock.dueAt, measure: clock.measure }] as const),
	);

describe('a work order paused for two working hours', () => {
	const resume: Step = [{ type: 'resume' }, agent, at('11:20')];

	it('has every running deadline moved by exactly the two working hours of the pause', () => {
		const now = at('11:30');
		const without = runningDeadlines(assigned, now);
		const paused = runningDeadlines([...assigned, pause, resume], now);
		expect([...paused.keys()]).toEqual(['contact', 'resolve']);
		expect([...paused.keys()]).toEqual([...without.keys()]);
		for (const [clock, { dueAt, measure }] of paused) {
			const before = without.get(clock)?.dueAt;
			if (!before || !dueAt) throw new Error(`${clock} has no deadline`);
			expect(workingMinutesBetween(calendar, before, dueAt), clock).toBe(120);
			expect(measure).toBe(clock === 'contact' ? 'clock' : 'working');
		}
		// The solution clock (3 working days from Monday 09:00) moves from Wednesday 18:00 to Thursday 11:00.
		expect(paused.get('resolve')?.dueAt).toEqual(at('11:00', '05'));
		expect(paused.get('contact')?.dueAt).toEqual(at('11:40'));
	});

	it('moves working-time deadlines by the working time of an overnight pause, not its wall time', () => {
		const overnight: Step[] = [
			...assigned,
			[
				{ type: 'pause', cause: 'waiting_for_resident', reason: '业主出差，明早在家' },
				technician,
				at('17:00'),
			],
			[{ type: 'resume' }, agent, at('10:00', '03')],
		];
		const now = at('10:05', '03');
		const before = runningDeadlines(assigned, now).get('resolve')?.dueAt;
		const after = runningDeadlines(overnight, now).get('resolve')?.dueAt;
		if (!before || !after) throw new Error('no solution deadline');
		expect(workingMinutesBetween(calendar, before, after)).toBe(120);
		expect(after.getTime() - before.getTime()).toBeGreaterThan(120 * 60_000);
	});

	it('stops every running clock while the pause lasts, with the time left standing still', () => {
		const steps = [...assigned, pause];
		const early = workOrderSla(run(steps).state, DEFAULT_SLA_RULES, calendar, at('10:00'));
		const late = workOrderSla(run(steps).state, DEFAULT_SLA_RULES, calendar, at('11:00'));
		const live = (sla: typeof early) =>
			sla.clocks.filter((clock) => clock.completedAt === null && clock.startedAt);
		expect(live(late).map((clock) => clock.state)).toEqual(['paused', 'paused']);
		expect(live(late).map((clock) => clock.remainingMs)).toEqual(
			live(early).map((clock) => clock.remainingMs),
		);
		expect(late.state).toBe('paused');
		expect(late.next).toBeNull();
	});

	it('records who paused and why, and who resumed, in the order and its history', () => {
		const { state, events } = run([...assigned, pause, resume]);
		expect(state.pauses).toEqual([
			{
				from: at('09:20'),
				to: at('11:20'),
				cause: 'waiting_for_parts',
				reason: '等待阀芯到货',
				by: technician,
				resumedBy: agent,
			},
		]);
		expect(events.slice(-2)).toEqual([
			expect.objectContaining({
				type: 'workOrder.paused',
				at: at('09:20'),
				actor: technician,
				cause: 'waiting_for_parts',
				reason: '等待阀芯到货',
			}),
			expect.objectContaining({ type: 'workOrder.resumed', at: at('11:20'), actor: agent }),
		]);
	});

	it('refuses a pause without a reason', () => {
		const order = run(assigned).state;
		const refused = decide(order, command({ type: 'pause', cause: 'other', reason: '   ' }), {
			now: at('09:20'),
			actor: technician,
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'WORK_ORDER.REASON_REQUIRED' } });
	});
});
