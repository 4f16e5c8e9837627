import { describe, expect, it } from 'vitest';
import type { SlaClockState, SlaClockStatus, SlaTimeline } from './sla-clocks';
import {
	SlaTimeline as SlaTimelineSchema,
	computeClocks,
	isRunning,
	nextDeadline,
	slaState,
} from './sla-clocks';
import type { SlaClock } from './sla-rules';
import { DEFAULT_SLA_RULES } from './sla-rules';
import { WorkingCalendar } from './working-calendar';
import { workingMinutesBetween } from './working-time';

const nineToSix = [{ start: '09:00', end: '18:00' }];
/** Shanghai, Monday–Friday 09:00–18:00, with 2026 National Day (10-01..10-07 off; 09-20 and 10-10 worked). */
const calendar = WorkingCalendar.parse({
	timeZone: 'Asia/Shanghai',
	week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] },
	holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
	adjustedWorkingDays: [
		{ date: '2026-09-20', hours: nineToSix },
		{ date: '2026-10-10', hours: nineToSix },
	],
});

const at = (iso: string) => new Date(iso);
/** Monday 2 March 2026 in Shanghai at `hhmm`. */
const monday = (hhmm: string) => at(`2026-03-02T${hhmm}:00+08:00`);

const summary = (clocks: readonly SlaClockStatus[]) =>
	clocks.map((c) => ({
		clock: c.clock,
		state: c.state,
		dueAt: c.dueAt?.toISOString() ?? null,
		usedFraction: c.usedFraction,
	}));

const dueOf = (clocks: readonly SlaClockStatus[], clock: SlaClock) =>
	clocks.find((c) => c.clock === clock)?.dueAt ?? null;

describe('SlaTimeline', () => {
	it('accepts the timestamps of a work order', () => {
		const timeline = {
			urgency: 'general',
			submittedAt: monday('10:00'),
			pauses: [{ from: monday('11:00'), to: null }],
		};
		expect(SlaTimelineSchema.parse(timeline)).toEqual(timeline);
	});

	it('rejects an unknown urgency class', () => {
		expect(
			SlaTimelineSchema.safeParse({ urgency: 'whenever', submittedAt: monday('10:00'), pauses: [] }).success,
		).toBe(false);
	});
});

