import { randomUUID } from 'node:crypto';
import { PositionFrame } from '@estate-ops/domain/positions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	collect,
	connectClient,
	pause,
	staffPrincipal,
	type TestClient,
	type TestInstance,
	TestTokens,
	startInstance,
	waitFor,
} from '#test/realtime-harness';
import { createClusterLocks } from '../jobs/cluster-lock';
import {
	ACROSS_THE_ROAD,
	createPositionsTestApi,
	INSIDE,
	type PositionsTestApi,
} from '../http/positions/positions.fixtures';
import { createPositionStaleWatch } from '../services/position-stale-watch';
import { createPositionFrames, type PositionFrames } from './position-frames';

/**
 * The live map's feed: reports go in over HTTP (the whole api, fake clock), frames come out of a real
 * Socket.IO server to real clients. The frames here wait for an explicit flush, so each test says exactly
 * which reports share a frame; one test lets the timer send.
 */
let api: PositionsTestApi;
let instance: TestInstance;
let frames: PositionFrames;
const tokens = new TestTokens();
const sockets: TestClient[] = [];
const locks = createClusterLocks();

const framesOf = (socket: TestClient) => {
	const received: PositionFrame[] = [];
	socket.on('guard.positions', (frame) => received.push(PositionFrame.parse(frame)));
	return received;
};

const consoleOf = async (estateId: string, roles = staffPrincipal(estateId).roles) => {
	const socket = await connectClient(instance.url, tokens.issue({ ...staffPrincipal(estateId), roles }));
	sockets.push(socket);
	return socket;
};

beforeAll(async () => {
	api = await createPositionsTestApi();
	instance = await startInstance(api.db, tokens);
	frames = createPositionFrames({
		emit: (room, event, frame) => instance.realtime.io.to(room).emit(event, frame),
		now: api.now,
		intervalMs: 60 * 60_000,
	});
	api.services.positions.onPosition(frames.push);
}, 60_000);
afterAll(async () => {
	for (const socket of sockets) socket.close();
	frames.close();
	await instance.close();
	await locks.close();
	await api.close();
});
beforeEach(() => frames.flush());

