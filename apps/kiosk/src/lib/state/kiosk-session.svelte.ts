import type { FilingDraft } from '$lib/features/filing/filing-machine';
import type { FollowState } from '$lib/features/follow/follow-machine';

/**
 * What one resident is doing at the kiosk: a filing being written, a request being followed, a notice
 * open in the reader. It lives outside the screens so that switching the language (which redraws them)
 * keeps it, and `reset` clears all of it at once when the resident walks away.
 */
export class KioskSession {
	filing: FilingDraft | null = $state.raw(null);
	follow: FollowState | null = $state.raw(null);
	openNotice: string | null = $state(null);
	#generation = 0;

	/** Something of a resident is on screen, so the idle countdown must run. */
	readonly inUse: boolean = $derived(
		this.filing !== null || this.follow !== null || this.openNotice !== null,
	);

	/**
	 * Changes with every reset: an answer from the api that arrives after the resident left belongs to
	 * nobody on screen and is dropped.
	 */
	get generation(): number {
		return this.#generation;
	}

	reset(): void {
		this.filing = null;
		this.follow = null;
		this.openNotice = null;
		this.#generation++;
	}
}
