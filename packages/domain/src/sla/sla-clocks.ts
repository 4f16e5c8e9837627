import { z } from 'zod';
import { Instant, MINUTE_MS } from '../shared/time';
import { UrgencyClass } from '../work-orders/urgency-class';
import type { SlaRules, SlaTarget } from './sla-rules';
import { SlaClock } from './sla-rules';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingMs, endOfWorkingDay, workingMsBetween } from './working-time';

/** SPEC.md "SLA rules": at risk once 80 % of the allowed time is used. */
export const AT_RISK_FRACTION = 0.8;

/** A pause (挂起: waiting for parts or for the resident); `to: null` while it lasts. */
export const SlaPause = z.strictObject({ from: Instant, to: Instant.nullable() });
export type SlaPause = z.infer<typeof SlaPause>;

/**
 * The timestamps of one work order that the clocks read, kept by the work-order state machine. Plain data so
 * that the SLA engine does not depend on the work-order type.
 */
export const SlaTimeline = z.strictObject({
	urgency: UrgencyClass,
	/** Only `'phone'` matters here: it adds the phone-entry clock. */
	channel: z.string().optional(),
	/** When the call came in (phone reports); the phone-entry clock needs it. */
	reportedAt: Instant.optional(),
	submittedAt: Instant,
	acceptedAt: Instant.optional(),
	assignedAt: Instant.optional(),
	contactedAt: Instant.optional(),
	arrivedAt: Instant.optional(),
	resolvedAt: Instant.optional(),
	feedbackAt: Instant.optional(),
	pauses: z.array(SlaPause),
});
export type SlaTimeline = z.infer<typeof SlaTimeline>;

export const SlaClockState = z.enum([
	'pending',
	'on_track',
	'at_risk',
	'breached',
	'paused',
	'met',
	'missed',
]);
export type SlaClockState = z.infer<typeof SlaClockState>;

/**
 * What a clock's time is counted in: `working` (the estate's working calendar, for working-time and "same day"
 * targets) or `clock` (wall-clock time, for urgent work that runs nights and holidays).
 */
export type SlaMeasure = 'working' | 'clock';

type ClockIdentity = {
	readonly clock: SlaClock;
	readonly target: SlaTarget;
	readonly measure: SlaMeasure;
};

export const measureOf = (target: SlaTarget): SlaMeasure =>
	target.measure === 'clock' ? 'clock' : 'working';

/**
 * One clock of one work order as of `now`. `usedFraction` is the share of the allowed time used, pauses
 * excluded (above 1 once past due). `remainingMs` is the time left in the clock's own `measure` (working
 * milliseconds for working-time targets, so a Friday-evening order shows the working time left, not the weekend);
 * negative once overdue, and for a finished clock what was left (or overrun) when it stopped. While paused,
 * `dueAt` assumes the pause ends now, so it moves on as the pause lasts, and `remainingMs` stands still.
 */
export type SlaClockStatus = ClockIdentity &
	(
		| {
				readonly state: 'pending';
				readonly startedAt: null;
				readonly dueAt: null;
				readonly completedAt: null;
				readonly usedFraction: 0;
				readonly remainingMs: null;
		  }
		| LiveClock<'on_track' | 'at_risk' | 'breached' | 'paused'>
		| {
				readonly state: 'met' | 'missed';
				readonly startedAt: Date;
				readonly dueAt: Date;
				readonly completedAt: Date;
				readonly usedFraction: number;
				readonly remainingMs: number;
		  }
	);

/** A started, unfinished clock: `dueAt` is where it stands now. */
type LiveClock<State extends SlaClockState> = {
	readonly state: State;
	readonly startedAt: Date;
	readonly dueAt: Date;
	readonly completedAt: null;
	readonly usedFraction: number;
	readonly remainingMs: number;
};

/** A clock that is counting down (not pending, paused or finished). */
export type RunningSlaClock = ClockIdentity & LiveClock<'on_track' | 'at_risk' | 'breached'>;

