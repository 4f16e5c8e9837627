/* eslint-disable svelte/prefer-svelte-reactivity -- the book is an immutable Map swapped whole into $state.raw per event (one assignment, no deep proxy over hundreds of orders); the Sets are private bookkeeping, not state */
import type { WorkOrderStatus } from '@estate-ops/domain/work-orders';
import { WireEvent } from '$lib/api/events';
import type { EventsApi } from '$lib/api/events';
import type { ApiFailure } from '$lib/api/http';
import type { EventStream, StreamHandlers } from '$lib/api/socket';
import type { WorkOrderDetail, WorkOrdersApi } from '$lib/api/work-orders';
import { applyWireEvent } from './order-book';
import type { Alert, LiveOrder } from './order-book';

/** Where the live picture stands: the console shows it, because a stale wall is worse than none. */
export type Connection = 'connecting' | 'catching_up' | 'live' | 'offline';

/** The statuses the live estate follows: every order someone still has to act on. */
export const LIVE_STATUSES: readonly WorkOrderStatus[] = [
	'submitted',
	'accepted',
	'assigned',
	'on_site',
	'resolved',
	'feedback',
];

type LiveEstateDeps = {
	readonly workOrders: Pick<WorkOrdersApi, 'listAll' | 'detail'>;
	readonly events: EventsApi;
	readonly openStream: (handlers: StreamHandlers) => EventStream;
	readonly retryMs?: number;
};

const summaryOf = (detail: WorkOrderDetail): LiveOrder => {
	const state = detail.sla.state;
	const slaState =
		state === 'on_track' || state === 'at_risk' || state === 'breached' || state === 'paused' ? state : null;
	return { order: detail.order, nextDueAt: detail.sla.next?.dueAt ?? null, slaState };
};

const MAX_ALERTS = 50;

/**
 * The estate as it is now: every open work order, kept current by the event stream with the domain's reducer.
 * After any (re)connect it catches up from the last seq it applied, with live events held back until then;
 * too far behind, it reloads the whole picture.
 */
export class LiveEstate {
	orders: ReadonlyMap<string, LiveOrder> = $state.raw(new Map());
	connection: Connection = $state('connecting');
	/** The first picture has loaded. */
	loaded = $state(false);
	failure: ApiFailure | null = $state(null);
	alerts: readonly Alert[] = $state.raw([]);
	/** How many changes have been applied: pages that keep their own copy reload when it moves. */
	revision = $state(0);
	/** The revision at which each order last changed. */
	touched: ReadonlyMap<string, number> = $state.raw(new Map());
	/** The last event seq applied; catch-up starts after it. */
	lastSeq = $state(0);

	readonly #deps: LiveEstateDeps;
	#stream: EventStream | undefined;
	#held: WireEvent[] = [];
	#syncing = false;
	#stopped = false;
	#refetching = new Set<string>();
	#retry: ReturnType<typeof setTimeout> | undefined;
	#alertListeners = new Set<(alert: Alert) => void>();
	#eventListeners = new Set<(event: WireEvent) => void>();
	#positionListeners = new Set<(frame: unknown) => void>();
	#liveListeners = new Set<() => void>();

	constructor(deps: LiveEstateDeps) {
		this.#deps = deps;
	}

	/** Connects and keeps the picture live; returns the function that stops it (an `$effect` cleanup). */
	start(): () => void {
		this.#stopped = false;
		this.#stream = this.#deps.openStream({
			onConnect: () => void this.#sync(),
			onDisconnect: () => {
				if (!this.#stopped) this.connection = 'offline';
			},
			onEvent: (raw) => this.#receive(raw),
			onPositions: (frame) => {
				for (const listener of this.#positionListeners) listener(frame);
			},
		});
		return () => this.stop();
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#retry);
		this.#stream?.close();
		this.#stream = undefined;
	}

	/** Drops the connection as a network failure would (the wall's own tests use it). */
	interrupt(): void {
		this.#stream?.interrupt();
	}

	onAlert(listener: (alert: Alert) => void): () => void {
		this.#alertListeners.add(listener);
		return () => this.#alertListeners.delete(listener);
	}

	/** Every event as it is applied, in seq order: for pages that follow something other than work orders. */
	onEvent(listener: (event: WireEvent) => void): () => void {
		this.#eventListeners.add(listener);
		return () => this.#eventListeners.delete(listener);
	}

	/** Every `guard.positions` frame as it arrives, unparsed: the field picture parses and merges them. */
	onPositions(listener: (frame: unknown) => void): () => void {
		this.#positionListeners.add(listener);
		return () => this.#positionListeners.delete(listener);
	}

	/**
	 * Each time the picture is live again after a (re)connect: what it missed of things that are not outbox
	 * events (position frames) must be read again.
	 */
	onLive(listener: () => void): () => void {
		this.#liveListeners.add(listener);
		return () => this.#liveListeners.delete(listener);
	}

