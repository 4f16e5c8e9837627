import { describe, expect, it } from 'vitest';
import type { KioskProgress } from '$lib/api/wire';
import { CODE_KEYS, requestCodeOf } from './request-code-entry';
import { reopenReasonOf, timelineOf } from './timeline';

describe('requestCodeOf', () => {
	it.each([
		['R7KQ2MX', 'R7KQ2MX'],
		['r7kq2mx', 'R7KQ2MX'],
		['R7KQ2M', null],
		['', null],
		['RR7KQ2MX', null],
	])('reads %j as %j', (entry, code) => {
		expect(requestCodeOf(entry)).toBe(code);
	});

	it('offers the 32 characters of request codes and none that residents confuse', () => {
		expect(CODE_KEYS).toHaveLength(32);
		expect(CODE_KEYS).not.toContain('0');
		expect(CODE_KEYS).not.toContain('O');
		expect(CODE_KEYS).not.toContain('1');
		expect(CODE_KEYS).not.toContain('I');
	});
});

const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);

const progress = (change: Partial<KioskProgress> = {}): KioskProgress => ({
	code: 'R7KQ2MX',
	kind: 'repair',
	category: 'plumbing',
	urgency: 'general',
	status: 'assigned',
	paused: false,
	reopenCount: 0,
	steps: {
		submittedAt: at('01:00'),
		acceptedAt: at('01:05'),
		assignedAt: at('01:10'),
		contactedAt: null,
		arrivedAt: null,
		resolvedAt: null,
		feedbackAt: null,
		closedAt: null,
		cancelledAt: null,
	},
	next: { step: 'contact', dueBy: at('01:40') },
	technician: { name: '王师傅' },
	expectedBy: at('01:40'),
	canRate: false,
	canReopen: false,
	...change,
});

describe('timelineOf', () => {
	it('tells the steps taken with their times, then what comes next and by when', () => {
		expect(timelineOf(progress())).toEqual([
			{ kind: 'done', event: 'submitted', at: at('01:00') },
			{ kind: 'done', event: 'accepted', at: at('01:05') },
			{ kind: 'done', event: 'assigned', at: at('01:10') },
			{ kind: 'next', step: 'contact', dueBy: at('01:40') },
		]);
	});

	it('orders by time after a reopening, when the steps were taken again', () => {
		const reopened = progress({
			reopenCount: 1,
			steps: { ...progress().steps, resolvedAt: at('02:00'), assignedAt: at('03:00') },
			next: null,
		});
		expect(timelineOf(reopened).map((entry) => (entry.kind === 'done' ? entry.event : entry.step))).toEqual([
			'submitted',
			'accepted',
			'resolved',
			'assigned',
		]);
	});
});

describe('reopenReasonOf', () => {
	it('joins the chosen reasons and the resident’s words', () => {
		const words = { reason: (key: string) => `<${key}>`, separator: '；' };
		expect(reopenReasonOf(['still_broken', 'left_mess'], '  水还在滴 ', words)).toBe(
			'<still_broken>；<left_mess>；水还在滴',
		);
		expect(reopenReasonOf([], '', words)).toBe('');
	});
});
