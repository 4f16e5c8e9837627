import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { OutboxEvent } from '../db/repositories/event.repository';
import type { NotificationView } from '../services/duty-notification.service';
import type { PositionFrameWire } from './position-frames';

/**
 * The one typed map of the Socket.IO traffic (STYLE.md: "socket events typed by one map"). Candidates to move
 * to `@estate-ops/domain/contracts` so that the console and kiosk type their sockets from the same file.
 */

/** An outbox event on the wire (socket and `GET /api/v1/events`), `at` as ISO 8601. */
export const WireEvent = z.object({
	seq: z.number().int().positive(),
	estateId: z.string(),
	type: z.string(),
	aggregateType: z.string(),
	aggregateId: z.string(),
	at: z.iso.datetime({ offset: true }),
	payload: z.unknown(),
});
export type WireEvent = z.infer<typeof WireEvent>;

export const toWireEvent = (event: OutboxEvent): WireEvent => ({
	seq: event.seq,
	estateId: event.estateId,
	type: event.type,
	aggregateType: event.aggregateType,
	aggregateId: event.aggregateId,
	at: event.at.toISOString(),
	payload: event.payload,
});

/**
 * Every outbox event travels under ONE socket event name, `domain.event`, in `seq` order; its `type`
 * (`workOrder.assigned`, …) says what happened. One name keeps the stream a single ordered sequence that a
 * client checks for gaps by `seq` and feeds to the domain reducers, whatever the type.
 */
export const DOMAIN_EVENT = 'domain.event';

/** `sync.status`: the client says which seq it has applied; the server says how far the estate is. */
export const SyncStatusRequest = z.object({ lastSeq: z.number().int().min(0) });
export type SyncStatusRequest = z.infer<typeof SyncStatusRequest>;

export type SyncStatusReply =
	| { readonly ok: true; readonly latestSeq: number; readonly behind: boolean }
	| { readonly ok: false; readonly errors: readonly { readonly path: string; readonly message: string }[] };

/**
 * `notification`: one person's SLA notification, sent to their `user:<id>` room when the duty roster lets it
 * reach them (at once, or at the start of their shift). Not an outbox event: it is per person, kept in the
 * `notifications` table, and a client that was away reads it from `GET /api/v1/notifications`.
 */
export const NOTIFICATION_EVENT = 'notification';

export interface ServerToClientEvents {
	'domain.event': (event: WireEvent) => void;
	/** Coalesced field positions, to the estate's `positions:<id>` room (see position-frames.ts). */
	'guard.positions': (frame: PositionFrameWire) => void;
	/** One person's SLA notification, to their `user:<id>` room (see NOTIFICATION_EVENT). */
	notification: (notification: NotificationView) => void;
}

export interface ClientToServerEvents {
	/** Parsed with {@link SyncStatusRequest}; the type here is what a well-behaved client sends. */
	'sync.status': (request: SyncStatusRequest, ack: (reply: SyncStatusReply) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- instances exchange no custom events
export interface InterServerEvents {}

export interface SocketData {
	principal: Principal;
}

export const estateRoom = (estateId: string) => `estate:${estateId}`;
export const userRoom = (staffId: string) => `user:${staffId}`;
/** Lobby kiosks of an estate: notices only. */
export const kioskRoom = (estateId: string) => `kiosk:${estateId}`;
