/* eslint-disable svelte/prefer-svelte-reactivity -- the set of new ids is rebuilt and swapped whole into $state.raw */
import type { ApiFailure } from '$lib/api/http';
import type { CommandInput, WorkOrderSummary, WorkOrdersApi } from '$lib/api/work-orders';
import type { TasksApi } from './api/tasks-api';

/** Loading, loaded, or failed with nothing to show; a failed reload keeps the list it had. */
export type LoadState = 'loading' | 'ready' | 'failed';

/** What became of an action on a task, for the card to say. */
export type TaskOutcome =
	| { readonly ok: true }
	| { readonly ok: false; readonly reason: 'conflict' | 'network' | 'refused'; readonly detail?: string };

const URGENCY_RANK = { urgent: 0, important: 1, general: 2 } as const;

/** Urgent first, then by the next deadline (none last). */
export const taskOrder = (a: WorkOrderSummary, b: WorkOrderSummary): number =>
	URGENCY_RANK[a.order.urgency] - URGENCY_RANK[b.order.urgency] ||
	(a.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY);

export const outcomeOfFailure = (failure: ApiFailure): TaskOutcome => {
	if (failure.kind === 'network') return { ok: false, reason: 'network' };
	if (failure.kind === 'problem' && failure.problem.status === 409)
		return {
			ok: false,
			reason: 'conflict',
			...(failure.problem.detail ? { detail: failure.problem.detail } : {}),
		};
	const detail = failure.kind === 'problem' ? (failure.problem.detail ?? failure.problem.title) : undefined;
	return { ok: false, reason: 'refused', ...(detail ? { detail } : {}) };
};

/**
 * My tasks: the work orders assigned to me that are still mine to work, urgent first. Read again when a live
 * event says something of mine changed; an order that was not there before is marked new until opened.
 */
export class MyTasks {
	orders: readonly WorkOrderSummary[] = $state.raw([]);
	state: LoadState = $state('loading');
	failure: ApiFailure | null = $state(null);
	/** Orders that arrived after the first load: new work for me. */
	fresh: ReadonlySet<string> = $state.raw(new Set());

	readonly #api: TasksApi;
	readonly #workOrders: Pick<WorkOrdersApi, 'command'>;
	readonly #meId: string;
	#loaded = false;
	#loading: Promise<void> | null = null;
	#again = false;

	constructor(deps: { api: TasksApi; workOrders: Pick<WorkOrdersApi, 'command'>; meId: string }) {
		this.#api = deps.api;
		this.#workOrders = deps.workOrders;
		this.#meId = deps.meId;
	}

	/** Reads my tasks; calls while a read is under way make one more read after it (events come in bursts). */
	load(): Promise<void> {
		if (this.#loading) {
			this.#again = true;
			return this.#loading;
		}
		this.#loading = (async () => {
			do {
				this.#again = false;
				await this.#read();
			} while (this.#again);
		})().finally(() => (this.#loading = null));
		return this.#loading;
	}

	seen(id: string): void {
		if (!this.fresh.has(id)) return;
		const next = new Set(this.fresh);
		next.delete(id);
		this.fresh = next;
	}

	async command(summary: WorkOrderSummary, command: CommandInput): Promise<TaskOutcome> {
		const result = await this.#workOrders.command(summary.order.id, command, summary.order.version);
		if (!result.ok) {
			if (result.failure.kind === 'problem' && result.failure.problem.status === 409) void this.load();
			return outcomeOfFailure(result.failure);
		}
		this.#put(result.value);
		return { ok: true };
	}

	async addPhoto(summary: WorkOrderSummary, photo: Blob): Promise<TaskOutcome> {
		const result = await this.#api.addPhoto(summary.order.id, photo);
		if (!result.ok) return outcomeOfFailure(result.failure);
		// The photo moved the order's version on: read it again so the next command names the right one.
		await this.load();
		return { ok: true };
	}

	async #read(): Promise<void> {
		const result = await this.#api.mine(this.#meId);
		if (!result.ok) {
			this.failure = result.failure;
			if (!this.#loaded) this.state = 'failed';
			return;
		}
		const before = new Set(this.orders.map((summary) => summary.order.id));
		const arrived = result.value.filter((summary) => !before.has(summary.order.id)).map((s) => s.order.id);
		this.orders = [...result.value].sort(taskOrder);
		if (this.#loaded && arrived.length > 0) this.fresh = new Set([...this.fresh, ...arrived]);
		this.#loaded = true;
		this.failure = null;
		this.state = 'ready';
	}

	#put(summary: WorkOrderSummary): void {
		const open = summary.order.status === 'assigned' || summary.order.status === 'on_site';
		const others = this.orders.filter((entry) => entry.order.id !== summary.order.id);
		this.orders = (open ? [...others, summary] : others).sort(taskOrder);
	}
}
