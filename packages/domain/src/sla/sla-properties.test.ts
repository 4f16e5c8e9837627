import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, MINUTE_MS } from '../shared/time';
import type { SlaPause, SlaTimeline } from './sla-clocks';
import { computeClocks } from './sla-clocks';
import { DEFAULT_SLA_RULES } from './sla-rules';
import { WorkingCalendar } from './working-calendar';
import {
	addWorkingMinutes,
	endOfWorkingDay,
	isWorkingTime,
	nextWorkingStart,
	workingMinutesBetween,
} from './working-time';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const withLunch = [
	{ start: '09:00', end: '12:00' },
	{ start: '13:30', end: '18:00' },
];
const weekdays = (hours: typeof nineToSix) => ({
	mon: hours,
	tue: hours,
	wed: hours,
	thu: hours,
	fri: hours,
	sat: [],
	sun: [],
});

const calendars = [
	WorkingCalendar.parse({
		timeZone: 'Asia/Shanghai',
		week: weekdays(nineToSix),
		holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
			date: `2026-10-${d}`,
			name: '国庆节',
		})),
		adjustedWorkingDays: [
			{ date: '2026-09-20', hours: nineToSix },
			{ date: '2026-10-10', hours: nineToSix },
		],
	}),
	WorkingCalendar.parse({ timeZone: 'Asia/Shanghai', week: weekdays(withLunch) }),
	WorkingCalendar.parse({
		timeZone: 'Europe/Berlin',
		week: { ...weekdays(nineToSix), sat: [{ start: '09:00', end: '13:00' }] },
	}),
	WorkingCalendar.parse({
		timeZone: 'America/New_York',
		week: { ...weekdays([{ start: '00:00', end: '24:00' }]), sun: [{ start: '00:00', end: '24:00' }] },
	}),
	WorkingCalendar.parse({
		timeZone: 'Europe/Berlin',
		week: weekdays([
			{ start: '01:30', end: '02:30' },
			{ start: '22:00', end: '24:00' },
		]),
	}),
];

const calendarArb = fc.constantFrom(...calendars);
/** Around two years that include both DST changes in Berlin and New York and 2026 National Day. */
const instantArb = fc.date({
	min: new Date('2026-01-01T00:00:00Z'),
	max: new Date('2027-12-31T00:00:00Z'),
	noInvalidDate: true,
});
const minutesArb = fc.integer({ min: 0, max: 6000 });
const HOUR = 60;

/** A work order moving through its steps at random intervals, with random pauses, read at a random `now`. */
const timelineArb = fc
	.record({
		urgency: fc.constantFrom('urgent', 'important', 'general'),
		phone: fc.boolean(),
		submittedAt: instantArb,
		gaps: fc.array(fc.integer({ min: 0, max: 48 * HOUR }), { minLength: 6, maxLength: 6 }),
		stepsDone: fc.integer({ min: 0, max: 6 }),
		pauses: fc.array(
			fc.record({
				after: fc.integer({ min: 0, max: 96 * HOUR }),
				length: fc.option(fc.integer({ min: 1, max: 72 * HOUR })),
			}),
			{ maxLength: 3 },
		),
		nowAfter: fc.integer({ min: 0, max: 14 * 24 * HOUR }),
	})
	.map(({ urgency, phone, submittedAt, gaps, stepsDone, pauses, nowAfter }) => {
		const minutesAfterSubmit = (m: number) => new Date(submittedAt.getTime() + m * MINUTE_MS);
		const stepTimes = gaps
			.reduce<number[]>((times, gap) => [...times, (times.at(-1) ?? 0) + gap], [])
			.map(minutesAfterSubmit);
		const steps = [
			'acceptedAt',
			'assignedAt',
			'contactedAt',
			'arrivedAt',
			'resolvedAt',
			'feedbackAt',
		] as const;
		const timeline: SlaTimeline = {
			urgency,
			submittedAt,
			...(phone ? { channel: 'phone', reportedAt: minutesAfterSubmit(-7) } : {}),
			...Object.fromEntries(steps.slice(0, stepsDone).map((step, n) => [step, stepTimes[n]])),
			pauses: pauses.map((p): SlaPause => ({
				from: minutesAfterSubmit(p.after),
				to: p.length === null ? null : minutesAfterSubmit(p.after + p.length),
			})),
		};
		return { timeline, now: minutesAfterSubmit(nowAfter) };
	});

const pauseArb = fc
	.record({
		after: fc.integer({ min: -24 * HOUR, max: 96 * HOUR }),
		length: fc.option(fc.integer({ min: 1, max: 72 * HOUR })),
	})
	.map(({ after, length }) => ({ after, length }));

