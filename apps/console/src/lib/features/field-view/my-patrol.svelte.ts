/* eslint-disable svelte/prefer-svelte-reactivity -- the code map is rebuilt and swapped whole into $state.raw */
import type { ApiFailure } from '$lib/api/http';
import type { PatrolApi, PatrolRound, RoundsOfDay, ScanInput, ScanVerdict } from './api/patrol-api';
import { deliveryOf } from './delivery';
import { FieldOutbox } from './field-outbox';
import type { LoadState } from './my-tasks.svelte';
import { roundsToWalk, withRound } from './round-view';

/** What the screen says after a scan. */
export type ScanOutcome =
	| {
			readonly kind: 'scanned';
			readonly verdict: ScanVerdict;
			readonly checkpointName: string;
			readonly offPosition: boolean;
	  }
	| { readonly kind: 'queued' }
	| { readonly kind: 'unknown_code' }
	| { readonly kind: 'no_round' }
	| { readonly kind: 'refused'; readonly detail: string };

/**
 * My patrol round: today's rounds, the ones to walk now, scanning their plates. A scan that cannot reach the
 * api waits in an outbox with its own time and position and goes out when the network returns (a repeated
 * scan answers the first, so it is never counted twice).
 */
export class MyPatrol {
	day: RoundsOfDay | null = $state.raw(null);
	rounds: readonly PatrolRound[] = $state.raw([]);
	state: LoadState = $state('loading');
	failure: ApiFailure | null = $state(null);
	/** Plate codes this phone scanned, by checkpoint: the api does not tell guards codes. */
	codes: ReadonlyMap<string, string> = $state.raw(new Map());
	/** Scans waiting for the network. */
	queued: readonly ScanInput[] = $state.raw([]);
	/** Queued scans the api refused once it was reachable again. */
	refusedLater: readonly ScanInput[] = $state.raw([]);

	readonly #api: PatrolApi;
	readonly #meId: string;
	readonly #outbox: FieldOutbox<ScanInput>;
	/** Scans the api has answered: a read that started before one of them is out of date. */
	#scans = 0;

	constructor(deps: { api: PatrolApi; meId: string }) {
		this.#api = deps.api;
		this.#meId = deps.meId;
		this.#outbox = new FieldOutbox<ScanInput>({
			now: () => Date.now(),
			send: async (scan) => {
				const result = await this.#api.scan(scan);
				if (result.ok) this.#taken(scan, result.value.round, result.value.scan.checkpointId);
				return deliveryOf(result);
			},
			onRefused: (queued) => (this.refusedLater = [...this.refusedLater, queued.item]),
			onChange: () => (this.queued = this.#outbox.waiting.map((entry) => entry.item)),
		});
	}

	async load(): Promise<void> {
		let result: Awaited<ReturnType<PatrolApi['rounds']>>;
		// A scan answered while the read was under way is newer than the read: read again rather than undo it.
		do {
			const seen = this.#scans;
			result = await this.#api.rounds();
			if (seen === this.#scans) break;
		} while (result.ok);
		if (!result.ok) {
			this.failure = result.failure;
			if (this.day === null) this.state = 'failed';
			return;
		}
		this.day = result.value;
		this.rounds = roundsToWalk(result.value.current, this.#meId);
		this.failure = null;
		this.state = 'ready';
	}

	/** Sends scans that waited for the network. */
	retryQueued(): Promise<void> {
		return this.#outbox.drain();
	}

	async scan(input: ScanInput): Promise<ScanOutcome> {
		// Scans keep their order: while earlier ones wait, a new one waits behind them.
		if (this.#outbox.waiting.length > 0) {
			this.#outbox.enqueue(`${input.checkpointCode}@${input.scannedAt}`, input);
			void this.#outbox.drain();
			return { kind: 'queued' };
		}
		const result = await this.#api.scan(input);
		if (result.ok) {
			const { scan, round } = result.value;
			this.#taken(input, round, scan.checkpointId);
			const name = round.checkpoints.find((c) => c.checkpointId === scan.checkpointId)?.name ?? '';
			return { kind: 'scanned', verdict: scan.verdict, checkpointName: name, offPosition: scan.offPosition };
		}
		const delivery = deliveryOf(result);
		if (delivery === 'retry') {
			this.#outbox.enqueue(`${input.checkpointCode}@${input.scannedAt}`, input);
			return { kind: 'queued' };
		}
		const failure = result.failure;
		const problem = failure.kind === 'problem' ? failure.problem : null;
		if (problem?.code === 'PATROL.UNKNOWN_CHECKPOINT') return { kind: 'unknown_code' };
		if (problem?.code === 'PATROL.NO_ROUND') return { kind: 'no_round' };
		return { kind: 'refused', detail: problem?.detail ?? problem?.title ?? '' };
	}

	#taken(input: ScanInput, round: PatrolRound, checkpointId: string): void {
		this.#scans += 1;
		const codes = new Map(this.codes);
		codes.set(checkpointId, input.checkpointCode);
		this.codes = codes;
		this.rounds = withRound(this.rounds, round);
	}
}
