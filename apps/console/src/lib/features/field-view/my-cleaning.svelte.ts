/* eslint-disable svelte/prefer-svelte-reactivity -- the sets are rebuilt and swapped whole into $state.raw, never mutated */
import type { ApiFailure } from '$lib/api/http';
import type { CleaningApi, CleaningDay, CleaningZone, MarkDone } from './api/cleaning-api';
import type { StoredPhoto } from './api/photo-upload';
import type { ApiResult } from '$lib/api/http';
import { cleaningList } from './cleaning-list';
import type { CleaningItem } from './cleaning-list';
import { withZone } from './cleaning-list';
import { deliveryOf } from './delivery';
import { FieldOutbox } from './field-outbox';
import type { LoadState, TaskOutcome } from './my-tasks.svelte';
import { outcomeOfFailure } from './my-tasks.svelte';

type QueuedDone = { readonly taskId: string; readonly body: MarkDone };

/** What became of marking a round done. */
export type DoneOutcome = TaskOutcome | { readonly ok: true; readonly queued: true };

/**
 * My cleaning tasks: today's rounds of the estate's zones (the api does not yet know which zones are whose, so
 * every zone's), in the order to do them. Marked done with an optional photo; a mark that cannot reach the api
 * waits with its own time (`doneAt`) and goes out when the network returns.
 */
export class MyCleaning {
	day: CleaningDay | null = $state.raw(null);
	state: LoadState = $state('loading');
	failure: ApiFailure | null = $state(null);
	/** Rounds marked done on this phone that wait for the network. */
	queued: ReadonlySet<string> = $state.raw(new Set());
	/** Rounds marked done on this phone: they stay in the list, done, while the rest of the done ones are folded. */
	doneHere: ReadonlySet<string> = $state.raw(new Set());

	readonly #api: CleaningApi;
	readonly #uploadPhoto: (photo: Blob) => Promise<ApiResult<StoredPhoto>>;
	readonly #outbox: FieldOutbox<QueuedDone>;
	/** Rounds the api has taken as done: a read that started before one of them is out of date. */
	#marks = 0;

	constructor(deps: { api: CleaningApi; uploadPhoto: (photo: Blob) => Promise<ApiResult<StoredPhoto>> }) {
		this.#api = deps.api;
		this.#uploadPhoto = deps.uploadPhoto;
		this.#outbox = new FieldOutbox<QueuedDone>({
			now: () => Date.now(),
			send: async ({ taskId, body }) => {
				const result = await this.#api.done(taskId, body);
				if (result.ok) this.#taken(result.value.zone);
				return deliveryOf(result);
			},
			onChange: () => (this.queued = new Set(this.#outbox.waiting.map((entry) => entry.key))),
		});
	}

	get items(): CleaningItem[] {
		return this.day ? cleaningList(this.day.zones) : [];
	}

	async load(): Promise<void> {
		let result: Awaited<ReturnType<CleaningApi['today']>>;
		// A round marked done while the read was under way is newer than the read: read again rather than undo it.
		do {
			const seen = this.#marks;
			result = await this.#api.today();
			if (seen === this.#marks) break;
		} while (result.ok);
		if (!result.ok) {
			this.failure = result.failure;
			if (this.day === null) this.state = 'failed';
			return;
		}
		this.day = result.value;
		this.failure = null;
		this.state = 'ready';
	}

	retryQueued(): Promise<void> {
		return this.#outbox.drain();
	}

	async markDone(taskId: string, photo: Blob | null, doneAt: Date): Promise<DoneOutcome> {
		let photoAttachmentId: string | undefined;
		if (photo) {
			const uploaded = await this.#uploadPhoto(photo);
			if (!uploaded.ok) return outcomeOfFailure(uploaded.failure);
			photoAttachmentId = uploaded.value.id;
		}
		const body: MarkDone = {
			doneAt: doneAt.toISOString(),
			...(photoAttachmentId ? { photoAttachmentId } : {}),
		};
		const result = await this.#api.done(taskId, body);
		if (result.ok) {
			this.doneHere = new Set([...this.doneHere, taskId]);
			this.#taken(result.value.zone);
			return { ok: true };
		}
		if (deliveryOf(result) === 'retry') {
			this.doneHere = new Set([...this.doneHere, taskId]);
			this.#outbox.enqueue(taskId, { taskId, body });
			return { ok: true, queued: true };
		}
		return outcomeOfFailure(result.failure);
	}

	#taken(zone: CleaningZone): void {
		this.#marks += 1;
		if (this.day) this.day = withZone(this.day, zone);
	}
}
