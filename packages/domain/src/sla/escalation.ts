import { z } from 'zod';
import type { SlaClockStatus } from './sla-clocks';
import { AT_RISK_FRACTION } from './sla-clocks';
import { SlaClock } from './sla-rules';

/**
 * Escalation level (升级) of one clock: 0 nothing to do; 1 at risk, told to the assignee and the on-duty lead
 * while they can still act; 2 breached, up to the department head; 3 breached for a further share of the allowed
 * time, up to the manager.
 */
export const EscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationPolicy = z.strictObject({
	/** How much more than the allowed time a breach lasts before the manager hears of it (1 = another 100 %). */
	managerAfterFraction: z.number().positive().max(100),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = { managerAfterFraction: 1 };

/** Who each level reaches, as roles; the duty roster turns them into people. */
export const ESCALATION_RECIPIENTS = {
	1: ['assignee', 'on_duty_lead'],
	2: ['department_head'],
	3: ['manager'],
} as const satisfies Record<Exclude<EscalationLevel, 0>, readonly string[]>;

/**
 * The level a clock has reached, read from its state and `usedFraction` as computed for `now` by `computeClocks`.
 * Because `usedFraction` counts in the target's own measure, a general order breached on Friday evening reaches
 * the manager only after a further share of working time, not at 3 a.m.; a paused clock stays where it was.
 */
export function escalationLevel(
	clock: SlaClockStatus,
	policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationLevel {
	switch (clock.state) {
		case 'breached':
			return clock.usedFraction >= 1 + policy.managerAfterFraction ? 3 : 2;
		case 'at_risk':
			return 1;
		case 'paused':
			return clock.usedFraction >= AT_RISK_FRACTION ? 1 : 0;
		case 'on_track':
		case 'pending':
		case 'met':
		case 'missed':
			return 0;
	}
}

/** What the SLA watch job remembers per order: the highest level already raised for each run of each clock. */
export const SlaWatchState = z.partialRecord(
	SlaClock,
	z.strictObject({ startedAt: z.coerce.date(), level: EscalationLevel }),
);
export type SlaWatchState = z.infer<typeof SlaWatchState>;

export const SlaEventType = z.enum(['sla.atRisk', 'sla.breached', 'sla.escalated']);
export type SlaEventType = z.infer<typeof SlaEventType>;

/** An SLA alert to raise once: `sla.atRisk` (level 1), `sla.breached` (2) or `sla.escalated` (3). */
export type SlaEvent = {
	readonly type: SlaEventType;
	readonly clock: SlaClock;
	readonly level: Exclude<EscalationLevel, 0>;
	readonly dueAt: Date;
};

const RAISED_LEVELS = [1, 2, 3] as const;

const EVENT_OF_LEVEL = { 1: 'sla.atRisk', 2: 'sla.breached', 3: 'sla.escalated' } as const satisfies Record<
	Exclude<EscalationLevel, 0>,
	SlaEventType
>;

/**
 * The events newly due since `previous`, and the state to remember for next time. Each level of each clock run
 * is raised exactly once, in order: a job that was down while a clock went from on track to breached raises the
 * at-risk and the breach events together. A clock that restarts (a new `startedAt`, e.g. after a reopen) starts
 * again from level 0.
 */
export function slaTransitions(
	previous: SlaWatchState,
	clocks: readonly SlaClockStatus[],
	policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): { events: SlaEvent[]; state: SlaWatchState } {
	const events: SlaEvent[] = [];
	const state: SlaWatchState = {};
	for (const clock of clocks) {
		if (clock.startedAt === null) continue;
		const remembered = previous[clock.clock];
		const sameRun = remembered !== undefined && remembered.startedAt.getTime() === clock.startedAt.getTime();
		const raised = sameRun ? remembered.level : 0;
		const reached = escalationLevel(clock, policy);
		for (const level of RAISED_LEVELS) {
			if (level > raised && level <= reached)
				events.push({ type: EVENT_OF_LEVEL[level], clock: clock.clock, level, dueAt: clock.dueAt });
		}
		state[clock.clock] = { startedAt: clock.startedAt, level: reached > raised ? reached : raised };
	}
	return { events, state };
}