describe('computeClocks', () => {
	it('runs the clocks of a general kiosk order filed on the eve of National Day', () => {
		const timeline: SlaTimeline = {
			urgency: 'general',
			channel: 'kiosk',
			submittedAt: at('2026-09-30T17:00:00+08:00'),
			pauses: [],
		};
		expect(
			summary(computeClocks(timeline, DEFAULT_SLA_RULES, calendar, at('2026-09-30T17:10:00+08:00'))),
		).toEqual([
			{
				clock: 'accept',
				state: 'on_track',
				dueAt: at('2026-09-30T17:30:00+08:00').toISOString(),
				usedFraction: 10 / 30,
			},
			{
				clock: 'dispatch',
				state: 'on_track',
				dueAt: at('2026-09-30T18:00:00+08:00').toISOString(),
				usedFraction: 10 / 60,
			},
			{ clock: 'contact', state: 'pending', dueAt: null, usedFraction: 0 },
			{
				clock: 'resolve',
				state: 'on_track',
				dueAt: at('2026-10-10T17:00:00+08:00').toISOString(),
				usedFraction: 10 / 1620,
			},
			{ clock: 'feedback', state: 'pending', dueAt: null, usedFraction: 0 },
		]);
	});

	it('follows an urgent phone order through the night on the wall clock', () => {
		const timeline: SlaTimeline = {
			urgency: 'urgent',
			channel: 'phone',
			reportedAt: monday('22:00'),
			submittedAt: monday('22:04'),
			acceptedAt: monday('22:05'),
			assignedAt: monday('22:08'),
			contactedAt: monday('22:20'),
			arrivedAt: monday('22:30'),
			resolvedAt: at('2026-03-03T01:00:00+08:00'),
			pauses: [],
		};
		expect(
			summary(computeClocks(timeline, DEFAULT_SLA_RULES, calendar, at('2026-03-03T01:30:00+08:00'))),
		).toEqual([
			{ clock: 'phone_entry', state: 'met', dueAt: monday('22:10').toISOString(), usedFraction: 0.4 },
			{ clock: 'accept', state: 'met', dueAt: monday('22:09').toISOString(), usedFraction: 0.2 },
			{ clock: 'dispatch', state: 'met', dueAt: monday('22:09').toISOString(), usedFraction: 0.8 },
			{ clock: 'contact', state: 'met', dueAt: monday('22:38').toISOString(), usedFraction: 0.4 },
			{ clock: 'on_site', state: 'missed', dueAt: monday('22:19').toISOString(), usedFraction: 26 / 15 },
			{
				clock: 'resolve',
				state: 'met',
				dueAt: at('2026-03-03T02:04:00+08:00').toISOString(),
				usedFraction: 176 / 240,
			},
			{
				clock: 'feedback',
				state: 'on_track',
				dueAt: at('2026-03-04T01:00:00+08:00').toISOString(),
				usedFraction: 30 / 1440,
			},
		]);
	});

	it.each([
		['a phone report without the time of the call', { channel: 'phone' }],
		['a report from another channel', { channel: 'kiosk', reportedAt: monday('09:55') }],
	])('leaves out the phone-entry clock for %s', (_, extra) => {
		const timeline: SlaTimeline = {
			urgency: 'important',
			submittedAt: monday('10:00'),
			pauses: [],
			...extra,
		};
		expect(
			computeClocks(timeline, DEFAULT_SLA_RULES, calendar, monday('10:01')).map((c) => c.clock),
		).not.toContain('phone_entry');
	});

	it('misses the phone-entry clock when the call is entered after 10 minutes', () => {
		const timeline: SlaTimeline = {
			urgency: 'general',
			channel: 'phone',
			reportedAt: monday('10:00'),
			submittedAt: monday('10:12'),
			pauses: [],
		};
		const [phoneEntry] = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, monday('10:13'));
		expect(phoneEntry).toMatchObject({
			clock: 'phone_entry',
			state: 'missed',
			completedAt: monday('10:12'),
			usedFraction: 1.2,
		});
	});

	it.each([
		['09:10', undefined, 'on_track'],
		['09:24', undefined, 'at_risk'],
		['09:30', undefined, 'at_risk'],
		['09:31', undefined, 'breached'],
		['10:00', '09:20', 'met'],
		['10:00', '09:30', 'met'],
		['10:00', '09:45', 'missed'],
	])('reads the 30-minute accept clock at %s (accepted at %s) as %s', (now, acceptedAt, state) => {
		const timeline: SlaTimeline = {
			urgency: 'important',
			submittedAt: monday('09:00'),
			...(acceptedAt ? { acceptedAt: monday(acceptedAt) } : {}),
			pauses: [],
		};
		const accept = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, monday(now)).find(
			(c) => c.clock === 'accept',
		);
		expect(accept?.state).toBe(state);
		expect(accept?.dueAt).toEqual(monday('09:30'));
	});

	it('gives a same-day order filed after hours until the end of the next working day', () => {
		const timeline: SlaTimeline = {
			urgency: 'general',
			submittedAt: at('2026-09-30T19:00:00+08:00'),
			pauses: [],
		};
		const dispatch = computeClocks(
			timeline,
			DEFAULT_SLA_RULES,
			calendar,
			at('2026-10-01T12:00:00+08:00'),
		).find((c) => c.clock === 'dispatch');
		expect(dispatch).toMatchObject({
			state: 'on_track',
			dueAt: at('2026-10-08T18:00:00+08:00'),
			usedFraction: 0,
		});
	});

	it('starts the contact clock when the order is assigned', () => {
		const base: SlaTimeline = {
			urgency: 'general',
			submittedAt: monday('10:00'),
			acceptedAt: monday('10:05'),
			pauses: [],
		};
		const before = computeClocks(base, DEFAULT_SLA_RULES, calendar, monday('10:10')).find(
			(c) => c.clock === 'contact',
		);
		const after = computeClocks(
			{ ...base, assignedAt: monday('10:20') },
			DEFAULT_SLA_RULES,
			calendar,
			monday('10:45'),
		).find((c) => c.clock === 'contact');
		expect(before).toMatchObject({ state: 'pending', startedAt: null, dueAt: null });
		expect(after).toMatchObject({ state: 'at_risk', startedAt: monday('10:20'), dueAt: monday('10:50') });
	});

	it('follows the rules it is given, leaving out clocks without a target', () => {
		const rules = {
			urgent: {},
			important: {},
			general: { resolve: { measure: 'clock', minutes: 60 } },
		} as const;
		const timeline: SlaTimeline = { urgency: 'general', submittedAt: monday('10:00'), pauses: [] };
		expect(summary(computeClocks(timeline, rules, calendar, monday('10:30')))).toEqual([
			{ clock: 'resolve', state: 'on_track', dueAt: monday('11:00').toISOString(), usedFraction: 0.5 },
		]);
	});
});