describe('working time, for any calendar and instant', () => {
	it('never puts a deadline before its start', () => {
		fc.assert(
			fc.property(calendarArb, instantArb, minutesArb, (calendar, start, minutes) => {
				expect(addWorkingMinutes(calendar, start, minutes).getTime()).toBeGreaterThanOrEqual(start.getTime());
			}),
		);
	});

	it('counts back exactly the working minutes it added from a working start', () => {
		fc.assert(
			fc.property(calendarArb, instantArb, minutesArb, (calendar, instant, minutes) => {
				const start = nextWorkingStart(calendar, instant);
				expect(isWorkingTime(calendar, start)).toBe(true);
				expect(workingMinutesBetween(calendar, start, addWorkingMinutes(calendar, start, minutes))).toBe(
					minutes,
				);
			}),
		);
	});

	it('adds up working minutes over consecutive spans', () => {
		fc.assert(
			fc.property(calendarArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (calendar, instants) => {
				const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
				const whole = workingMinutesBetween(calendar, a, c);
				expect(workingMinutesBetween(calendar, a, b) + workingMinutesBetween(calendar, b, c)).toBeCloseTo(
					whole,
					6,
				);
			}),
			{ numRuns: 30 },
		);
	});

	it('never brings a working-time deadline earlier when a holiday is added', () => {
		fc.assert(
			fc.property(
				calendarArb,
				instantArb,
				minutesArb,
				fc.integer({ min: -1, max: 20 }),
				(calendar, start, minutes, daysAhead) => {
					const holiday = {
						date: addDays(localDateOf(start, calendar.timeZone), daysAhead),
						name: '新增假日',
					};
					const withHoliday: WorkingCalendar = { ...calendar, holidays: [...calendar.holidays, holiday] };
					expect(addWorkingMinutes(withHoliday, start, minutes).getTime()).toBeGreaterThanOrEqual(
						addWorkingMinutes(calendar, start, minutes).getTime(),
					);
					expect(endOfWorkingDay(withHoliday, start).getTime()).toBeGreaterThanOrEqual(
						endOfWorkingDay(calendar, start).getTime(),
					);
				},
			),
		);
	});
});

describe('SLA clocks, for any work order', () => {
	it('never puts a deadline before the clock started', () => {
		fc.assert(
			fc.property(calendarArb, timelineArb, (calendar, { timeline, now }) => {
				for (const clock of computeClocks(timeline, DEFAULT_SLA_RULES, calendar, now)) {
					if (clock.startedAt)
						expect(clock.dueAt.getTime()).toBeGreaterThanOrEqual(clock.startedAt.getTime());
				}
			}),
		);
	});

	it('never brings a deadline earlier when a pause is added', () => {
		fc.assert(
			fc.property(calendarArb, timelineArb, pauseArb, (calendar, { timeline, now }, pause) => {
				const from = new Date(timeline.submittedAt.getTime() + pause.after * MINUTE_MS);
				const to = pause.length === null ? null : new Date(from.getTime() + pause.length * MINUTE_MS);
				const before = computeClocks(timeline, DEFAULT_SLA_RULES, calendar, now);
				const after = computeClocks(
					{ ...timeline, pauses: [...timeline.pauses, { from, to }] },
					DEFAULT_SLA_RULES,
					calendar,
					now,
				);
				expect(after.map((c) => c.clock)).toEqual(before.map((c) => c.clock));
				after.forEach((clock, n) => {
					const earlier = before[n]?.dueAt;
					if (clock.dueAt && earlier) expect(clock.dueAt.getTime()).toBeGreaterThanOrEqual(earlier.getTime());
				});
			}),
		);
	});

	// A paused "same day" clock is excluded: its allowance is the working time left in the day it was filed, and a
	// holiday can make that day a shorter one (a half-day Saturday), so its paused deadline may come earlier.
	it('never brings a general order deadline earlier when a holiday is added', () => {
		fc.assert(
			fc.property(
				calendarArb,
				timelineArb,
				fc.integer({ min: 0, max: 10 }),
				(calendar, { timeline, now }, daysAhead) => {
					const general = { ...timeline, urgency: 'general' as const };
					const holiday = {
						date: addDays(localDateOf(general.submittedAt, calendar.timeZone), daysAhead),
						name: '新增假日',
					};
					const withHoliday: WorkingCalendar = { ...calendar, holidays: [...calendar.holidays, holiday] };
					const before = computeClocks(general, DEFAULT_SLA_RULES, calendar, now);
					const after = computeClocks(general, DEFAULT_SLA_RULES, withHoliday, now);
					after.forEach((clock, n) => {
						const earlier = before[n]?.dueAt;
						const comparable =
							clock.target.measure === 'working' ||
							(clock.target.measure === 'end_of_working_day' && general.pauses.length === 0);
						if (comparable && clock.dueAt && earlier)
							expect(clock.dueAt.getTime()).toBeGreaterThanOrEqual(earlier.getTime());
					});
				},
			),
		);
	});
});
