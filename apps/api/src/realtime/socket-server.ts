import type { Server as HttpServer } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { Server } from 'socket.io';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { createEventBus, type EventBus, latestSeq } from '../db/repositories/event.repository';
import {
	type ClientToServerEvents,
	DOMAIN_EVENT,
	estateRoom,
	kioskRoom,
	type InterServerEvents,
	type ServerToClientEvents,
	type SocketData,
	SyncStatusRequest,
	toWireEvent,
	userRoom,
} from './realtime-events';
import { isKioskEvent, personsNamedBy, roomsOf } from './event-audience';
import { createRelay, type Relay, type RelayDeps } from './relay';

/** Who is behind a handshake: the session cookie, a device's bearer token, or `auth` sent by the client. */
export type AuthenticateHandshake = (
	headers: { cookie?: string; authorization?: string },
	auth?: Record<string, unknown>,
) => Promise<Principal | null>;

export type RealtimeServer = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	InterServerEvents,
	SocketData
>;

type RealtimeLogger = RelayDeps['logger'] & { info(details: object, message: string): void };

export type RealtimeDeps = {
	readonly db: Database;
	readonly authenticateHandshake: AuthenticateHandshake;
	readonly logger: RealtimeLogger;
	readonly now: () => Date;
	/**
	 * The PostgreSQL server (as `pg` connection settings, e.g. `{ connectionString: env.DATABASE_URL }`) for
	 * `@socket.io/postgres-adapter`, so that a broadcast on one instance reaches sockets on all. Omit it on
	 * PGlite: one instance, the in-memory adapter.
	 */
	readonly postgresAdapter?: pg.PoolConfig;
	/** Bytes per client message; a bigger one closes that socket. */
	readonly maxHttpBufferSize?: number;
	readonly relay?: Pick<RelayDeps, 'graceMs' | 'pollMs' | 'batchSize' | 'transactionsInFlight'>;
	/** Defaults to LISTEN on the database behind `db`. */
	readonly bus?: EventBus;
};

export type Realtime = {
	readonly io: RealtimeServer;
	readonly relay: Relay;
	/** Disconnects a staff member's sockets on every instance (password change, account disabled). */
	disconnectUser(staffId: string): void;
	/** Stops the relay, closes every socket and the adapter; leaves the HTTP server to its owner. */
	close(): Promise<void>;
};

export const REALTIME_PATH = '/socket.io';
const DEFAULT_MAX_HTTP_BUFFER_SIZE = 64 * 1024;

/**
 * The Socket.IO server on the same HTTP server as Hono (DESIGN.md: one origin).
 *
 * Relaying across instances. Every instance runs its own relay and emits each outbox event to its OWN
 * sockets only (`io.local`); the adapter is still installed (DESIGN.md, "Scaling past one machine") for
 * broadcasts that are not outbox events (coalesced guard positions, messages to `user:<id>`), which are
 * emitted with `io.to(...)` and cross instances through PostgreSQL. We chose this over one relay per cluster
 * under an advisory lock broadcasting through the adapter because
 *   - the outbox is already in the shared database: each instance reading it costs one indexed range read
 *     per commit, while the adapter would re-send every event through NOTIFY (8000-byte limit, so larger
 *     events go through its attachments table) and back out to every instance anyway;
 *   - there is no failover window: when a lock holder dies, a new holder does not know what the old one
 *     had delivered, and clients connected elsewhere (which do not reconnect) would silently miss events;
 *   - each instance's relay cursor is the horizon of its catch-up route, so live and catch-up agree.
 * Emitting outbox events with `io.to(...)` while every instance relays would deliver each event N times.
 */
export async function attachRealtime(
	httpServer: HttpServer | Http2Server | Http2SecureServer,
	deps: RealtimeDeps,
): Promise<Realtime> {
	const pool = deps.postgresAdapter ? new pg.Pool({ max: 4, ...deps.postgresAdapter }) : undefined;
	pool?.on('error', (error) => deps.logger.error({ err: error }, 'socket.io adapter pool error'));

	const io: RealtimeServer = new Server(httpServer, {
		path: REALTIME_PATH,
		serveClient: false,
		maxHttpBufferSize: deps.maxHttpBufferSize ?? DEFAULT_MAX_HTTP_BUFFER_SIZE,
		...(pool
			? {
					adapter: createAdapter(pool, {
						errorHandler: (error: Error) => deps.logger.error({ err: error }, 'socket.io adapter error'),
					}),
				}
			: {}),
	});

	io.use((socket, next) => {
		const { cookie, authorization } = socket.handshake.headers;
		const headers: { cookie?: string; authorization?: string } = {};
		if (cookie !== undefined) headers.cookie = cookie;
		if (authorization !== undefined) headers.authorization = authorization;
		const auth = socket.handshake.auth as Record<string, unknown> | undefined;
		deps.authenticateHandshake(headers, auth).then(
			(principal) => {
				if (!principal) {
					next(new Error('unauthorized'));
					return;
				}
				socket.data.principal = principal;
				next();
			},
			(error: unknown) => {
				deps.logger.error({ err: error }, 'socket authentication failed');
				next(new Error('authentication failed'));
			},
		);
	});

	const relay = createRelay({
		db: deps.db,
		bus: deps.bus ?? createEventBus(deps.db),
		now: deps.now,
		logger: deps.logger,
		...deps.relay,
		emit: (event) => {
			const wire = toWireEvent(event);
			// One emit over the estate room and the rooms of the people it names: a socket in several gets it once.
			const personal = personsNamedBy(event).map(userRoom);
			io.local.to([estateRoom(event.estateId), ...personal]).emit(DOMAIN_EVENT, wire);
			if (isKioskEvent(event.type)) io.local.to(kioskRoom(event.estateId)).emit(DOMAIN_EVENT, wire);
		},
	});

	io.on('connection', (socket) => {
		const { principal } = socket.data;
		// Rooms come from the principal alone: a client cannot ask for another estate.
		void socket.join(roomsOf(principal));

		socket.on('sync.status', (request, ack) => {
			if (typeof ack !== 'function') return;
			const parsed = SyncStatusRequest.safeParse(request);
			if (!parsed.success) {
				ack({
					ok: false,
					errors: parsed.error.issues.map((issue) => ({
						path: issue.path.join('.'),
						message: issue.message,
					})),
				});
				return;
			}
			latestSeq(deps.db, principal.estateId, { atMost: relay.deliveredThrough() }).then(
				(latest) => ack({ ok: true, latestSeq: latest, behind: parsed.data.lastSeq < latest }),
				(error: unknown) => {
					deps.logger.error({ err: error }, 'sync.status failed');
					ack({ ok: false, errors: [] });
				},
			);
		});
	});

	await relay.start();

	return {
		io,
		relay,
		disconnectUser(staffId) {
			io.in(userRoom(staffId)).disconnectSockets(true);
		},
		async close() {
			await relay.stop();
			io.local.disconnectSockets(true);
			await Promise.allSettled([io.of('/').adapter.close()]);
			io.engine.close();
			await pool?.end();
		},
	};
}
