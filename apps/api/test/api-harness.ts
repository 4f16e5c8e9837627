import { pino } from 'pino';
import type { StaffRole } from '@estate-ops/domain/estate';
import { createApp } from '../src/app';
import { createServices } from '../src/app-services';
import type { PositionWriterOptions } from '../src/services/position-writer';
import { createPasswordHasher } from '../src/auth/password-hasher';
import { generateEncryptionKey } from '../src/privacy/field-encryption';
import type { DatabaseHandle } from '../src/db/database';
import { createEstate, createStaffMember, KNOWN_PASSWORD } from '../src/http/auth/auth.fixtures';
import { SESSION_COOKIE } from '../src/http/auth/session-cookie';
import { makeBuiltSpa } from './static-fixture';
import { openTestDatabase } from './database';

// Cheap argon2 settings: tests sign in hundreds of times; the parameters themselves are tested in the auth area.
const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1, outputLen: 32 });

/**
 * The whole api over a fresh real database, with a clock the test moves: what every route test drives through
 * `request`, exactly as a browser would (cookie session, Origin on writes).
 */
export async function createTestApi(options: { start?: Date; positionWriter?: PositionWriterOptions } = {}) {
	const handle: DatabaseHandle = await openTestDatabase();
	let clock = (options.start ?? new Date('2026-03-02T01:00:00.000Z')).getTime();
	const now = () => new Date(clock);
	const encryptionKey = generateEncryptionKey();
	const services = createServices({
		db: handle.db,
		now,
		hasher,
		encryptionKey,
		...(options.positionWriter ? { positionWriter: options.positionWriter } : {}),
	});
	const app = createApp({
		logger: pino({ level: 'silent' }),
		version: 'test',
		uptimeSeconds: () => 1,
		checkDatabase: () => handle.ping(),
		consoleDir: makeBuiltSpa('console'),
		kioskDir: makeBuiltSpa('kiosk'),
		db: handle.db,
		now,
		services,
		secureCookies: false,
		allowedOrigins: [],
		clientAddress: () => '203.0.113.9',
	});

	type RequestOptions = RequestInit & { session?: string; bearer?: string; json?: unknown };
	const request = (path: string, init: RequestOptions = {}) => {
		const headers = new Headers(init.headers);
		if (init.session) headers.set('cookie', `${SESSION_COOKIE}=${init.session}`);
		if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
		if (init.json !== undefined) headers.set('content-type', 'application/json');
		if (init.method && init.method !== 'GET' && !headers.has('origin'))
			headers.set('origin', 'http://localhost');
		const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
		return app.request(path, { ...init, headers, ...(body !== undefined && body !== null ? { body } : {}) });
	};

	/** Signs in and returns the session token. */
	const login = async (username: string, password = KNOWN_PASSWORD): Promise<string> => {
		const res = await request('/api/v1/auth/login', { method: 'POST', json: { username, password } });
		if (res.status !== 200)
			throw new Error(`login of ${username} failed with ${res.status}: ${await res.text()}`);
		const cookie = res.headers.get('set-cookie') ?? '';
		const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
		if (!token) throw new Error('no session cookie');
		return token;
	};

	/** A staff member with these roles, signed in. */
	const staffSession = async (estateId: string, roles: StaffRole[], extra: { skills?: string[] } = {}) => {
		const member = await createStaffMember(handle.db, estateId, {
			roles,
			department: 'engineering',
			password: KNOWN_PASSWORD,
		});
		if (extra.skills) {
			const { staff } = await import('../src/db/schema/index');
			const { eq } = await import('drizzle-orm');
			await handle.db.update(staff).set({ skills: extra.skills }).where(eq(staff.id, member.id));
		}
		return { ...member, session: await login(member.username) };
	};

	return {
		app,
		db: handle.db,
		handle,
		services,
		encryptionKey,
		now,
		advance: (ms: number) => {
			clock += ms;
		},
		request,
		login,
		staffSession,
		createEstate: (code?: string) => createEstate(handle.db, code),
		close: () => handle.close(),
	};
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