/** Which timestamps start and stop each clock; `null` when the clock does not apply to this order. */
function windowOf(
	slaClock: SlaClock,
	t: SlaTimeline,
): { startedAt: Date | undefined; completedAt: Date | undefined } | null {
	switch (slaClock) {
		case 'phone_entry':
			// Entering the report is what submits it, so the clock stops at submission.
			return t.channel === 'phone' && t.reportedAt
				? { startedAt: t.reportedAt, completedAt: t.submittedAt }
				: null;
		case 'accept':
			return { startedAt: t.submittedAt, completedAt: t.acceptedAt };
		case 'dispatch':
			// SPEC.md counts "forwarded within 1 hour" from the report, not from acceptance.
			return { startedAt: t.submittedAt, completedAt: t.assignedAt };
		case 'contact':
			return { startedAt: t.assignedAt, completedAt: t.contactedAt };
		case 'on_site':
			return { startedAt: t.submittedAt, completedAt: t.arrivedAt };
		case 'resolve':
			return { startedAt: t.submittedAt, completedAt: t.resolvedAt };
		case 'feedback':
			return { startedAt: t.resolvedAt, completedAt: t.feedbackAt };
	}
}

/** How time counts for a target: wall-clock milliseconds or working milliseconds of the calendar. */
type Meter = {
	readonly elapsed: (from: number, to: number) => number;
	readonly advance: (from: number, ms: number) => number;
};

const wallClock: Meter = {
	elapsed: (from, to) => Math.max(0, to - from),
	advance: (from, ms) => from + ms,
};

function workingClock(calendar: WorkingCalendar): Meter {
	return {
		elapsed: (from, to) => workingMsBetween(calendar, new Date(from), new Date(to)),
		advance: (from, ms) => addWorkingMs(calendar, new Date(from), ms).getTime(),
	};
}

/** "Same day" becomes the working time from the start to the end of that working day, so pauses apply to it alike. */
function budgetOf(
	target: SlaTarget,
	start: Date,
	calendar: WorkingCalendar,
): { meter: Meter; allowedMs: number } {
	switch (target.measure) {
		case 'clock':
			return { meter: wallClock, allowedMs: target.minutes * MINUTE_MS };
		case 'working':
			return { meter: workingClock(calendar), allowedMs: target.minutes * MINUTE_MS };
		case 'end_of_working_day':
			return {
				meter: workingClock(calendar),
				allowedMs: workingMsBetween(calendar, start, endOfWorkingDay(calendar, start)),
			};
	}
}

type Span = { from: number; to: number };

/** Pauses clipped to [start, horizon], an open pause lasting until now, sorted and merged. */
function pausesWithin(pauses: readonly SlaPause[], start: number, horizon: number, now: number): Span[] {
	const clipped = pauses
		.map((p) => ({ from: Math.max(p.from.getTime(), start), to: Math.min(p.to?.getTime() ?? now, horizon) }))
		.filter((p) => p.to > p.from)
		.sort((a, b) => a.from - b.from);
	const merged: Span[] = [];
	for (const p of clipped) {
		const last = merged.at(-1);
		if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
		else merged.push({ ...p });
	}
	return merged;
}

/** The instant the unpaused time used reaches the allowance. A pause that starts after that does not move it. */
function dueOf(meter: Meter, start: number, allowedMs: number, pauses: readonly Span[]): number {
	let cursor = start;
	let remaining = allowedMs;
	for (const pause of pauses) {
		const candidate = meter.advance(cursor, remaining);
		if (candidate <= pause.from) return candidate;
		remaining -= meter.elapsed(cursor, pause.from);
		cursor = pause.to;
	}
	return meter.advance(cursor, remaining);
}

function usedOf(meter: Meter, start: number, horizon: number, pauses: readonly Span[]): number {
	return pauses.reduce((used, p) => used - meter.elapsed(p.from, p.to), meter.elapsed(start, horizon));
}

