import type { WireEvent } from '$lib/api/events';
import type { PositionsApi, SosAlert, SosPress } from './api/positions-api';
import { deliveryOf } from './delivery';
import { newKey } from './new-key';

/**
 * Where my SOS stands: nothing raised; being sent (again and again while the network fails); raised and
 * waiting for the control room; acknowledged by it; or refused by the api (which should not happen).
 */
export type SosPhase = 'idle' | 'sending' | 'raised' | 'acknowledged' | 'refused';

const RETRY_MS = 3_000;

/**
 * SOS (一键求助): one press sends my position to the control room at once. A press that does not get through
 * is sent again every few seconds with the same idempotency key until it does, so the control room sees one
 * alert, never none. The control room's acknowledgement arrives as a live event to my personal room.
 */
export class Sos {
	phase: SosPhase = $state('idle');
	alert: SosAlert | null = $state.raw(null);
	/** Tries of the current press that did not get through. */
	failures = $state(0);
	/** The press was sent without a position from the phone (the estate's centre stood in). */
	withoutPosition = $state(false);

	readonly #api: PositionsApi;
	#key = newKey();
	#retry: ReturnType<typeof setTimeout> | undefined;

	constructor(api: PositionsApi) {
		this.#api = api;
	}

	/** Raises (or repeats) my SOS from here. */
	raise(press: SosPress, withoutPosition: boolean): void {
		if (this.phase === 'sending') return;
		clearTimeout(this.#retry);
		// A new press after the last one was answered is a new request (it repeats an open alert server-side).
		if (this.phase !== 'idle') this.#key = newKey();
		this.phase = 'sending';
		this.failures = 0;
		this.withoutPosition = withoutPosition;
		void this.#send(press);
	}

	/** Takes in a live event: the control room acknowledged or resolved my alert. */
	take(event: WireEvent): void {
		const alert = this.alert;
		if (!alert || event.aggregateType !== 'alert' || event.aggregateId !== alert.id) return;
		if (event.type === 'alert.acknowledged') {
			this.phase = 'acknowledged';
			this.alert = { ...alert, status: 'acknowledged', acknowledgedAt: event.at };
		}
		if (event.type === 'alert.resolved') {
			this.phase = 'idle';
			this.alert = null;
			this.#key = newKey();
		}
	}

	/** Puts the control away after the control room has answered, or gives up a refused press. */
	dismiss(): void {
		if (this.phase === 'acknowledged' || this.phase === 'refused') {
			this.phase = 'idle';
			this.#key = newKey();
		}
	}

	stop(): void {
		clearTimeout(this.#retry);
	}

	async #send(press: SosPress): Promise<void> {
		const result = await this.#api.sos(press, this.#key);
		if (result.ok) {
			this.alert = result.value;
			this.phase = result.value.status === 'acknowledged' ? 'acknowledged' : 'raised';
			return;
		}
		if (deliveryOf(result) === 'retry') {
			this.failures += 1;
			this.#retry = setTimeout(() => void this.#send(press), RETRY_MS);
			return;
		}
		this.phase = 'refused';
	}
}
