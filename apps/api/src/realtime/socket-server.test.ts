import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { appendEvents, eventsAfter } from '../db/repositories/event.repository';
import { openTestDatabase } from '../../test/database';
import {
	append,
	ClientLog,
	collect,
	connectClient,
	newEvent,
	pause,
	staffPrincipal,
	type TestClient,
	type TestInstance,
	TestTokens,
	startInstance,
	waitFor,
} from '../../test/realtime-harness';

describe('the realtime server', () => {
	let handle: DatabaseHandle;
	let instance: TestInstance;
	const tokens = new TestTokens();
	const clients: TestClient[] = [];
	const estateA = randomUUID();
	const estateB = randomUUID();

	const client = async (estateId: string) => {
		const socket = await connectClient(instance.url, tokens.issue(staffPrincipal(estateId)));
		clients.push(socket);
		return socket;
	};

	beforeAll(async () => {
		handle = await openTestDatabase();
		instance = await startInstance(handle.db, tokens);
	});

	afterAll(async () => {
		for (const socket of clients) socket.close();
		await instance.close();
		await handle.close();
	});

	it('delivers an appended event to the clients of its estate and not to another estate', async () => {
		const a = await client(estateA);
		const b = await client(estateB);
		const receivedA = collect(a);
		const receivedB = collect(b);

		const [forA] = await append(handle.db, newEvent(estateA, 'workOrder.submitted'));
		await waitFor(() => receivedA.length === 1, "A's event at A");
		// B's own event comes after A's in seq order, so once it has arrived A's would have too.
		const [forB] = await append(handle.db, newEvent(estateB, 'workOrder.assigned'));
		await waitFor(() => receivedB.length === 1, "B's event at B");

		expect(receivedA).toEqual([
			{
				seq: forA?.seq,
				estateId: estateA,
				type: 'workOrder.submitted',
				aggregateType: 'workOrder',
				aggregateId: forA?.aggregateId,
				at: '2026-03-01T08:00:00.000Z',
				payload: { type: 'workOrder.submitted', note: 'payload of workOrder.submitted' },
			},
		]);
		expect(receivedB.map((event) => event.seq)).toEqual([forB?.seq]);
	});

	it("gives a lobby kiosk notices only: work-order events carry residents' contacts", async () => {
		const kiosk = await connectClient(
			instance.url,
			tokens.issue({
				kind: 'device',
				deviceKind: 'kiosk',
				deviceId: randomUUID(),
				estateId: estateA,
				staffId: null,
			}),
		);
		clients.push(kiosk);
		const received = collect(kiosk);
		await append(handle.db, newEvent(estateA, 'workOrder.submitted'));
		const [notice] = await append(handle.db, newEvent(estateA, 'notice.published'));
		await waitFor(() => received.length >= 1, 'the notice at the kiosk');
		await pause(200);
		expect(received.map((event) => [event.seq, event.type])).toEqual([[notice?.seq, 'notice.published']]);
	});

	it('gives a field phone no estate stream, only its own room', async () => {
		const staffId = randomUUID();
		const phone = await connectClient(
			instance.url,
			tokens.issue({
				kind: 'device',
				deviceKind: 'field',
				deviceId: randomUUID(),
				estateId: estateA,
				staffId,
			}),
		);
		clients.push(phone);
		const [server] = await instance.realtime.io.in(`user:${staffId}`).fetchSockets();
		expect([...(server?.rooms ?? [])].sort()).toEqual([phone.id, `user:${staffId}`].sort());
	});

	it('sends a field phone the events that name its person, and a control room each event once', async () => {
		const staffId = randomUUID();
		const phone = await connectClient(
			instance.url,
			tokens.issue({
				kind: 'device',
				deviceKind: 'field',
				deviceId: randomUUID(),
				estateId: estateA,
				staffId,
			}),
		);
		clients.push(phone);
		const desk = staffPrincipal(estateA);
		const control = await connectClient(instance.url, tokens.issue({ ...desk, staffId }));
		clients.push(control);
		const atPhone = collect(phone);
		const atControl = collect(control);
		const [other] = await append(handle.db, {
			...newEvent(estateA, 'workOrder.assigned'),
			payload: { type: 'workOrder.assigned', assigneeId: randomUUID() },
		});
		const [mine] = await append(handle.db, {
			...newEvent(estateA, 'workOrder.assigned'),
			payload: { type: 'workOrder.assigned', assigneeId: staffId },
		});
		await waitFor(
			() => atPhone.length >= 1 && atControl.length >= 2,
			'the assignment at the phone and the desk',
		);
		await pause(200);
		expect(atPhone.map((event) => event.seq)).toEqual([mine?.seq]);
		expect(atControl.map((event) => event.seq)).toEqual([other?.seq, mine?.seq]);
	});

	it('joins a control-room socket to its estate room, the positions room and its own user room, and nothing else', async () => {
		const principal = staffPrincipal(estateA);
		const socket = await connectClient(instance.url, tokens.issue(principal));
		clients.push(socket);
		const [server] = await instance.realtime.io.in(`user:${principal.staffId}`).fetchSockets();
		expect(server?.id).toBe(socket.id);
		expect([...(server?.rooms ?? [])].sort()).toEqual(
			// The control room also watches live positions (position-frames.ts).
			[socket.id, `estate:${estateA}`, `positions:${estateA}`, `user:${principal.staffId}`].sort(),
		);
	});

	it("disconnects a staff member's sockets on request and leaves the others connected", async () => {
		const principal = staffPrincipal(estateA);
		const leaving = await connectClient(instance.url, tokens.issue(principal));
		const staying = await client(estateA);
		const disconnected = new Promise<string>((resolve) =>
			leaving.once('disconnect', (reason) => resolve(reason)),
		);
		instance.realtime.disconnectUser(principal.staffId);
		expect(await disconnected).toBe('io server disconnect');
		expect(staying.connected).toBe(true);
	});

	it('refuses a socket without credentials or with unknown ones', async () => {
		await expect(connectClient(instance.url, undefined)).rejects.toThrow('unauthorized');
		await expect(connectClient(instance.url, 'not-a-token')).rejects.toThrow('unauthorized');
	});

	it('delivers the events of one transaction in seq order', async () => {
		const socket = await client(estateA);
		const received = collect(socket);
		const appended = await append(
			handle.db,
			...[
				'workOrder.submitted',
				'workOrder.accepted',
				'workOrder.assigned',
				'workOrder.started',
				'workOrder.completed',
			].map((type) => newEvent(estateA, type)),
		);
		await waitFor(() => received.length === 5, 'five events');
		expect(received.map((event) => event.seq)).toEqual(appended.map((event) => event.seq));
		expect(received.map((event) => event.type)).toEqual([
			'workOrder.submitted',
			'workOrder.accepted',
			'workOrder.assigned',
			'workOrder.started',
			'workOrder.completed',
		]);
		expect([...received.map((event) => event.seq)].sort((x, y) => x - y)).toEqual(
			received.map((event) => event.seq),
		);
	});

	it('never delivers the events of a rolled-back transaction', async () => {
		const socket = await client(estateA);
		const received = collect(socket);
		await expect(
			handle.db.transaction(async (tx) => {
				await appendEvents(tx, [
					newEvent(estateA, 'workOrder.rolledBack'),
					newEvent(estateA, 'workOrder.rolledBackToo'),
				]);
				throw new Error('the service failed after appending');
			}),
		).rejects.toThrow('the service failed');
		const [committed] = await append(handle.db, newEvent(estateA, 'workOrder.committed'));
		await waitFor(() => received.length >= 1, 'the committed event');
		await pause(300);
		expect(received.map((event) => [event.seq, event.type])).toEqual([
			[committed?.seq, 'workOrder.committed'],
		]);
	});

	it('lets a client that disconnects and misses events end with exactly the database list after catch-up and reconnect', async () => {
		const estate = randomUUID();
		const token = tokens.issue(staffPrincipal(estate));
		const log = new ClientLog();

		const first = await connectClient(instance.url, token);
		log.attach(first);
		await log.catchUp(instance.url, token);
		await append(handle.db, newEvent(estate, 'workOrder.submitted'), newEvent(estate, 'workOrder.accepted'));
		await waitFor(() => log.applied.length === 2, 'the first two events live');
		first.close();

		// Missed while away: more than one catch-up page, with other estates' events in between.
		for (let index = 0; index < 10; index += 1) {
			await append(handle.db, newEvent(estate, `missed.${index}`), newEvent(estateB, `other.${index}`));
		}

		const second = await connectClient(instance.url, token);
		clients.push(second);
		log.attach(second);
		// Events keep coming while the client catches up.
		const during = Promise.all(
			Array.from({ length: 5 }, (_, index) => append(handle.db, newEvent(estate, `during.${index}`))),
		);
		await log.catchUp(instance.url, token);
		await during;
		await append(handle.db, newEvent(estate, 'after.catchUp'));

		const inDatabase = await eventsAfter(handle.db, { estateId: estate, after: 0, limit: 1_000 });
		expect(inDatabase).toHaveLength(2 + 10 + 5 + 1);
		await waitFor(() => log.lastSeq === inDatabase.at(-1)?.seq, 'the last event');
		expect(log.applied.map((event) => event.seq)).toEqual(inDatabase.map((event) => event.seq));
		expect(log.applied.map((event) => event.type)).toEqual(inDatabase.map((event) => event.type));
	});

	it('disconnects only the socket that sends a payload over the size limit', async () => {
		const offender = await client(estateA);
		const bystander = await client(estateA);
		const received = collect(bystander);
		const disconnected = new Promise<string>((resolve) =>
			offender.once('disconnect', (reason) => resolve(reason)),
		);

		offender.emit(
			'sync.status',
			{ lastSeq: 0, padding: 'x'.repeat(100 * 1024) } as unknown as { lastSeq: number },
			() => undefined,
		);

		expect(await disconnected).toBe('transport close');
		const [after] = await append(handle.db, newEvent(estateA, 'workOrder.afterOversized'));
		await waitFor(() => received.some((event) => event.seq === after?.seq), 'the bystander still receiving');
		expect(bystander.connected).toBe(true);
		expect(offender.connected).toBe(false);
	});

	it('answers sync.status with the estate latest seq, and field errors for a malformed request', async () => {
		const estate = randomUUID();
		const socket = await client(estate);
		const [, last] = await append(handle.db, newEvent(estate, 'one'), newEvent(estate, 'two'));
		await waitFor(() => instance.realtime.relay.deliveredThrough() >= (last?.seq ?? Infinity), 'the relay');

		const good = await socket.timeout(2_000).emitWithAck('sync.status', { lastSeq: 0 });
		expect(good).toEqual({ ok: true, latestSeq: last?.seq, behind: true });
		const bad = await socket.timeout(2_000).emitWithAck('sync.status', { lastSeq: -1 });
		expect(bad).toMatchObject({ ok: false, errors: [{ path: 'lastSeq' }] });
	});
});
