import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

/** What the live estate needs from a connection: the socket, hidden behind four callbacks. */
export type StreamHandlers = {
	readonly onConnect: () => void;
	readonly onDisconnect: () => void;
	readonly onEvent: (event: unknown) => void;
	/** A `guard.positions` frame: live positions, not an outbox event (no seq, never replayed). */
	readonly onPositions?: (frame: unknown) => void;
};

export type EventStream = {
	readonly close: () => void;
	/** Drops the connection as a network failure would; it reconnects by itself (used by the wall's tests). */
	readonly interrupt: () => void;
};

type ServerEvents = {
	'domain.event': (event: unknown) => void;
	'guard.positions': (frame: unknown) => void;
};

/** Opens the estate's event stream: Socket.IO on this origin, signed in by the session cookie. */
export function openEventStream(handlers: StreamHandlers): EventStream {
	const socket: Socket<ServerEvents> = io({
		path: '/socket.io',
		withCredentials: true,
		transports: ['websocket', 'polling'],
	});
	socket.on('connect', handlers.onConnect);
	socket.on('disconnect', handlers.onDisconnect);
	socket.on('domain.event', handlers.onEvent);
	if (handlers.onPositions) socket.on('guard.positions', handlers.onPositions);
	return {
		close: () => {
			socket.removeAllListeners();
			socket.close();
		},
		interrupt: () => {
			// The engine's own close reads as a transport error, so the manager reconnects as it would in the field.
			socket.io.engine?.close();
		},
	};
}