describe('computeClocks with pauses', () => {
	// Paused 10:30–12:30 on Monday: two hours, all inside working hours.
	it.each([
		[
			'general',
			{
				dispatch: monday('18:00'), // same day: 480 working minutes from 10:00 → Tuesday 11:00 with the pause
				resolve: at('2026-03-05T10:00:00+08:00'), // 1620 working minutes → Thursday 12:00 with the pause
			},
		],
		[
			'important',
			{
				dispatch: monday('11:00'),
				on_site: monday('14:00'),
				resolve: at('2026-03-03T10:00:00+08:00'),
			},
		],
		['urgent', { resolve: monday('14:00') }],
	] as const)(
		'moves every running deadline of a %s order by exactly the 2 working hours of the pause',
		(urgency, unpausedDue) => {
			const base: SlaTimeline = {
				urgency,
				submittedAt: monday('10:00'),
				acceptedAt: monday('10:05'),
				...(urgency === 'urgent' ? { assignedAt: monday('10:08'), contactedAt: monday('10:20') } : {}),
				pauses: [],
			};
			const now = monday('13:00');
			const unpaused = computeClocks(base, DEFAULT_SLA_RULES, calendar, now);
			const paused = computeClocks(
				{ ...base, pauses: [{ from: monday('10:30'), to: monday('12:30') }] },
				DEFAULT_SLA_RULES,
				calendar,
				now,
			);
			for (const [clock, due] of Object.entries(unpausedDue) as [SlaClock, Date][]) {
				const before = dueOf(unpaused, clock);
				const after = dueOf(paused, clock);
				expect(before).toEqual(due);
				expect(after && before && workingMinutesBetween(calendar, before, after)).toBe(120);
			}
			for (const clock of paused) {
				if (!(clock.clock in unpausedDue)) expect(clock.dueAt).toEqual(dueOf(unpaused, clock.clock));
			}
		},
	);

	it('moves a working-time deadline by the working time inside an overnight pause and a wall-clock one by its wall time', () => {
		const pauses = [{ from: monday('17:00'), to: at('2026-03-03T10:00:00+08:00') }];
		const now = at('2026-03-03T10:30:00+08:00');
		const general = computeClocks(
			{ urgency: 'general', submittedAt: monday('10:00'), pauses },
			DEFAULT_SLA_RULES,
			calendar,
			now,
		);
		const important = computeClocks(
			{ urgency: 'important', submittedAt: monday('10:00'), pauses },
			DEFAULT_SLA_RULES,
			calendar,
			now,
		);
		expect(dueOf(general, 'resolve')).toEqual(at('2026-03-05T12:00:00+08:00'));
		expect(dueOf(general, 'dispatch')).toEqual(at('2026-03-03T11:00:00+08:00'));
		expect(dueOf(important, 'resolve')).toEqual(at('2026-03-04T03:00:00+08:00'));
	});

	it('shows running clocks as paused while a pause lasts, with the deadline as if it ended now', () => {
		const timeline: SlaTimeline = {
			urgency: 'general',
			submittedAt: monday('10:00'),
			pauses: [{ from: monday('11:00'), to: null }],
		};
		const clocks = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, monday('12:00'));
		expect(summary(clocks)).toEqual([
			{ clock: 'accept', state: 'breached', dueAt: monday('10:30').toISOString(), usedFraction: 2 },
			{
				clock: 'dispatch',
				state: 'paused',
				dueAt: at('2026-03-03T10:00:00+08:00').toISOString(),
				usedFraction: 60 / 480,
			},
			{ clock: 'contact', state: 'pending', dueAt: null, usedFraction: 0 },
			{
				clock: 'resolve',
				state: 'paused',
				dueAt: at('2026-03-05T11:00:00+08:00').toISOString(),
				usedFraction: 60 / 1620,
			},
			{ clock: 'feedback', state: 'pending', dueAt: null, usedFraction: 0 },
		]);
	});

	it('merges overlapping pauses so that no time is taken off twice', () => {
		const pauses = [
			{ from: monday('10:45'), to: monday('11:15') },
			{ from: monday('10:30'), to: monday('11:00') },
		];
		const clocks = computeClocks(
			{ urgency: 'important', submittedAt: monday('10:00'), pauses },
			DEFAULT_SLA_RULES,
			calendar,
			monday('12:00'),
		);
		expect(dueOf(clocks, 'on_site')).toEqual(monday('14:45'));
		expect(dueOf(clocks, 'resolve')).toEqual(at('2026-03-03T10:45:00+08:00'));
	});

	it('counts only the part of a pause after a clock started and before it stopped', () => {
		const timeline: SlaTimeline = {
			urgency: 'important',
			submittedAt: monday('10:00'),
			acceptedAt: monday('10:05'),
			assignedAt: monday('10:20'),
			pauses: [{ from: monday('10:10'), to: monday('10:40') }],
		};
		const clocks = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, monday('10:50'));
		expect(clocks.find((c) => c.clock === 'accept')).toMatchObject({ state: 'met', dueAt: monday('10:30') });
		expect(clocks.find((c) => c.clock === 'contact')).toMatchObject({
			state: 'on_track',
			dueAt: monday('11:10'),
			usedFraction: 10 / 30,
		});
	});
});

