/* eslint-disable svelte/prefer-svelte-reactivity -- the listener set is private bookkeeping, not state */
import { WireEvent } from '$lib/api/events';
import type { EventStream, StreamHandlers } from '$lib/api/socket';

/** Whether the phone hears the api live, and whether it has a network at all. */
export type FieldConnection = 'connecting' | 'live' | 'offline';

type FieldLiveDeps = {
	readonly openStream: (handlers: StreamHandlers) => EventStream;
	/** Every (re)connect: the phone has no catch-up route of its own, so each part reloads what it shows. */
	readonly onResync: () => void;
};

/**
 * The field person's live events: the api sends them to their personal room (their tasks, their SOS), not the
 * estate's stream. There is no catch-up route for a personal room, so after any reconnect every part of the
 * field view reads its picture again; events in between only say "read again" or carry what they change.
 */
export class FieldLive {
	/** The socket's own state; a phone that lost its network may keep a socket that looks open. */
	socket: FieldConnection = $state('connecting');
	/** What the browser says of the network. */
	online = $state(true);

	readonly #deps: FieldLiveDeps;
	readonly #listeners = new Set<(event: WireEvent) => void>();

	constructor(deps: FieldLiveDeps) {
		this.#deps = deps;
	}

	/** What the screen shows: offline whenever the browser is, else the socket's state. */
	get connection(): FieldConnection {
		return this.online ? this.socket : 'offline';
	}

	/** Connects and listens; returns the cleanup. */
	start(): () => void {
		this.online = navigator.onLine;
		const stream = this.#deps.openStream({
			onConnect: () => {
				this.socket = 'live';
				this.#deps.onResync();
			},
			onDisconnect: () => {
				this.socket = 'offline';
			},
			onEvent: (raw) => {
				const parsed = WireEvent.safeParse(raw);
				if (parsed.success) for (const listener of this.#listeners) listener(parsed.data);
			},
		});
		const up = () => (this.online = true);
		const down = () => (this.online = false);
		window.addEventListener('online', up);
		window.addEventListener('offline', down);
		return () => {
			window.removeEventListener('online', up);
			window.removeEventListener('offline', down);
			stream.close();
		};
	}

	onEvent(listener: (event: WireEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}
