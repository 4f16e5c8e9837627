import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/database';
import type { OutboxEvent } from '../src/db/repositories/event.repository';
import { openTestDatabase } from './database';
import { append, newEvent, staffPrincipal, TestTokens } from './realtime-harness';
import type { AppEnv } from '../src/http/app-env';
import { eventsRoutes, type EventsRoutesDeps } from '../src/http/events/events.routes';

describe('GET /api/v1/events', () => {
	let handle: DatabaseHandle;
	const tokens = new TestTokens();
	const estate = randomUUID();
	const otherEstate = randomUUID();
	const token = tokens.issue(staffPrincipal(estate));
	let mine: OutboxEvent[] = [];

	const appWith = (deps: Omit<EventsRoutesDeps, 'db'> = {}) => {
		const app = new Hono<AppEnv>();
		app.use(async (c, next) => {
			c.set('principal', tokens.principalFor(c.req.header('authorization')));
			await next();
		});
		return app.route('/', eventsRoutes({ db: handle.db, ...deps }));
	};
	const get = (query: string, deps: Omit<EventsRoutesDeps, 'db'> = {}, bearer: string | null = token) =>
		appWith(deps).request(
			`/api/v1/events${query}`,
			bearer === null ? {} : { headers: { authorization: `Bearer ${bearer}` } },
		);

	beforeAll(async () => {
		handle = await openTestDatabase();
		mine = [];
		for (let index = 0; index < 6; index += 1) {
			const [own] = await append(
				handle.db,
				newEvent(estate, `own.${index}`),
				newEvent(otherEstate, `other.${index}`),
			);
			if (own) mine.push(own);
		}
	});

	afterAll(async () => {
		await handle.close();
	});

	it("returns the caller's estate events after a seq, in order, page by page", async () => {
		const first = await get('?after=0&limit=4');
		expect(first.status).toBe(200);
		const page1 = (await first.json()) as {
			events: { seq: number; type: string; estateId: string; at: string }[];
			latestSeq: number;
			hasMore: boolean;
		};
		expect(page1.events.map((event) => event.type)).toEqual(['own.0', 'own.1', 'own.2', 'own.3']);
		expect(page1.events.every((event) => event.estateId === estate)).toBe(true);
		expect(page1.events[0]?.at).toBe('2026-03-01T08:00:00.000Z');
		expect(page1.latestSeq).toBe(mine.at(-1)?.seq);
		expect(page1.hasMore).toBe(true);

		const second = await get(`?after=${page1.events.at(-1)?.seq}&limit=4`);
		const page2 = (await second.json()) as { events: { type: string }[]; hasMore: boolean };
		expect(page2.events.map((event) => event.type)).toEqual(['own.4', 'own.5']);
		expect(page2.hasMore).toBe(false);
	});

	it('catches a kiosk up on notices only, and refuses a field phone the estate stream', async () => {
		// An estate of its own, so the other tests' event lists stay as they are.
		const lobbyEstate = randomUUID();
		const [, notice] = await append(
			handle.db,
			newEvent(lobbyEstate, 'workOrder.submitted'),
			newEvent(lobbyEstate, 'notice.published'),
		);
		const kiosk = tokens.issue({
			kind: 'device',
			deviceKind: 'kiosk',
			deviceId: randomUUID(),
			estateId: lobbyEstate,
			staffId: null,
		});
		const response = await get('?after=0', {}, kiosk);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { events: { type: string; seq: number }[] };
		expect(body.events.map((event) => [event.seq, event.type])).toEqual([[notice?.seq, 'notice.published']]);
		const phone = tokens.issue({
			kind: 'device',
			deviceKind: 'field',
			deviceId: randomUUID(),
			estateId: lobbyEstate,
			staffId: randomUUID(),
		});
		expect((await get('?after=0', {}, phone)).status).toBe(403);
	});

	it('answers nothing more when the client is up to date', async () => {
		const response = await get(`?after=${mine.at(-1)?.seq}`);
		expect(await response.json()).toEqual({ events: [], latestSeq: mine.at(-1)?.seq, hasMore: false });
	});

	it("never answers past the relay's horizon", async () => {
		const horizon = mine[2]?.seq ?? 0;
		const response = await get('?after=0', { horizon: () => horizon });
		const body = (await response.json()) as {
			events: { type: string }[];
			latestSeq: number;
			hasMore: boolean;
		};
		expect(body.events.map((event) => event.type)).toEqual(['own.0', 'own.1', 'own.2']);
		expect(body.latestSeq).toBe(horizon);
		expect(body.hasMore).toBe(false);
	});

	it('tells a client too far behind to reload a snapshot', async () => {
		const response = await get('?after=0', { maxBehind: 5 });
		expect(await response.json()).toEqual({ resync: true, latestSeq: mine.at(-1)?.seq });
		const closeEnough = await get(`?after=${mine[0]?.seq}`, { maxBehind: 5 });
		expect(((await closeEnough.json()) as { events: unknown[] }).events).toHaveLength(5);
	});

	it('tells a client holding a seq this database never issued to reload a snapshot', async () => {
		const response = await get('?after=999999');
		expect(await response.json()).toEqual({ resync: true, latestSeq: mine.at(-1)?.seq });
	});

	it.each([
		['?after=-1', 'after'],
		['?after=abc', 'after'],
		['?after=1.5', 'after'],
		['', 'after'],
		['?after=0&limit=0', 'limit'],
		['?after=0&limit=5000', 'limit'],
	])('rejects %s with a 400 problem naming %s', async (query, path) => {
		const response = await get(query);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const body = (await response.json()) as { status: number; errors: { path: string }[] };
		expect(body.status).toBe(400);
		expect(body.errors.map((error) => error.path)).toEqual([path]);
	});

	it('answers 401 without a principal', async () => {
		const response = await get('?after=0', {}, null);
		expect(response.status).toBe(401);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
	});
});
