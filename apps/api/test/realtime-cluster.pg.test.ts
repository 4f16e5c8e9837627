import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/database';
import { appendEvents } from '../src/db/repositories/event.repository';
import { type ClusterLockResult, createClusterLocks } from '../src/jobs/cluster-lock';
import { openTestDatabase, testDatabaseDriver } from './database';
import {
	append,
	collect,
	connectClient,
	newEvent,
	pause,
	poolConfigOf,
	staffPrincipal,
	type TestClient,
	type TestInstance,
	TestTokens,
	startInstance,
	urlOf,
	waitFor,
} from './realtime-harness';

/**
 * Two api instances on one PostgreSQL database, each with its own connection pool, HTTP server, Socket.IO
 * server and `@socket.io/postgres-adapter`. Runs only with DATABASE_URL: the PGlite run excludes `*.pg.test.ts`.
 */
if (testDatabaseDriver !== 'postgres') {
	throw new Error(
		'realtime-cluster.pg.test.ts needs DATABASE_URL (exclude **/*.pg.test.ts from the PGlite run)',
	);
}

describe('two api instances on one PostgreSQL database', () => {
	let handleA: DatabaseHandle;
	let handleB: DatabaseHandle;
	let instanceA: TestInstance;
	let instanceB: TestInstance;
	const tokens = new TestTokens();
	const clients: TestClient[] = [];
	const estate = randomUUID();

	const clientOf = async (instance: TestInstance) => {
		const socket = await connectClient(instance.url, tokens.issue(staffPrincipal(estate)));
		clients.push(socket);
		return socket;
	};

	beforeAll(async () => {
		handleA = await openTestDatabase();
		handleB = await openDatabase({ driver: 'postgres', url: urlOf(handleA.db), maxConnections: 5 });
		instanceA = await startInstance(handleA.db, tokens, { postgresAdapter: poolConfigOf(handleA.db) });
		instanceB = await startInstance(handleB.db, tokens, { postgresAdapter: poolConfigOf(handleB.db) });
	});

	afterAll(async () => {
		for (const socket of clients) socket.close();
		await instanceA.close();
		await instanceB.close();
		await handleB.close();
		await handleA.close();
	});

	it("delivers an event appended through instance A's database to a client of instance B, once", async () => {
		const atA = collect(await clientOf(instanceA));
		const atB = collect(await clientOf(instanceB));
		const appended = await append(
			handleA.db,
			newEvent(estate, 'workOrder.submitted'),
			newEvent(estate, 'workOrder.accepted'),
		);
		const seqs = appended.map((event) => event.seq);

		await waitFor(() => atB.length >= 2 && atA.length >= 2, 'both events at both instances');
		await pause(300);
		expect(atB.map((event) => event.seq)).toEqual(seqs);
		expect(atA.map((event) => event.seq)).toEqual(seqs);
	});

	it("carries a broadcast from instance A's Socket.IO server to instance B's clients through the adapter", async () => {
		const atB = collect(await clientOf(instanceB));
		// The adapter learns of B's rooms by heartbeat; a broadcast reaches sockets the other side knows now.
		const wire = {
			seq: 1,
			estateId: estate,
			type: 'guard.positions',
			aggregateType: 'estate',
			aggregateId: estate,
			at: new Date().toISOString(),
			payload: { frames: [] },
		};
		await waitFor(
			() => {
				if (atB.length === 0) instanceA.realtime.io.to(`estate:${estate}`).emit('domain.event', wire);
				return atB.length > 0;
			},
			'the broadcast at B',
			10_000,
		);
		expect(atB[0]).toEqual(wire);
	});

	it('holds back a committed event until a lower seq taken by a still-open transaction commits, then delivers both in seq order', async () => {
		const atB = collect(await clientOf(instanceB));
		let commitSlow: () => void = () => undefined;
		let slowAppended: () => void = () => undefined;
		const appendedInSlow = new Promise<void>((resolve) => (slowAppended = resolve));
		const slow = handleA.db.transaction(async (tx) => {
			const events = await appendEvents(tx, [newEvent(estate, 'slow.transaction')]);
			slowAppended();
			await new Promise<void>((resolve) => (commitSlow = resolve));
			return events;
		});
		await appendedInSlow;
		const fast = await append(handleB.db, newEvent(estate, 'fast.transaction'));
		await pause(500);
		expect(atB).toEqual([]);

		commitSlow();
		const slowEvents = await slow;
		await waitFor(() => atB.length === 2, 'both events');
		expect(atB.map((event) => [event.seq, event.type])).toEqual([
			[slowEvents[0]?.seq, 'slow.transaction'],
			[fast[0]?.seq, 'fast.transaction'],
		]);
		expect(slowEvents[0]!.seq).toBeLessThan(fast[0]!.seq);
	});

	it('runs a cluster-locked job on one instance only, and fails over when the holder dies', async () => {
		const locksA = createClusterLocks({ postgres: poolConfigOf(handleA.db) });
		const locksB = createClusterLocks({ postgres: poolConfigOf(handleB.db) });
		try {
			let release: () => void = () => undefined;
			let started: () => void = () => undefined;
			const holding = new Promise<void>((resolve) => (started = resolve));
			const first = locksA.withClusterLock('sla-watch', async () => {
				started();
				await new Promise<void>((resolve) => (release = resolve));
				return 'A';
			});
			await holding;
			expect(await locksB.withClusterLock('sla-watch', async () => 'B')).toEqual({ acquired: false });
			expect(await locksA.withClusterLock('sla-watch', async () => 'A again')).toEqual({ acquired: false });

			// The holder's connection dies (as with a crashed instance): PostgreSQL drops its session lock.
			await handleB.db.execute(
				sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
			);
			let takeover: ClusterLockResult<string> = { acquired: false };
			for (let attempt = 0; attempt < 50 && !takeover.acquired; attempt += 1) {
				takeover = await locksB.withClusterLock('sla-watch', async () => 'B');
				if (!takeover.acquired) await pause(50);
			}
			expect(takeover).toEqual({ acquired: true, value: 'B' });

			// The job that lost its lock still finishes cleanly, and A can take the lock again later.
			release();
			expect(await first).toEqual({ acquired: true, value: 'A' });
			expect(await locksA.withClusterLock('sla-watch', async () => 'A later')).toEqual({
				acquired: true,
				value: 'A later',
			});
		} finally {
			await locksA.close();
			await locksB.close();
		}
	});
});
