import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { testDatabaseDriver } from '#test/database';
import { poolConfigOf } from '#test/realtime-harness';
import { createPasswordHasher } from '../auth/password-hasher';
import { createClusterLocks, type ClusterLocks } from '../jobs/cluster-lock';
import { createPatrolWatchJob } from '../jobs/patrol-watch.job';
import { encryptField } from '../privacy/field-encryption';
import { seedDemoEstate } from '../seed/demo-estate';
import { pairDemoKiosk } from '../seed/demo-kiosk';
import { DEMO_SEED, mulberry32 } from '../seed/random';
import { DEMO_PASSWORD } from '../seed/staff';
import { closeGracefully } from '../server/graceful-close';
import { memoryStateStore, SimulatorState } from './field-cast';
import { createSimulator } from './simulator';

// A Wednesday at 10:00 in Shanghai: both patrol routes open a round, the corridors are due by noon.
const START = new Date('2026-03-11T10:00:00+08:00');
const TICK_MS = 5_000;
const SIMULATED_MINUTES = 8;

// Cheap argon2 for the demo logins: the parameters themselves are tested in the auth area.
const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1, outputLen: 32 });

type Position = { personId: string; role: string; lng: number; lat: number };

/**
 * The simulator against the real api over real HTTP (a server on a loopback port, the demo estate seeded into
 * its database), driven by a fake clock: everything it did is read back through the api.
 */
describe('the simulator', () => {
	let api: TestApi;
	let server: ReturnType<typeof serve>;
	let origin: string;
	let kioskToken: string;
	let locks: ClusterLocks;
	const warnings: string[] = [];
	const store = memoryStateStore();

	beforeAll(async () => {
		api = await createTestApi({ start: START, positionWriter: { flushMs: 5 } });
		const demo = await seedDemoEstate(api.db, {
			now: api.now(),
			random: mulberry32(DEMO_SEED),
			hashPassword: (plain) => hasher.hash(plain),
			encryptField: (plain) => encryptField(plain, api.encryptionKey),
		});
		if (!demo) throw new Error('the demo estate was not seeded');
		const kiosk = await pairDemoKiosk(api.db, { estateId: demo.estateId, now: api.now() });
		kioskToken = kiosk.link.replace('/kiosk/#pair=', '');
		server = serve({ fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 });
		await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

		const simulator = createSimulator({
			now: api.now,
			speed: 10,
			password: DEMO_PASSWORD,
			kioskToken,
			store,
			logger: {
				info: () => undefined,
				warn: (details, message) => void warnings.push(`${message} ${JSON.stringify(details)}`),
			},
			cast: { guard: 3, cleaner: 2, technician: 2 },
		});
		// The server's patrol watch stores the day's rounds and evaluates them once a minute.
		locks = createClusterLocks(testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(api.db) } : {});
		const patrolWatch = createPatrolWatchJob({ db: api.db, locks, now: api.now });
		await patrolWatch.runOnce();
		await simulator.prepare(origin);
		for (let elapsed = TICK_MS; elapsed <= SIMULATED_MINUTES * 60_000; elapsed += TICK_MS) {
			api.advance(TICK_MS);
			if (elapsed % 60_000 === 0) await patrolWatch.runOnce();
			await simulator.tick();
		}
		await simulator.stop();
	}, 120_000);

	afterAll(async () => {
		await closeGracefully(server, 500);
		await locks.close();
		await api.close();
	});

	const control = () => api.login('control', DEMO_PASSWORD);
	const idOf = async (username: string) => {
		const res = await api.request('/api/v1/auth/me', { session: await api.login(username, DEMO_PASSWORD) });
		return ((await res.json()) as { id: string }).id;
	};

	it('runs without a failed step', () => {
		expect(warnings).toEqual([]);
	});

	it('gives field phones to guards, cleaners and technicians other than the demo logins, and keeps their tokens', async () => {
		const kept = SimulatorState.parse(store.load());
		expect(kept.phones).toHaveLength(7);
		const demoLogins = await Promise.all(['guard', 'cleaner', 'tech'].map(idOf));
		expect(kept.demoLoginStaffIds).toEqual(expect.arrayContaining(demoLogins));
		for (const id of demoLogins) expect(kept.phones.map((phone) => phone.staffId)).not.toContain(id);

		const res = await api.request('/api/v1/devices', { session: await api.login('admin', DEMO_PASSWORD) });
		const { devices } = (await res.json()) as { devices: { id: string; kind: string; revokedAt: null }[] };
		for (const phone of kept.phones)
			expect(devices).toContainEqual(
				expect.objectContaining({ id: phone.deviceId, kind: 'field', revokedAt: null }),
			);
	});

	it('reports everyone’s positions in batches: the control room sees each of them and a guard’s walked track', async () => {
		const session = await control();
		const res = await api.request('/api/v1/positions', { session });
		const { positions } = (await res.json()) as {
			positions: (Position & { stale: boolean; outside: boolean })[];
		};
		expect(positions).toHaveLength(7);
		// Nobody strays off the estate: the map would flag them outside.
		expect(positions.filter((position) => position.outside)).toEqual([]);
		expect(new Set(positions.map((position) => position.role))).toEqual(
			new Set(['guard', 'cleaner', 'technician']),
		);

		// Every 5 s over the minutes walked, sent a quarter minute at a time.
		const guard = positions.find((position) => position.role === 'guard');
		const track = await api.request(`/api/v1/positions/${guard?.personId ?? ''}/track?minutes=30`, {
			session,
		});
		const { points } = (await track.json()) as { points: { lng: number; lat: number; at: string }[] };
		expect(points.length).toBeGreaterThan((SIMULATED_MINUTES * 60_000) / TICK_MS / 2);
		const times = points.map((point) => Date.parse(point.at));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('walks a patrol round and scans its checkpoints', async () => {
		const res = await api.request('/api/v1/patrols/rounds', { session: await control() });
		const { current } = (await res.json()) as {
			current: { status: string; checkpoints: { state: string; guardId: string | null }[] }[];
		};
		const scanned = current.flatMap((round) =>
			round.checkpoints.filter((checkpoint) => checkpoint.state === 'visited' || checkpoint.state === 'late'),
		);
		expect(scanned.length).toBeGreaterThan(0);
		expect(current.some((round) => round.status === 'in_progress')).toBe(true);
	});

	it('marks cleaning rounds done in the cleaners’ zones', async () => {
		const res = await api.request('/api/v1/cleaning/today', { session: await control() });
		const { zones } = (await res.json()) as {
			zones: { tasks: { state: string; completion: { cleanerId: string } | null }[] }[];
		};
		const done = zones.flatMap((zone) => zone.tasks.filter((task) => task.completion !== null));
		expect(done.length).toBeGreaterThan(0);
		expect(done.every((task) => task.state === 'done')).toBe(true);
	});

	it('files requests at the lobby kiosk, which the desk takes on and dispatches', async () => {
		const res = await api.request('/api/v1/work-orders?limit=200', { session: await control() });
		const { items } = (await res.json()) as {
			items: { order: { channel: string; kind: string; status: string; submittedAt: string } }[];
		};
		const filed = items
			.map((item) => item.order)
			.filter((order) => order.channel === 'kiosk' && Date.parse(order.submittedAt) > START.getTime());
		expect(filed.length).toBeGreaterThan(0);
		expect(filed.every((order) => order.kind === 'repair')).toBe(true);
		expect(filed.some((order) => order.status !== 'submitted')).toBe(true);
	});
});