describe('guard.positions frames', () => {
	it('coalesces several reports into one frame per estate with each person once, at their latest fix', async () => {
		const screen = framesOf(await consoleOf(api.estateId));
		const li = await api.staffSession(api.estateId, ['guard']);
		const wang = await api.staffSession(api.estateId, ['cleaner']);
		await api.report({ session: li.session }, [api.fix(30, [121.471, 31.229])]);
		await api.report({ session: li.session }, [api.fix(20, [121.472, 31.23])]);
		await api.report({ session: wang.session }, [api.fix(15)]);
		await api.report({ session: li.session }, [api.fix(10, [121.473, 31.231], { headingDeg: 45 })]);
		frames.flush();
		await waitFor(() => screen.length === 1, 'the frame');
		await pause(100);
		expect(screen).toHaveLength(1);
		const [frame] = screen;
		expect(frame?.estateId).toBe(api.estateId);
		expect(frame?.at).toEqual(api.now());
		const byPerson = new Map(frame?.positions.map((position) => [position.personId, position]));
		expect(byPerson.size).toBe(2);
		expect(byPerson.get(li.id)).toEqual({
			personId: li.id,
			role: 'guard',
			lng: 121.473,
			lat: 31.231,
			accuracyM: 6,
			headingDeg: 45,
			at: new Date(api.now().getTime() - 10_000),
			stale: false,
			outside: false,
		});
		expect(byPerson.get(wang.id)).toMatchObject({ role: 'cleaner', headingDeg: null });
	});

	it('sends no frame when nobody moved, and nothing for a report that only repeated old fixes', async () => {
		const screen = framesOf(await consoleOf(api.estateId));
		const guard = await api.staffSession(api.estateId, ['guard']);
		const fix = api.fix(5);
		await api.report({ session: guard.session }, [fix]);
		frames.flush();
		await waitFor(() => screen.length === 1, 'the first frame');
		await api.report({ session: guard.session }, [fix]);
		frames.flush();
		frames.flush();
		await pause(200);
		expect(screen).toHaveLength(1);
	});

	it('flags a move outside the boundary in the frame', async () => {
		const screen = framesOf(await consoleOf(api.estateId));
		const guard = await api.staffSession(api.estateId, ['guard']);
		await api.report({ session: guard.session }, [api.fix(3, ACROSS_THE_ROAD)]);
		frames.flush();
		await waitFor(() => screen.length === 1, 'the frame');
		expect(screen[0]?.positions).toEqual([expect.objectContaining({ personId: guard.id, outside: true })]);
	});

	it('reaches only those who may track people, in the estate of the fix', async () => {
		const control = framesOf(await consoleOf(api.estateId));
		const desk = framesOf(await consoleOf(api.estateId, ['customer_service']));
		const otherEstate = framesOf(await consoleOf(randomUUID()));
		const guard = await api.staffSession(api.estateId, ['guard']);
		const own = framesOf(await consoleOf(api.estateId, ['guard']));
		await api.report({ session: guard.session }, [api.fix(2)]);
		frames.flush();
		await waitFor(() => control.length === 1, "the control room's frame");
		await pause(200);
		expect([desk.length, otherEstate.length, own.length]).toEqual([0, 0, 0]);
	});

	it('sends a frame by itself a moment after a report', async () => {
		const quick = createPositionFrames({
			emit: (room, event, frame) => instance.realtime.io.to(room).emit(event, frame),
			now: api.now,
			intervalMs: 50,
		});
		const stop = api.services.positions.onPosition(quick.push);
		try {
			const screen = framesOf(await consoleOf(api.estateId));
			const guard = await api.staffSession(api.estateId, ['technician']);
			await api.report({ session: guard.session }, [api.fix(1)]);
			await waitFor(
				() => screen.some((frame) => frame.positions.some((p) => p.personId === guard.id)),
				'a frame',
			);
			expect(screen.at(-1)?.positions.find((p) => p.personId === guard.id)?.role).toBe('technician');
		} finally {
			stop();
			quick.close();
		}
	});

	it('announces a person who falls silent as stale once, after two minutes', async () => {
		const screen = framesOf(await consoleOf(api.estateId));
		const guard = await api.staffSession(api.estateId, ['guard']);
		const watch = createPositionStaleWatch({ db: api.db, locks, now: api.now, push: frames.push });
		await api.report({ session: guard.session }, [api.fix(0, INSIDE)]);
		frames.flush();
		await waitFor(() => screen.length === 1, 'the live frame');
		expect(screen[0]?.positions.find((p) => p.personId === guard.id)?.stale).toBe(false);

		api.advance(119_000);
		await watch.runOnce();
		api.advance(1_000);
		await watch.runOnce();
		frames.flush();
		await waitFor(() => screen.length === 2, 'the stale frame');
		expect(screen[1]?.positions.find((p) => p.personId === guard.id)).toMatchObject({
			stale: true,
			outside: false,
			at: new Date(api.now().getTime() - 120_000),
		});

		api.advance(5_000);
		await watch.runOnce();
		frames.flush();
		await pause(200);
		expect(screen.flatMap((frame) => frame.positions).filter((p) => p.personId === guard.id)).toHaveLength(2);
	});
});

describe('SOS on the console', () => {
	it('reaches the control room as an alert.raised event as soon as it is answered', async () => {
		const socket = await consoleOf(api.estateId);
		const received = collect(socket);
		const guard = await api.staffSession(api.estateId, ['guard']);
		const res = await api.request('/api/v1/sos', {
			method: 'POST',
			session: guard.session,
			json: { lng: INSIDE[0], lat: INSIDE[1] },
		});
		const alert = (await res.json()) as { id: string };
		await waitFor(() => received.some((event) => event.aggregateId === alert.id), 'the alert event');
		expect(received.find((event) => event.aggregateId === alert.id)).toMatchObject({
			type: 'alert.raised',
			estateId: api.estateId,
			payload: {
				type: 'alert.raised',
				alert: { id: alert.id, kind: 'sos', status: 'open', personId: guard.id },
			},
		});
	});
});
