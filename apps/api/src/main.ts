import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app';
import { createServices } from './app-services';
import { createHandshakeAuthenticator } from './auth/handshake';
import { createPasswordHasher } from './auth/password-hasher';
import { openDatabase } from './db/database';
import { loadEnv } from './env';
import { connectionAddress, forwardedClientAddress } from './http/auth/client-address';
import { createClusterLocks } from './jobs/cluster-lock';
import { createSlaWatchJob } from './jobs/sla-watch.job';
import { createCleaningWatchJob } from './jobs/cleaning-watch.job';
import { createPatrolWatchJob } from './jobs/patrol-watch.job';
import { createPositionFrames } from './realtime/position-frames';
import { NOTIFICATION_EVENT, userRoom } from './realtime/realtime-events';
import { attachRealtime, type Realtime } from './realtime/socket-server';
import { createPositionStaleWatch } from './services/position-stale-watch';
import { loadOrCreateEncryptionKey } from './privacy/encryption-key';
import { encryptField } from './privacy/field-encryption';
import { describeDemoEstate, hasDemoEstate, seedDemoEstate } from './seed/demo-estate';
import { pairDemoKiosk, pairingLink, readDemoKioskPairing, writeDemoKioskPairing } from './seed/demo-kiosk';
import { DEMO_PASSWORD } from './seed/staff';
import { DEMO_SEED, mulberry32 } from './seed/random';
import { closeGracefully } from './server/graceful-close';
import { fileStateStore } from './simulator/field-cast';
import { createSimulator, ownOrigin } from './simulator/simulator';
import { VERSION } from './version';

// Wiring only: configuration → logger → database → services → http + realtime, and an orderly stop.
const env = loadEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'estate-ops-api', version: VERSION } });
const startedAt = performance.now();
// The one clock of the process; CLOCK_START moves it, and it runs on at the real pace from there.
const clockOffsetMs = env.CLOCK_START ? env.CLOCK_START.getTime() - Date.now() : 0;
const now = () => new Date(Date.now() + clockOffsetMs);

const database = await openDatabase(
	env.DATABASE_URL
		? { driver: 'postgres', url: env.DATABASE_URL }
		: { driver: 'pglite', dataDir: join(env.DATA_DIR, 'pglite') },
);
await database.migrate();
logger.info({ driver: database.driver }, 'database migrated');

const encryptionKey = loadOrCreateEncryptionKey(env.DATA_DIR, env.ENCRYPTION_KEY);
const passwordHasher = createPasswordHasher();
const services = createServices({ db: database.db, now, hasher: passwordHasher, encryptionKey });

// A first start on an empty database gets the demo estate, so a new user sees a living system at once.
const demo = env.DEMO_SEED
	? await seedDemoEstate(database.db, {
			now: now(),
			random: mulberry32(DEMO_SEED),
			hashPassword: (plain) => passwordHasher.hash(plain),
			encryptField: (plain) => encryptField(plain, encryptionKey),
		})
	: null;
if (demo) logger.info({ estateId: demo.estateId, counts: demo.counts }, 'demo estate seeded');
// The demo's lobby kiosk, paired by opening the printed link; its token is kept in DATA_DIR for later starts.
if (demo) {
	const kiosk = await pairDemoKiosk(database.db, { estateId: demo.estateId, now: now() });
	writeDemoKioskPairing(env.DATA_DIR, kiosk.link);
}
const kioskPairing = readDemoKioskPairing(env.DATA_DIR);
const demoExists = demo !== null || (env.DEMO_SEED && (await hasDemoEstate(database.db)));
// The living demo needs the demo estate and its logins.
const simulate = env.SIMULATE && (demoExists || (await hasDemoEstate(database.db)));
// Realtime attaches to the server that serves the app, so the app reads it through this holder.
const live: { realtime?: Realtime } = {};

