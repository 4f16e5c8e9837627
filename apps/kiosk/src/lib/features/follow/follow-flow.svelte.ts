import type { ApiResult } from '$lib/api/http';
import type { KioskProgress } from '$lib/api/wire';
import { m } from '$lib/paraglide/messages';
import type { KioskContext } from '$lib/state/kiosk-context';
import { lookupProblem, ratingProblem, reduceFollow, reopenProblem, startFollow } from './follow-machine';
import type { FollowEvent, FollowProblem, FollowState } from './follow-machine';
import { requestCodeOf } from './request-code-entry';
import { reopenReasonOf } from './timeline';
import { reopenReasonLabel } from './follow-labels';

/** What a failed call shows: wrong code or digits, too many tries, not possible now, or no answer. */
function problemOf(result: Extract<ApiResult<unknown>, { ok: false }>): FollowProblem {
	const { failure } = result;
	if (failure.kind !== 'problem') return { code: 'unreachable' };
	if (failure.problem.status === 429) return { code: 'too_many_attempts' };
	if (failure.problem.status === 409) return { code: 'not_now' };
	return { code: 'mismatch' };
}

/**
 * Following a request: the state lives in the session and changes only through `reduceFollow`; this
 * class makes the api calls and drops answers that arrive after the resident left.
 */
export class FollowFlow {
	busy: 'lookup' | 'rate' | 'reopen' | null = $state(null);
	readonly #deps: Pick<KioskContext, 'api' | 'session'>;

	constructor(deps: Pick<KioskContext, 'api' | 'session'>) {
		this.#deps = deps;
		if (deps.session.follow === null) deps.session.follow = startFollow();
	}

	get state(): FollowState {
		return this.#deps.session.follow ?? startFollow();
	}

	dispatch(event: FollowEvent): void {
		const state = this.#deps.session.follow;
		if (state !== null) this.#deps.session.follow = reduceFollow(state, event);
	}

	async #call(
		busy: NonNullable<FollowFlow['busy']>,
		problem: FollowProblem | null,
		call: () => Promise<ApiResult<KioskProgress>>,
		done: (progress: KioskProgress) => FollowEvent,
	): Promise<void> {
		if (this.busy !== null) return;
		if (problem !== null) {
			this.dispatch({ type: 'failed', problem });
			return;
		}
		const generation = this.#deps.session.generation;
		this.busy = busy;
		const result = await call();
		if (generation !== this.#deps.session.generation) return;
		this.busy = null;
		this.dispatch(result.ok ? done(result.value) : { type: 'failed', problem: problemOf(result) });
	}

	lookup(): Promise<void> {
		const { code, digits } = this.state;
		return this.#call(
			'lookup',
			lookupProblem(this.state),
			() => this.#deps.api.lookup(requestCodeOf(code) ?? code, digits),
			(progress) => ({ type: 'found', progress }),
		);
	}

	rate(): Promise<void> {
		const state = this.state;
		const { speed, result, attitude } = state.ratings;
		return this.#call(
			'rate',
			ratingProblem(state),
			() =>
				this.#deps.api.feedback(state.progress?.code ?? '', {
					phoneLast4: state.digits,
					ratings: { speed: speed ?? 0, result: result ?? 0, attitude: attitude ?? 0 },
					comment: state.comment.trim() === '' ? null : state.comment.trim(),
					// Rating is saying it is solved; "not solved" is its own button, which reopens.
					satisfied: true,
				}),
			(progress) => ({ type: 'rated', progress }),
		);
	}

	reopen(): Promise<void> {
		const state = this.state;
		const reason = reopenReasonOf(state.reasons, state.reasonText, {
			reason: reopenReasonLabel,
			separator: m.description_separator(),
		});
		return this.#call(
			'reopen',
			reopenProblem(state),
			() => this.#deps.api.reopen(state.progress?.code ?? '', { phoneLast4: state.digits, reason }),
			(progress) => ({ type: 'reopened', progress }),
		);
	}
}