function isPausedAt(pauses: readonly SlaPause[], now: number): boolean {
	return pauses.some((p) => p.from.getTime() <= now && (p.to === null || p.to.getTime() > now));
}

function evaluate(
	identity: ClockIdentity,
	window: { startedAt: Date | undefined; completedAt: Date | undefined },
	timeline: SlaTimeline,
	calendar: WorkingCalendar,
	now: Date,
): SlaClockStatus {
	const { startedAt, completedAt } = window;
	if (!startedAt)
		return {
			...identity,
			state: 'pending',
			startedAt: null,
			dueAt: null,
			completedAt: null,
			usedFraction: 0,
			remainingMs: null,
		};
	const start = startedAt.getTime();
	const horizon = (completedAt ?? now).getTime();
	const { meter, allowedMs } = budgetOf(identity.target, startedAt, calendar);
	const pauses = pausesWithin(timeline.pauses, start, horizon, now.getTime());
	const dueAt = new Date(dueOf(meter, start, allowedMs, pauses));
	const usedMs = usedOf(meter, start, horizon, pauses);
	const usedFraction = usedMs / allowedMs;
	const remainingMs = allowedMs - usedMs;
	if (completedAt) {
		const state = completedAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
		return { ...identity, state, startedAt, dueAt, completedAt, usedFraction, remainingMs };
	}
	const state =
		now.getTime() > dueAt.getTime()
			? 'breached'
			: isPausedAt(timeline.pauses, now.getTime())
				? 'paused'
				: usedFraction >= AT_RISK_FRACTION
					? 'at_risk'
					: 'on_track';
	return { ...identity, state, startedAt, dueAt, completedAt: null, usedFraction, remainingMs };
}

/**
 * Every clock that applies to the order under `rules`, in lifecycle order, as of `now`. A clock applies when its
 * urgency class has a target for it (phone entry also needs a phone report with `reportedAt`); it is pending
 * until its starting step happens. Pauses stop every running clock: a wall-clock target is moved by the wall
 * time of the pause, a working-time target by the working time inside it.
 */
export function computeClocks(
	timeline: SlaTimeline,
	rules: SlaRules,
	calendar: WorkingCalendar,
	now: Date,
): SlaClockStatus[] {
	const clocks: SlaClockStatus[] = [];
	for (const slaClock of SlaClock.options) {
		const target = rules[timeline.urgency][slaClock];
		const window = windowOf(slaClock, timeline);
		if (target && window)
			clocks.push(
				evaluate({ clock: slaClock, target, measure: measureOf(target) }, window, timeline, calendar, now),
			);
	}
	return clocks;
}

export function isRunning(clock: SlaClockStatus): clock is RunningSlaClock {
	return clock.state === 'on_track' || clock.state === 'at_risk' || clock.state === 'breached';
}

/** The running clock due soonest (a breached one first), for the "next deadline" on cards and the map; `null` when none runs. */
export function nextDeadline(clocks: readonly SlaClockStatus[]): RunningSlaClock | null {
	return clocks
		.filter(isRunning)
		.reduce<RunningSlaClock | null>(
			(soonest, clock) =>
				soonest === null || clock.dueAt.getTime() < soonest.dueAt.getTime() ? clock : soonest,
			null,
		);
}

const OVERALL_PRECEDENCE: readonly SlaClockState[] = [
	'breached',
	'at_risk',
	'on_track',
	'paused',
	'missed',
	'met',
	'pending',
];

/**
 * The order's overall SLA state: the most pressing state among its clocks. Live states come first (breached,
 * at risk, on track, paused); once nothing runs, missed if any clock was missed, else met; pending when no clock
 * has started (or there are none).
 */
export function slaState(clocks: readonly SlaClockStatus[]): SlaClockState {
	return OVERALL_PRECEDENCE.find((state) => clocks.some((c) => c.state === state)) ?? 'pending';
}
