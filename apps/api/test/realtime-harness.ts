import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type pg from 'pg';
import type { Sql } from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import type { Principal, StaffPrincipal } from '../src/auth/principal';
import type { Database } from '../src/db/database';
import { appendEvents, type NewOutboxEvent, type OutboxEvent } from '../src/db/repositories/event.repository';
import { eventsRoutes } from '../src/http/events/events.routes';
import type { AppEnv } from '../src/http/app-env';
import type { ClientToServerEvents, ServerToClientEvents, WireEvent } from '../src/realtime/realtime-events';
import {
	type AuthenticateHandshake,
	attachRealtime,
	type Realtime,
	type RealtimeDeps,
} from '../src/realtime/socket-server';
import { closeGracefully } from '../src/server/graceful-close';

/**
 * Real HTTP servers on 127.0.0.1 with the realtime stack attached, real Socket.IO clients, and a stand-in for
 * authentication: bearer tokens (header, or `auth.token` in the handshake) that name a principal.
 */

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const staffPrincipal = (estateId: string, staffId: string = randomUUID()): StaffPrincipal => ({
	kind: 'staff',
	staffId,
	estateId,
	displayName: 'Test Staff',
	roles: ['control_room'],
	sessionId: randomUUID(),
	mustChangePassword: false,
});

export class TestTokens {
	readonly #principals = new Map<string, Principal>();

	issue(principal: Principal): string {
		const token = randomUUID();
		this.#principals.set(token, principal);
		return token;
	}

	principalFor(authorization: string | undefined): Principal | undefined {
		const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
		return token === undefined ? undefined : this.#principals.get(token);
	}

	readonly authenticateHandshake: AuthenticateHandshake = async (headers, auth) => {
		const fromAuth = typeof auth?.['token'] === 'string' ? `Bearer ${auth['token']}` : undefined;
		return this.principalFor(headers.authorization ?? fromAuth) ?? null;
	};
}

export type TestInstance = {
	readonly url: string;
	readonly realtime: Realtime;
	readonly app: Hono<AppEnv>;
	close(): Promise<void>;
};

const silentLogger = () => {
	const warnings: string[] = [];
	return {
		warnings,
		logger: {
			info: () => undefined,
			warn: (_details: object, message: string) => void warnings.push(message),
			error: (_details: object, message: string) => void warnings.push(`error: ${message}`),
		},
	};
};

/** One api instance: Hono (with the catch-up route) and Socket.IO on one port. */
export async function startInstance(
	db: Database,
	tokens: TestTokens,
	options: Partial<Pick<RealtimeDeps, 'postgresAdapter' | 'maxHttpBufferSize' | 'relay'>> = {},
): Promise<TestInstance> {
	const attachedLater: { realtime?: Realtime } = {};
	const app = new Hono<AppEnv>();
	app.use(async (c, next) => {
		c.set('principal', tokens.principalFor(c.req.header('authorization')));
		await next();
	});
	app.route('/', eventsRoutes({ db, horizon: () => attachedLater.realtime?.relay.deliveredThrough() ?? 0 }));

	const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
	await new Promise<void>((resolve) =>
		server.listening ? resolve() : server.once('listening', () => resolve()),
	);
	const { port } = server.address() as AddressInfo;
	const attached = await attachRealtime(server, {
		db,
		authenticateHandshake: tokens.authenticateHandshake,
		logger: silentLogger().logger,
		now: () => new Date(),
		relay: { pollMs: 200 },
		...options,
	});
	attachedLater.realtime = attached;
	return {
		url: `http://127.0.0.1:${port}`,
		realtime: attached,
		app,
		async close() {
			await attached.close();
			await closeGracefully(server, 500);
		},
	};
}

/** Connects over WebSocket (no automatic reconnection: tests reconnect by hand); rejects on a refusal. */
export async function connectClient(url: string, token: string | undefined): Promise<TestClient> {
	const socket: TestClient = connect(url, {
		path: '/socket.io',
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		...(token === undefined ? {} : { auth: { token } }),
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', (error) => {
			socket.close();
			reject(error);
		});
	});
	return socket;
}

/** Every `domain.event` a socket receives, in arrival order. */
export function collect(socket: TestClient): WireEvent[] {
	const received: WireEvent[] = [];
	socket.on('domain.event', (event) => received.push(event));
	return received;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Resolves after `ms`: to show that something did NOT arrive in a window in which it would have. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const newEvent = (
	estateId: string,
	type: string,
	at = new Date('2026-03-01T08:00:00Z'),
): NewOutboxEvent => ({
	estateId,
	type,
	aggregateType: 'workOrder',
	aggregateId: randomUUID(),
	at,
	payload: { type, note: `payload of ${type}` },
});

export async function append(db: Database, ...toAppend: NewOutboxEvent[]): Promise<OutboxEvent[]> {
	return db.transaction((tx) => appendEvents(tx, toAppend));
}

/** The `pg` settings of the PostgreSQL database behind a postgres-js drizzle handle (for the adapter). */
export function poolConfigOf(db: Database): pg.PoolConfig {
	const { options } = (db as unknown as { $client: Sql }).$client;
	return {
		host: options.host[0] ?? '127.0.0.1',
		port: options.port[0] ?? 5432,
		database: options.database,
		user: options.user,
		...(typeof options.pass === 'string' ? { password: options.pass } : {}),
	};
}

/**
 * What a console does with the live stream and the catch-up route (DESIGN.md, "The way data flows"):
 * connect, buffer live events, catch up from the last applied seq page by page, then apply the buffer;
 * apply an event only if its seq is above the last applied one.
 */
export class ClientLog {
	readonly applied: WireEvent[] = [];
	#buffer: WireEvent[] | undefined;

	get lastSeq(): number {
		return this.applied.at(-1)?.seq ?? 0;
	}

	attach(socket: TestClient): void {
		this.#buffer = [];
		socket.on('domain.event', (event) => {
			if (this.#buffer) this.#buffer.push(event);
			else this.#apply(event);
		});
	}

	async catchUp(url: string, token: string, limit = 7): Promise<void> {
		for (;;) {
			const response = await fetch(`${url}/api/v1/events?after=${this.lastSeq}&limit=${limit}`, {
				headers: { authorization: `Bearer ${token}` },
			});
			if (response.status !== 200) throw new Error(`catch-up answered ${response.status}`);
			const body = (await response.json()) as { events: WireEvent[]; hasMore: boolean } | { resync: true };
			if ('resync' in body) throw new Error('unexpected resync');
			for (const event of body.events) this.#apply(event);
			if (!body.hasMore) break;
		}
		const buffered = this.#buffer ?? [];
		this.#buffer = undefined;
		for (const event of buffered) this.#apply(event);
	}

	#apply(event: WireEvent): void {
		if (event.seq > this.lastSeq) this.applied.push(event);
	}
}

/** A `postgres://` URL for the database behind a postgres-js drizzle handle (to open a second "instance"). */
export function urlOf(db: Database): string {
	const config = poolConfigOf(db);
	const url = new URL(
		`postgres://${config.host ?? '127.0.0.1'}:${config.port ?? 5432}/${config.database ?? ''}`,
	);
	url.username = config.user ?? '';
	if (typeof config.password === 'string') url.password = config.password;
	return url.toString();
}