const app = createApp({
	logger,
	version: VERSION,
	uptimeSeconds: () => (performance.now() - startedAt) / 1000,
	checkDatabase: () => database.ping(),
	consoleDir: env.CONSOLE_DIR,
	kioskDir: env.KIOSK_DIR,
	db: database.db,
	now,
	services,
	secureCookies: env.NODE_ENV === 'production',
	allowedOrigins: env.ALLOWED_ORIGINS,
	clientAddress: env.TRUST_PROXY ? forwardedClientAddress : connectionAddress,
	eventsHorizon: () => live.realtime?.relay.deliveredThrough(),
	connectedSockets: () => live.realtime?.io.engine.clientsCount ?? 0,
	...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
});

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
	const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
	logger.info({ port: info.port }, 'listening');
	// The lines a person starting the system looks for.
	console.log(
		[
			'',
			'Estate Ops is running:',
			`  console  http://${shown}:${info.port}/`,
			`  kiosk    http://${shown}:${info.port}${kioskPairing ?? '/kiosk/'}`,
			`  api docs http://${shown}:${info.port}/api/docs`,
			`  health   http://${shown}:${info.port}/healthz`,
			`  database ${database.driver === 'pglite' ? `embedded PGlite in ${join(env.DATA_DIR, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`,
			...(simulate
				? [
						`  demo     alive: simulated guards, cleaners, technicians and residents (SIMULATE=false stops them)`,
					]
				: []),
			'',
			...(demo
				? [describeDemoEstate(demo), '']
				: demoExists
					? [
							`Demo logins: admin, manager, control, service, dispatch, tech, guard, cleaner, supervisor, finance, store (password ${DEMO_PASSWORD}, unless changed).`,
							'',
						]
					: []),
		].join('\n'),
	);
});

const realtime = await attachRealtime(server, {
	db: database.db,
	logger,
	now,
	authenticateHandshake: createHandshakeAuthenticator(services.auth),
	...(env.DATABASE_URL ? { postgresAdapter: { connectionString: env.DATABASE_URL } } : {}),
});
live.realtime = realtime;
const clusterLocks = createClusterLocks(
	env.DATABASE_URL ? { postgres: { connectionString: env.DATABASE_URL }, logger } : { logger },
);
const slaWatch = createSlaWatchJob({
	db: database.db,
	locks: clusterLocks,
	now,
	logger,
	intervalMs: env.SLA_WATCH_INTERVAL_MS,
	// Through the adapter, so a person connected to another instance hears it too.
	deliver: (delivered) => {
		for (const notification of delivered)
			realtime.io.to(userRoom(notification.recipientId)).emit(NOTIFICATION_EVENT, notification);
	},
});
slaWatch.start();
// Live positions: coalesced frames to each estate's watchers, and a watch for people who fall silent.
const positionFrames = createPositionFrames({
	emit: (room, event, frame) => realtime.io.to(room).emit(event, frame),
	now,
});
services.positions.onPosition(positionFrames.push);
const positionStaleWatch = createPositionStaleWatch({
	db: database.db,
	locks: clusterLocks,
	now,
	push: positionFrames.push,
	logger,
});
positionStaleWatch.start();
// Patrol rounds (stored, evaluated, late and missed checkpoints raised) and cleaning zones turning overdue.
const patrolWatch = createPatrolWatchJob({ db: database.db, locks: clusterLocks, now, logger });
patrolWatch.start();
const cleaningWatch = createCleaningWatchJob({ db: database.db, locks: clusterLocks, now, logger });
cleaningWatch.start();
// The living demo: simulated staff and residents act through this server's own api, like real devices.
const simulator = simulate
	? createSimulator({
			now,
			speed: env.SIMULATE_SPEED,
			password: DEMO_PASSWORD,
			kioskToken: kioskPairing?.slice(pairingLink('').length) ?? null,
			store: fileStateStore(env.DATA_DIR),
			logger: logger.child({ component: 'simulator' }),
		})
	: null;
if (simulator) {
	const startSimulator = () => {
		const address = server.address();
		if (address && typeof address === 'object') simulator.start(ownOrigin(env.HOST, address.port));
	};
	if (server.listening) startSimulator();
	else server.once('listening', startSimulator);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down');
		const stop = async () => {
			// First, while the server still answers its last requests.
			await simulator?.stop();
			await slaWatch.stop();
			await positionStaleWatch.stop();
			await patrolWatch.stop();
			await cleaningWatch.stop();
			positionFrames.close();
			await realtime.close();
			await clusterLocks.close();
			await closeGracefully(server, env.SHUTDOWN_TIMEOUT_MS);
			// Reports still waiting for their batch were answered above; what is left is written now.
			await services.positions.close();
			await database.close();
		};
		stop().then(
			() => process.exit(0),
			(error: unknown) => {
				logger.error({ err: error }, 'shutdown failed');
				process.exit(1);
			},
		);
	});
}
