import { CODE_KEYS, CODE_LENGTH, requestCodeOf } from './request-code-entry';
import { DIGIT_KEYS, pressKey } from '@estate-ops/ui/keypad';
import type { KioskProgress } from '$lib/api/wire';
import type { ReopenReason } from './timeline';

export const RATING_ASPECTS = ['speed', 'result', 'attitude'] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

export type FollowProblemCode =
	| 'code_required'
	| 'digits_required'
	| 'mismatch'
	| 'too_many_attempts'
	| 'unreachable'
	| 'rating_required'
	| 'reason_required'
	| 'not_now';

export type FollowProblem = { readonly code: FollowProblemCode };

/**
 * Following a request at the kiosk: the code and 4 digits are typed, the request's progress is shown,
 * and a finished one is rated or sent back ("not solved"). The digits stay only as long as the screen
 * does: they are needed again to rate or reopen.
 */
export type FollowState = {
	readonly phase: 'entry' | 'progress' | 'reopen' | 'done';
	readonly code: string;
	readonly digits: string;
	readonly progress: KioskProgress | null;
	readonly ratings: Readonly<Record<RatingAspect, number | null>>;
	readonly comment: string;
	readonly reasons: readonly ReopenReason[];
	readonly reasonText: string;
	readonly outcome: 'rated' | 'reopened' | null;
	readonly problem: FollowProblem | null;
};

export type FollowEvent =
	| { readonly type: 'codeKey'; readonly key: string }
	| { readonly type: 'digitKey'; readonly key: string }
	| { readonly type: 'found'; readonly progress: KioskProgress }
	| { readonly type: 'failed'; readonly problem: FollowProblem }
	| { readonly type: 'rate'; readonly aspect: RatingAspect; readonly value: number }
	| { readonly type: 'writeComment'; readonly text: string }
	| { readonly type: 'notSolved' }
	| { readonly type: 'toggleReason'; readonly reason: ReopenReason }
	| { readonly type: 'writeReason'; readonly text: string }
	| { readonly type: 'cancelReopen' }
	| { readonly type: 'rated'; readonly progress: KioskProgress }
	| { readonly type: 'reopened'; readonly progress: KioskProgress }
	| { readonly type: 'another' };

const MAX_TEXT = 500;

export const startFollow = (): FollowState => ({
	phase: 'entry',
	code: '',
	digits: '',
	progress: null,
	ratings: { speed: null, result: null, attitude: null },
	comment: '',
	reasons: [],
	reasonText: '',
	outcome: null,
	problem: null,
});

/** What keeps the lookup from being asked: a whole code and 4 digits. */
export function lookupProblem(state: FollowState): FollowProblem | null {
	if (requestCodeOf(state.code) === null) return { code: 'code_required' };
	return state.digits.length === 4 ? null : { code: 'digits_required' };
}

export function ratingProblem(state: FollowState): FollowProblem | null {
	return RATING_ASPECTS.every((aspect) => state.ratings[aspect] !== null)
		? null
		: { code: 'rating_required' };
}

export function reopenProblem(state: FollowState): FollowProblem | null {
	return state.reasons.length === 0 && state.reasonText.trim() === '' ? { code: 'reason_required' } : null;
}

export function reduceFollow(state: FollowState, event: FollowEvent): FollowState {
	switch (event.type) {
		case 'codeKey':
			return { ...state, code: pressKey(state.code, event.key, CODE_KEYS, CODE_LENGTH), problem: null };
		case 'digitKey':
			return { ...state, digits: pressKey(state.digits, event.key, DIGIT_KEYS, 4), problem: null };
		case 'found':
			return { ...state, phase: 'progress', progress: event.progress, problem: null };
		case 'failed':
			// Wrong digits are typed again; the code is usually right and stays.
			return {
				...state,
				digits: event.problem.code === 'mismatch' && state.phase === 'entry' ? '' : state.digits,
				problem: event.problem,
			};
		case 'rate':
			return event.value >= 1 && event.value <= 5 && Number.isInteger(event.value)
				? { ...state, ratings: { ...state.ratings, [event.aspect]: event.value }, problem: null }
				: state;
		case 'writeComment':
			return { ...state, comment: event.text.slice(0, MAX_TEXT), problem: null };
		case 'notSolved':
			return state.progress?.canReopen === true ? { ...state, phase: 'reopen', problem: null } : state;
		case 'toggleReason':
			return {
				...state,
				reasons: state.reasons.includes(event.reason)
					? state.reasons.filter((reason) => reason !== event.reason)
					: [...state.reasons, event.reason],
				problem: null,
			};
		case 'writeReason':
			return { ...state, reasonText: event.text.slice(0, MAX_TEXT), problem: null };
		case 'cancelReopen':
			return state.phase === 'reopen' ? { ...state, phase: 'progress', problem: null } : state;
		case 'rated':
			return { ...state, phase: 'done', progress: event.progress, outcome: 'rated', problem: null };
		case 'reopened':
			return { ...state, phase: 'done', progress: event.progress, outcome: 'reopened', problem: null };
		case 'another':
			return startFollow();
	}
}
