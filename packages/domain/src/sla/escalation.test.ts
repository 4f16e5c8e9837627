import { describe, expect, it } from 'vitest';
import {
	DEFAULT_ESCALATION_POLICY,
	ESCALATION_RECIPIENTS,
	EscalationPolicy,
	SlaWatchState,
	escalationLevel,
	slaTransitions,
} from './escalation';
import type { SlaClockState, SlaClockStatus, SlaTimeline } from './sla-clocks';
import { computeClocks } from './sla-clocks';
import type { SlaClock } from './sla-rules';
import { DEFAULT_SLA_RULES } from './sla-rules';
import { WorkingCalendar } from './working-calendar';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const calendar = WorkingCalendar.parse({
	timeZone: 'Asia/Shanghai',
	week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] },
});
const at = (iso: string) => new Date(iso);
const started = at('2026-03-02T09:00:00+08:00');
const due = at('2026-03-02T09:30:00+08:00');
const target = { measure: 'clock', minutes: 30 } as const;
const measure = 'clock' as const;
const left = (usedFraction: number) => (1 - usedFraction) * 30 * 60_000;

function clockIn(
	state: SlaClockState,
	usedFraction: number,
	clock: SlaClock = 'accept',
	startedAt: Date = started,
): SlaClockStatus {
	switch (state) {
		case 'pending':
			return {
				clock,
				target,
				measure,
				state,
				startedAt: null,
				dueAt: null,
				completedAt: null,
				usedFraction: 0,
				remainingMs: null,
			};
		case 'met':
		case 'missed':
			return {
				clock,
				target,
				measure,
				state,
				startedAt,
				dueAt: due,
				completedAt: due,
				usedFraction,
				remainingMs: left(usedFraction),
			};
		case 'on_track':
		case 'at_risk':
		case 'breached':
		case 'paused':
			return {
				clock,
				target,
				measure,
				state,
				startedAt,
				dueAt: due,
				completedAt: null,
				usedFraction,
				remainingMs: left(usedFraction),
			};
	}
}

describe('escalationLevel', () => {
	it.each([
		['pending', 0, DEFAULT_ESCALATION_POLICY, 0],
		['on_track', 0.5, DEFAULT_ESCALATION_POLICY, 0],
		['at_risk', 0.8, DEFAULT_ESCALATION_POLICY, 1],
		['paused', 0.5, DEFAULT_ESCALATION_POLICY, 0],
		['paused', 0.85, DEFAULT_ESCALATION_POLICY, 1],
		['breached', 1.5, DEFAULT_ESCALATION_POLICY, 2],
		['breached', 1.99, DEFAULT_ESCALATION_POLICY, 2],
		['breached', 2, DEFAULT_ESCALATION_POLICY, 3],
		['breached', 1.5, { managerAfterFraction: 0.5 }, 3],
		['met', 0.5, DEFAULT_ESCALATION_POLICY, 0],
		['missed', 3, DEFAULT_ESCALATION_POLICY, 0],
	] as const)(
		'puts a %s clock with %s of its time used, under %j, at level %s',
		(state, used, policy, expected) => {
			expect(escalationLevel(clockIn(state, used), policy)).toBe(expected);
		},
	);

	it('uses the default policy when none is given', () => {
		expect(escalationLevel(clockIn('breached', 2))).toBe(3);
	});

	it.each([
		// Submitted Monday 10:00, due Thursday 10:00 (1620 working minutes); the manager is told once another
		// 1620 working minutes have passed: Thursday 10:00 + 480 + 540 + 540 + 60 = Tuesday 10 March 10:00.
		['Thursday evening after the breach', '2026-03-05T20:00:00+08:00', 2],
		['3 a.m. on Saturday', '2026-03-07T03:00:00+08:00', 2],
		['a minute before another 3 working days have passed', '2026-03-10T09:59:00+08:00', 2],
		['once another 3 working days have passed', '2026-03-10T10:00:00+08:00', 3],
	])('escalates a general order in working time: %s is level %s', (_, now, expected) => {
		const timeline: SlaTimeline = {
			urgency: 'general',
			submittedAt: at('2026-03-02T10:00:00+08:00'),
			pauses: [],
		};
		const resolve = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, at(now)).find(
			(c) => c.clock === 'resolve',
		);
		expect(resolve && escalationLevel(resolve)).toBe(expected);
	});
});