const target = { measure: 'clock', minutes: 30 } as const;
const measure = 'clock' as const;

function clockIn(state: SlaClockState, dueAt: Date, clock: SlaClock = 'accept'): SlaClockStatus {
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
				startedAt: monday('09:00'),
				dueAt,
				completedAt: monday('10:00'),
				usedFraction: 0.5,
				remainingMs: 15 * 60_000,
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
				startedAt: monday('09:00'),
				dueAt,
				completedAt: null,
				usedFraction: 0.5,
				remainingMs: 15 * 60_000,
			};
	}
}

describe('isRunning', () => {
	it.each([
		['on_track', true],
		['at_risk', true],
		['breached', true],
		['paused', false],
		['pending', false],
		['met', false],
		['missed', false],
	] as const)('counts a %s clock as running: %s', (state, expected) => {
		expect(isRunning(clockIn(state, monday('12:00')))).toBe(expected);
	});
});

describe('nextDeadline', () => {
	it.each([
		[
			'the soonest running clock',
			[clockIn('on_track', monday('18:00'), 'resolve'), clockIn('at_risk', monday('11:00'), 'dispatch')],
			'dispatch',
		],
		[
			'a breached clock before later ones',
			[clockIn('on_track', monday('11:00'), 'dispatch'), clockIn('breached', monday('10:30'), 'accept')],
			'accept',
		],
		[
			'no paused or finished clock',
			[
				clockIn('paused', monday('10:00'), 'resolve'),
				clockIn('met', monday('09:30'), 'accept'),
				clockIn('pending', monday('09:00'), 'contact'),
			],
			null,
		],
		['nothing for no clocks', [], null],
	] as const)('picks %s', (_, clocks, expected) => {
		expect(nextDeadline(clocks)?.clock ?? null).toBe(expected);
	});
});

describe('slaState', () => {
	it.each([
		[['on_track', 'breached', 'at_risk'], 'breached'],
		[['on_track', 'at_risk', 'met'], 'at_risk'],
		[['pending', 'on_track', 'missed'], 'on_track'],
		[['paused', 'pending', 'met'], 'paused'],
		[['met', 'missed', 'pending'], 'missed'],
		[['met', 'pending'], 'met'],
		[['pending'], 'pending'],
		[[], 'pending'],
	] as const)('sums up %j as %s', (states, expected) => {
		expect(slaState(states.map((s) => clockIn(s, monday('12:00'))))).toBe(expected);
	});
});

describe('the time left on each clock', () => {
	const timeline: SlaTimeline = { urgency: 'general', submittedAt: monday('10:00'), pauses: [] };
	const clockAt = (now: Date, clock: SlaClock) =>
		computeClocks(timeline, DEFAULT_SLA_RULES, calendar, now).find((c) => c.clock === clock);

	it('counts a working-time clock in working time: Wednesday 17:30 leaves half an hour today and one tomorrow', () => {
		// Due Thursday 10:00, 16.5 wall-clock hours away but 90 working minutes.
		const resolve = clockAt(at('2026-03-04T17:30:00+08:00'), 'resolve');
		expect(resolve).toMatchObject({ measure: 'working', state: 'at_risk', remainingMs: 90 * 60_000 });
	});

	it('counts a wall-clock target in wall time, negative once overdue', () => {
		expect(clockAt(monday('10:40'), 'accept')).toMatchObject({
			measure: 'clock',
			state: 'breached',
			remainingMs: -10 * 60_000,
		});
	});

	it('says how far a working-time clock is overdue in working time, nights not counted', () => {
		// Due Thursday 10:00; on Friday 09:30 it is 8.5 working hours late, not 23.5 hours.
		const resolve = clockAt(at('2026-03-06T09:30:00+08:00'), 'resolve');
		expect(resolve).toMatchObject({ state: 'breached', remainingMs: -(480 + 30) * 60_000 });
	});

	it('keeps what was left when a clock stopped, and nothing for one not started', () => {
		const done = computeClocks(
			{ ...timeline, acceptedAt: monday('10:20') },
			DEFAULT_SLA_RULES,
			calendar,
			monday('11:00'),
		);
		expect(done.find((c) => c.clock === 'accept')).toMatchObject({ state: 'met', remainingMs: 10 * 60_000 });
		expect(done.find((c) => c.clock === 'contact')).toMatchObject({ state: 'pending', remainingMs: null });
	});
});
