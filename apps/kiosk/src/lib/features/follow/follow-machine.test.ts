import { describe, expect, it } from 'vitest';
import type { KioskProgress } from '$lib/api/wire';
import { lookupProblem, ratingProblem, reduceFollow, reopenProblem, startFollow } from './follow-machine';
import type { FollowEvent, FollowState } from './follow-machine';

const progress = (change: Partial<KioskProgress> = {}): KioskProgress => ({
	code: 'R7KQ2MX',
	kind: 'repair',
	category: 'plumbing',
	urgency: 'general',
	status: 'resolved',
	paused: false,
	reopenCount: 0,
	steps: {
		submittedAt: new Date('2026-03-02T01:00:00Z'),
		acceptedAt: null,
		assignedAt: null,
		contactedAt: null,
		arrivedAt: null,
		resolvedAt: null,
		feedbackAt: null,
		closedAt: null,
		cancelledAt: null,
	},
	next: null,
	technician: null,
	expectedBy: null,
	canRate: true,
	canReopen: true,
	...change,
});

const keys = (type: 'codeKey' | 'digitKey', text: string): FollowEvent[] =>
	[...text].map((key) => ({ type, key }));
const run = (...events: FollowEvent[]): FollowState => events.reduce(reduceFollow, startFollow());

describe('reduceFollow', () => {
	it('takes the code from the code keypad and the digits from the digit keypad, each to its length', () => {
		const state = run(...keys('codeKey', 'R7KQ2MXZ'), ...keys('digitKey', '56789'), {
			type: 'codeKey',
			key: '0',
		});
		expect(state).toMatchObject({ code: 'R7KQ2MX', digits: '5678' });
		expect(lookupProblem(state)).toBeNull();
	});

	it.each<[string, FollowEvent[], string]>([
		['no code', keys('digitKey', '5678'), 'code_required'],
		['half a code', [...keys('codeKey', 'R7K'), ...keys('digitKey', '5678')], 'code_required'],
		['no digits', keys('codeKey', 'R7KQ2MX'), 'digits_required'],
	])('will not look up with %s', (_, events, code) => {
		expect(lookupProblem(run(...events))?.code).toBe(code);
	});

	it('clears the digits, not the code, when they do not match', () => {
		const state = run(...keys('codeKey', 'R7KQ2MX'), ...keys('digitKey', '1234'), {
			type: 'failed',
			problem: { code: 'mismatch' },
		});
		expect(state).toMatchObject({ code: 'R7KQ2MX', digits: '', problem: { code: 'mismatch' } });
	});

	it('shows the progress once found', () => {
		expect(run({ type: 'found', progress: progress() })).toMatchObject({
			phase: 'progress',
			progress: { code: 'R7KQ2MX' },
		});
	});

	it('rates speed, result and attitude from 1 to 5 stars and needs all three', () => {
		let state = run({ type: 'found', progress: progress() }, { type: 'rate', aspect: 'speed', value: 5 });
		expect(ratingProblem(state)?.code).toBe('rating_required');
		state = run(
			{ type: 'found', progress: progress() },
			{ type: 'rate', aspect: 'speed', value: 5 },
			{ type: 'rate', aspect: 'result', value: 4 },
			{ type: 'rate', aspect: 'attitude', value: 9 },
		);
		expect(state.ratings).toEqual({ speed: 5, result: 4, attitude: null });
		state = reduceFollow(state, { type: 'rate', aspect: 'attitude', value: 3 });
		expect(ratingProblem(state)).toBeNull();
		expect(reduceFollow(state, { type: 'rated', progress: progress({ status: 'feedback' }) })).toMatchObject({
			phase: 'done',
			outcome: 'rated',
		});
	});

	it('opens the "not solved" form only for a request that can be reopened', () => {
		expect(run({ type: 'found', progress: progress() }, { type: 'notSolved' }).phase).toBe('reopen');
		expect(
			run({ type: 'found', progress: progress({ canReopen: false }) }, { type: 'notSolved' }).phase,
		).toBe('progress');
	});

	it('needs a reason chip or some words to reopen, and can be cancelled', () => {
		let state = run({ type: 'found', progress: progress() }, { type: 'notSolved' });
		expect(reopenProblem(state)?.code).toBe('reason_required');
		state = reduceFollow(state, { type: 'toggleReason', reason: 'still_broken' });
		expect(reopenProblem(state)).toBeNull();
		expect(reduceFollow(state, { type: 'toggleReason', reason: 'still_broken' }).reasons).toEqual([]);
		expect(reopenProblem(reduceFollow(state, { type: 'writeReason', text: '还在滴水' }))).toBeNull();
		expect(reduceFollow(state, { type: 'cancelReopen' }).phase).toBe('progress');
	});

	it('forgets everything, digits included, to look up another request', () => {
		const state = run(...keys('codeKey', 'R7KQ2MX'), ...keys('digitKey', '5678'), {
			type: 'found',
			progress: progress(),
		});
		expect(reduceFollow(state, { type: 'another' })).toEqual(startFollow());
	});
});