describe('EscalationPolicy', () => {
	it.each([
		[{ managerAfterFraction: 1 }, true],
		[{ managerAfterFraction: 0 }, false],
		[{ managerAfterFraction: -1 }, false],
		[{}, false],
	])('checks %j: %s', (policy, valid) => {
		expect(EscalationPolicy.safeParse(policy).success).toBe(valid);
	});
});

describe('ESCALATION_RECIPIENTS', () => {
	it('warns whoever can still act first and the manager last', () => {
		expect(ESCALATION_RECIPIENTS).toEqual({
			1: ['assignee', 'on_duty_lead'],
			2: ['department_head'],
			3: ['manager'],
		});
	});
});

describe('slaTransitions', () => {
	it('raises sla.atRisk once when a clock reaches 80 %', () => {
		const first = slaTransitions({}, [clockIn('at_risk', 0.8)]);
		const second = slaTransitions(first.state, [clockIn('at_risk', 0.9)]);
		expect(first.events).toEqual([{ type: 'sla.atRisk', clock: 'accept', level: 1, dueAt: due }]);
		expect(first.state).toEqual({ accept: { startedAt: started, level: 1 } });
		expect(second.events).toEqual([]);
	});

	it('raises sla.breached after an earlier warning', () => {
		const { events, state } = slaTransitions({ accept: { startedAt: started, level: 1 } }, [
			clockIn('breached', 1.1),
		]);
		expect(events).toEqual([{ type: 'sla.breached', clock: 'accept', level: 2, dueAt: due }]);
		expect(state.accept?.level).toBe(2);
	});

	it('raises every level it missed, in order, when the job was away', () => {
		const { events } = slaTransitions({}, [clockIn('breached', 2.5)]);
		expect(events.map((e) => [e.type, e.level])).toEqual([
			['sla.atRisk', 1],
			['sla.breached', 2],
			['sla.escalated', 3],
		]);
	});

	it('follows the policy for the manager level', () => {
		const { events } = slaTransitions(
			{ accept: { startedAt: started, level: 2 } },
			[clockIn('breached', 1.6)],
			{ managerAfterFraction: 0.5 },
		);
		expect(events).toEqual([{ type: 'sla.escalated', clock: 'accept', level: 3, dueAt: due }]);
	});

	it('raises nothing again for a level already raised, nor when a clock is met afterwards', () => {
		const previous = { accept: { startedAt: started, level: 2 as const } };
		const still = slaTransitions(previous, [clockIn('breached', 1.5)]);
		const done = slaTransitions(previous, [clockIn('missed', 1.7)]);
		expect(still.events).toEqual([]);
		expect(done.events).toEqual([]);
		expect(done.state).toEqual(previous);
	});

	it('starts again from level 0 when a clock restarts', () => {
		const restartedAt = at('2026-03-03T09:00:00+08:00');
		const { events, state } = slaTransitions({ contact: { startedAt: started, level: 2 } }, [
			clockIn('at_risk', 0.9, 'contact', restartedAt),
		]);
		expect(events).toEqual([{ type: 'sla.atRisk', clock: 'contact', level: 1, dueAt: due }]);
		expect(state).toEqual({ contact: { startedAt: restartedAt, level: 1 } });
	});

	it('keeps pending clocks and clocks that left the order out of the remembered state', () => {
		const { events, state } = slaTransitions({ resolve: { startedAt: started, level: 1 } }, [
			clockIn('pending', 0, 'contact'),
			clockIn('on_track', 0.1),
		]);
		expect(events).toEqual([]);
		expect(state).toEqual({ accept: { startedAt: started, level: 0 } });
	});
});

describe('SlaWatchState', () => {
	it('reads back what was stored as JSON', () => {
		const json: unknown = JSON.parse(JSON.stringify({ accept: { startedAt: started, level: 2 } }));
		expect(SlaWatchState.parse(json)).toEqual({ accept: { startedAt: started, level: 2 } });
	});

	it.each([[{ coffee: { startedAt: started, level: 1 } }], [{ accept: { startedAt: started, level: 4 } }]])(
		'rejects %j',
		(state) => {
			expect(SlaWatchState.safeParse(state).success).toBe(false);
		},
	);
});