	dismissAlert(id: string): void {
		this.alerts = this.alerts.filter((alert) => alert.id !== id);
	}

	/** Reads one order again from the api (after a command, or when an event did not fit). */
	async refresh(id: string): Promise<void> {
		if (this.#refetching.has(id)) return;
		this.#refetching.add(id);
		try {
			const result = await this.#deps.workOrders.detail(id);
			if (result.ok) {
				const held = this.orders.get(id);
				// A live event may have moved the order on while this read was under way.
				if (held && held.order.version > result.value.order.version) return;
				if (LIVE_STATUSES.includes(result.value.order.status)) this.#put(summaryOf(result.value));
				else this.#drop(id);
			} else if (result.failure.kind === 'problem' && result.failure.problem.status === 404) this.#drop(id);
		} finally {
			this.#refetching.delete(id);
		}
	}

	#receive(raw: unknown): void {
		const parsed = WireEvent.safeParse(raw);
		if (!parsed.success) return;
		if (this.connection === 'live' && !this.#syncing) this.#ingest(parsed.data, true);
		else this.#held.push(parsed.data);
	}

	async #sync(): Promise<void> {
		if (this.#syncing || this.#stopped) return;
		this.#syncing = true;
		this.connection = 'catching_up';
		try {
			const ok = this.loaded ? await this.#catchUp() : await this.#loadPicture();
			if (!ok) {
				this.#retry = setTimeout(() => void this.#sync(), this.#deps.retryMs ?? 2_000);
				return;
			}
			// Events that arrived while catching up, in seq order; the ones catch-up already applied are skipped.
			const held = this.#held.sort((a, b) => a.seq - b.seq);
			this.#held = [];
			for (const event of held) this.#ingest(event, true);
			this.connection = 'live';
			for (const listener of this.#liveListeners) listener();
		} finally {
			this.#syncing = false;
		}
	}

	async #catchUp(): Promise<boolean> {
		for (;;) {
			const result = await this.#deps.events.after(this.lastSeq);
			if (!result.ok) return this.#fail(result.failure);
			const answer = result.value;
			if ('resync' in answer) return this.#loadPicture();
			for (const event of answer.events) this.#ingest(event, true);
			this.lastSeq = Math.max(this.lastSeq, answer.latestSeq);
			if (!answer.hasMore) return true;
		}
	}

	/**
	 * Loads every open order. The seq is read first, so events after it may already be in the picture: those
	 * orders are read again rather than folded twice.
	 */
	async #loadPicture(): Promise<boolean> {
		const head = await this.#deps.events.after(0, 1);
		if (!head.ok) return this.#fail(head.failure);
		const from = head.value.latestSeq;
		const list = await this.#deps.workOrders.listAll({ status: LIVE_STATUSES, limit: 200 });
		if (!list.ok) return this.#fail(list.failure);
		this.orders = new Map(list.value.map((entry) => [entry.order.id, entry]));
		this.lastSeq = from;
		this.loaded = true;
		this.failure = null;
		this.revision++;
		const since = new Set<string>();
		for (;;) {
			const result = await this.#deps.events.after(this.lastSeq);
			if (!result.ok) return this.#fail(result.failure);
			if ('resync' in result.value) break;
			for (const event of result.value.events)
				if (event.aggregateType === 'workOrder') since.add(event.aggregateId);
			this.lastSeq = Math.max(this.lastSeq, result.value.latestSeq, result.value.events.at(-1)?.seq ?? 0);
			if (!result.value.hasMore) break;
		}
		await Promise.all([...since].map((id) => this.refresh(id)));
		return true;
	}

	#fail(failure: ApiFailure): false {
		this.failure = failure;
		return false;
	}

	#ingest(event: WireEvent, raiseAlerts: boolean): void {
		if (event.seq <= this.lastSeq) return;
		this.lastSeq = event.seq;
		for (const listener of this.#eventListeners) listener(event);
		const outcome = applyWireEvent(this.orders, event);
		if (outcome.put) this.#put(outcome.put);
		if (outcome.drop) this.#drop(outcome.drop);
		if (outcome.refetch) void this.refresh(outcome.refetch);
		if (outcome.alert && raiseAlerts) {
			const alert = outcome.alert;
			this.alerts = [alert, ...this.alerts].slice(0, MAX_ALERTS);
			for (const listener of this.#alertListeners) listener(alert);
		}
	}

	#put(entry: LiveOrder): void {
		const next = new Map(this.orders);
		next.set(entry.order.id, entry);
		this.orders = next;
		this.#touch(entry.order.id);
	}

	#drop(id: string): void {
		if (this.orders.has(id)) {
			const next = new Map(this.orders);
			next.delete(id);
			this.orders = next;
		}
		this.#touch(id);
	}

	#touch(id: string): void {
		this.revision++;
		const touched = new Map(this.touched);
		touched.set(id, this.revision);
		this.touched = touched;
	}
}
