import type { Problem } from '$lib/api/http';
import type { QueuedFiling } from '$lib/offline/outbox';
import { absoluteUrl, newPublicToken, statusUrlOf } from '$lib/offline/public-token';
import type { KioskContext } from '$lib/state/kiosk-context';
import { emergencyOf } from './emergency';
import type { Emergency } from './emergency';
import { descriptionOf, filingOf } from './filing-body';
import type { FilingKind } from './filing-kinds';
import { filingWords } from './filing-labels';
import { needsVerification, reduceFiling, startFiling } from './filing-machine';
import type { FilingDraft, FilingEvent, FilingProblem } from './filing-machine';

export type FilingFlowDeps = Pick<KioskContext, 'api' | 'outbox' | 'session' | 'now'> & {
	/** The kiosk's origin, for the status page's address. */
	readonly origin: string;
	readonly newIdempotencyKey?: () => string;
	readonly newPublicToken?: () => string;
};

/** The problem a refusal from the api shows, or where it sends the resident back to. */
function refusalOf(problem: Problem): FilingProblem {
	if (problem.status === 429) return { code: 'too_many_attempts' };
	if (problem.code === 'ROOM.NOT_FOUND') return { code: 'room_unknown' };
	const detail = problem.errors?.map((error) => error.message).join('; ') || problem.detail || problem.title;
	return { code: 'refused', detail };
}

/**
 * A filing at the kiosk: the draft lives in the session (see KioskSession) and changes only through the
 * pure `reduceFiling`; this class adds the api calls (checking the digits, sending) and drops any answer
 * that arrives after the resident has left.
 */
export class FilingFlow {
	/** An api call under way: the buttons that would start another are busy. */
	busy: 'verify' | 'submit' | null = $state(null);

	readonly #deps: FilingFlowDeps;

	constructor(deps: FilingFlowDeps, kind: FilingKind) {
		this.#deps = deps;
		const current = deps.session.filing;
		if (current === null || current.kind !== kind || current.step === 'receipt') {
			deps.session.filing = startFiling(kind);
		}
	}

	get draft(): FilingDraft {
		return this.#deps.session.filing ?? startFiling('repair');
	}

	/** The request's text as it stands, in the language on screen. */
	readonly description: string = $derived(descriptionOf(this.draft, filingWords()));

	/** Shown the moment an urgent phrase is chosen or urgent words are typed. */
	readonly emergency: Emergency = $derived(
		this.draft.category === null
			? { urgent: false, hazards: [] }
			: emergencyOf({ kind: this.draft.kind, category: this.draft.category, description: this.description }),
	);

	dispatch(event: FilingEvent): void {
		const draft = this.#deps.session.filing;
		if (draft !== null) this.#deps.session.filing = reduceFiling(draft, event);
	}

	/** "Next": on the verify step, first asks the api whether the digits are the household's. */
	async next(): Promise<void> {
		if (this.busy !== null) return;
		const draft = this.draft;
		if (!needsVerification(draft) || draft.room === null) {
			this.dispatch({ type: 'next' });
			return;
		}
		const generation = this.#deps.session.generation;
		this.busy = 'verify';
		const result = await this.#deps.api.verify(draft.room.id, draft.digits);
		if (generation !== this.#deps.session.generation) return;
		this.busy = null;
		if (result.ok) {
			this.dispatch({ type: 'verified', outcome: result.value.verified ? 'verified' : 'mismatch' });
		} else if (result.failure.kind === 'problem') {
			this.dispatch({ type: 'refused', problem: refusalOf(result.failure.problem) });
		} else {
			// Offline: the api checks the digits when the queued filing is sent.
			this.dispatch({ type: 'verified', outcome: 'unverifiable' });
		}
	}

	/**
	 * Sends the reviewed filing once while the resident waits; when the api cannot be reached it is queued
	 * with its idempotency key and status token, and the receipt says it will be sent.
	 */
	async submit(): Promise<void> {
		const draft = this.draft;
		if (this.busy !== null || draft.step !== 'review') return;
		const publicToken = (this.#deps.newPublicToken ?? newPublicToken)();
		const entry: QueuedFiling = {
			idempotencyKey: (this.#deps.newIdempotencyKey ?? (() => crypto.randomUUID()))(),
			filing: filingOf(draft, { description: this.description, publicToken }),
			photo: draft.photo,
			queuedAt: this.#deps.now().toISOString(),
			attempts: 0,
			refusal: null,
		};
		const emergency = this.emergency.urgent;
		const generation = this.#deps.session.generation;
		this.busy = 'submit';
		const delivery = await this.#deps.outbox.deliver(entry);
		if (delivery.kind === 'unreachable') await this.#deps.outbox.queue(delivery.entry);
		// A queued filing is sent whether or not anyone still looks; the screen is only for who is here.
		if (generation !== this.#deps.session.generation) return;
		this.busy = null;
		switch (delivery.kind) {
			case 'sent':
				this.dispatch({
					type: 'delivered',
					receipt: {
						delivery: 'sent',
						code: delivery.receipt.code,
						statusUrl: absoluteUrl(this.#deps.origin, delivery.receipt.statusUrl),
						emergency: delivery.receipt.emergency || emergency,
					},
				});
				return;
			case 'unreachable':
				this.dispatch({
					type: 'delivered',
					receipt: { delivery: 'queued', statusUrl: statusUrlOf(this.#deps.origin, publicToken), emergency },
				});
				return;
			case 'refused':
			case 'busy': {
				const problem = refusalOf(delivery.problem);
				if (delivery.problem.code === 'KIOSK.VERIFICATION_FAILED') {
					this.dispatch({ type: 'goTo', step: 'verify' });
					this.dispatch({ type: 'verified', outcome: 'mismatch' });
				} else if (problem.code === 'room_unknown') {
					this.dispatch({ type: 'goTo', step: 'place' });
					this.dispatch({ type: 'refused', problem });
				} else {
					this.dispatch({ type: 'refused', problem });
				}
				return;
			}
		}
	}
}
