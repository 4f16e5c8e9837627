import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SLA_RULES,
	SlaClock,
	SlaRules,
	SlaTarget,
	defaultSlaRulesFor,
	slaTargetFor,
} from './sla-rules';
import { WorkingCalendar } from './working-calendar';

describe('SlaTarget', () => {
	it.each([
		[{ measure: 'clock', minutes: 30 }],
		[{ measure: 'working', minutes: 1620 }],
		[{ measure: 'end_of_working_day' }],
	])('accepts %j', (target) => {
		expect(SlaTarget.parse(target)).toEqual(target);
	});

	it.each([
		['negative minutes', { measure: 'clock', minutes: -5 }],
		['zero minutes', { measure: 'working', minutes: 0 }],
		['fractional minutes', { measure: 'clock', minutes: 2.5 }],
		['more than a year', { measure: 'clock', minutes: 367 * 24 * 60 }],
		['missing minutes', { measure: 'working' }],
		['minutes on a same-day target', { measure: 'end_of_working_day', minutes: 60 }],
		['an unknown measure', { measure: 'fortnight', minutes: 1 }],
	])('rejects %s', (_, target) => {
		expect(SlaTarget.safeParse(target).success).toBe(false);
	});
});

describe('SlaRules', () => {
	it('accepts the defaults', () => {
		expect(SlaRules.parse(DEFAULT_SLA_RULES)).toEqual(DEFAULT_SLA_RULES);
	});

	it.each([
		[
			'an unknown clock',
			{
				...DEFAULT_SLA_RULES,
				general: { ...DEFAULT_SLA_RULES.general, coffee: { measure: 'clock', minutes: 5 } },
			},
		],
		['an unknown urgency class', { ...DEFAULT_SLA_RULES, trivial: {} }],
		['a missing urgency class', { urgent: {}, important: {} }],
		['a nonsense target', { ...DEFAULT_SLA_RULES, urgent: { on_site: { measure: 'clock', minutes: -15 } } }],
	])('rejects %s', (_, rules) => {
		expect(SlaRules.safeParse(rules).success).toBe(false);
	});

	it('lets a class have no target for a clock', () => {
		expect(
			SlaRules.safeParse({
				urgent: {},
				important: {},
				general: { resolve: { measure: 'working', minutes: 60 } },
			}).success,
		).toBe(true);
	});
});

describe('DEFAULT_SLA_RULES', () => {
	it.each([
		['urgent', 'on_site', { measure: 'clock', minutes: 15 }],
		['urgent', 'dispatch', { measure: 'clock', minutes: 5 }],
		['important', 'dispatch', { measure: 'clock', minutes: 60 }],
		['important', 'resolve', { measure: 'clock', minutes: 24 * 60 }],
		['general', 'accept', { measure: 'clock', minutes: 30 }],
		['general', 'dispatch', { measure: 'end_of_working_day' }],
		['general', 'resolve', { measure: 'working', minutes: 3 * 540 }],
		['general', 'phone_entry', { measure: 'clock', minutes: 10 }],
		['general', 'contact', { measure: 'clock', minutes: 30 }],
		['important', 'feedback', { measure: 'clock', minutes: 24 * 60 }],
		['general', 'on_site', undefined],
	] as const)('gives %s orders the %s target of SPEC.md', (urgency, clock, target) => {
		expect(slaTargetFor(DEFAULT_SLA_RULES, urgency, clock)).toEqual(target);
	});

	it('gives every urgency class a target for every clock but the general on-site visit', () => {
		const missing = (['urgent', 'important', 'general'] as const).flatMap((u) =>
			SlaClock.options
				.filter((c) => slaTargetFor(DEFAULT_SLA_RULES, u, c) === undefined)
				.map((c) => `${u}.${c}`),
		);
		expect(missing).toEqual(['general.on_site']);
	});
});

describe('defaultSlaRulesFor', () => {
	it('measures "3 working days" in the calendar\'s own day length', () => {
		const withLunch = [
			{ start: '09:00', end: '12:00' },
			{ start: '13:30', end: '18:00' },
		];
		const calendar = WorkingCalendar.parse({
			timeZone: 'Asia/Shanghai',
			week: {
				mon: withLunch,
				tue: withLunch,
				wed: withLunch,
				thu: withLunch,
				fri: withLunch,
				sat: [],
				sun: [],
			},
		});
		const rules = defaultSlaRulesFor(calendar);
		expect(rules.general.resolve).toEqual({ measure: 'working', minutes: 3 * 450 });
		expect(rules.important).toEqual(DEFAULT_SLA_RULES.important);
		expect(rules.general.dispatch).toEqual(DEFAULT_SLA_RULES.general.dispatch);
	});
});
