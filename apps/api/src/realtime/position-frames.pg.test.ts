import { type FramePosition, PositionFrame } from '@estate-ops/domain/positions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseDriver } from '#test/database';
import {
	connectClient,
	poolConfigOf,
	staffPrincipal,
	type TestClient,
	type TestInstance,
	TestTokens,
	startInstance,
	urlOf,
	waitFor,
} from '#test/realtime-harness';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { createEstate, createStaffMember } from '../http/auth/auth.fixtures';
import { createClusterLocks } from '../jobs/cluster-lock';
import { createPositionService } from '../services/position.service';
import { createPositionStaleWatch } from '../services/position-stale-watch';
import { createPositionFrames, type PositionFrames } from './position-frames';

/**
 * Two api instances on one PostgreSQL database (as in realtime-cluster.pg.test.ts): a fix taken in by one
 * instance reaches the control room's consoles connected to the other, through the Socket.IO adapter, and the
 * stale watch of either instance judges by the latest fixes every instance wrote.
 */
if (testDatabaseDriver !== 'postgres') {
	throw new Error(
		'position-frames.pg.test.ts needs DATABASE_URL (exclude **/*.pg.test.ts from the PGlite run)',
	);
}

describe('positions across two api instances', () => {
	let handleA: DatabaseHandle;
	let handleB: DatabaseHandle;
	let instanceA: TestInstance;
	let instanceB: TestInstance;
	let framesA: PositionFrames;
	let framesB: PositionFrames;
	let estateId: string;
	const tokens = new TestTokens();
	const clients: TestClient[] = [];
	let clock = new Date('2026-03-02T01:00:00Z').getTime();
	const now = () => new Date(clock);

	const screenAt = async (instance: TestInstance) => {
		const socket = await connectClient(instance.url, tokens.issue(staffPrincipal(estateId)));
		clients.push(socket);
		const received: PositionFrame[] = [];
		socket.on('guard.positions', (frame) => received.push(PositionFrame.parse(frame)));
		return received;
	};

	beforeAll(async () => {
		handleA = await openTestDatabase();
		handleB = await openDatabase({ driver: 'postgres', url: urlOf(handleA.db), maxConnections: 5 });
		instanceA = await startInstance(handleA.db, tokens, { postgresAdapter: poolConfigOf(handleA.db) });
		instanceB = await startInstance(handleB.db, tokens, { postgresAdapter: poolConfigOf(handleB.db) });
		const framesOf = (instance: TestInstance) =>
			createPositionFrames({
				emit: (room, event, frame) => instance.realtime.io.to(room).emit(event, frame),
				now,
				intervalMs: 60 * 60_000,
			});
		framesA = framesOf(instanceA);
		framesB = framesOf(instanceB);
		estateId = await createEstate(handleA.db, 'CLUSTER');
	});

	afterAll(async () => {
		for (const socket of clients) socket.close();
		framesA.close();
		framesB.close();
		await instanceA.close();
		await instanceB.close();
		await handleB.close();
		await handleA.close();
	});

	it("brings a fix taken in by instance A to a console on instance B, and B's stale watch announces it later", async () => {
		const atB = await screenAt(instanceB);
		const atA = await screenAt(instanceA);
		const guard = await createStaffMember(handleA.db, estateId, { roles: ['guard'] });
		const positionsA = createPositionService({ db: handleA.db, now, writer: { flushMs: 5 } });
		const taken: FramePosition[] = [];
		positionsA.onPosition((estate, position) => {
			taken.push(position);
			framesA.push(estate, position);
		});
		const answer = await positionsA.report({ estateId, personId: guard.id, deviceId: null }, [
			{ deviceTime: now(), lng: 121.474, lat: 31.231, accuracyM: 5 },
		]);
		expect(answer.ok && answer.value.accepted).toBe(1);
		// The adapter learns of B's sockets by heartbeat: resend the (idempotent) frame until B has it.
		await waitFor(
			() => {
				const [position] = taken;
				if (atB.length === 0 && position) {
					framesA.push(estateId, position);
					framesA.flush();
				}
				return atB.length > 0;
			},
			'the frame at B',
			10_000,
		);
		expect(atB[0]?.positions).toEqual([expect.objectContaining({ personId: guard.id, stale: false })]);

		// B never took in a fix of this guard; its watch reads what A wrote.
		clock += 120_000;
		const watchB = createPositionStaleWatch({
			db: handleB.db,
			locks: createClusterLocks(),
			now,
			push: framesB.push,
		});
		expect(await watchB.runOnce()).toBe(1);
		framesB.flush();
		await waitFor(() => atA.some((frame) => frame.positions.some((p) => p.stale)), 'the stale frame at A');
		expect(atA.at(-1)?.positions).toEqual([expect.objectContaining({ personId: guard.id, stale: true })]);
		await positionsA.close();
	});
});
