import type { Department, StaffRole } from '@estate-ops/domain/estate';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
// eslint-disable-next-line no-restricted-imports -- the database harness lives in apps/api/test, which has no package name
export { openTestDatabase } from '../../../test/database';
import { createPasswordHasher, type PasswordHasher } from '../../auth/password-hasher';
import type { Database } from '../../db/database';
import { insertStaff } from '../../db/repositories/staff.repository';
import { estates } from '../../db/schema/index';
import { createAuthService } from '../../services/auth.service';
import type { AppEnv } from '../app-env';
import { authRoutes } from './auth.routes';
import { authenticate, originCheck, passwordChangeGate, requirePermission } from './auth.middleware';
import { deviceRoutes } from './device.routes';
import { SESSION_COOKIE } from './session-cookie';
import { staffRoutes } from './staff.routes';

/**
 * Test kit for the auth area: a small app wired the way `app.ts` will wire it (origin check, authenticate,
 * the auth, staff and device sub-apps, and two stand-in routes guarded by permissions), over a real database
 * and a clock the test moves.
 */
export const KNOWN_PASSWORD = 'Harbour-Lights-42';
export const START = new Date('2026-03-02T01:00:00.000Z');

const hasher = createPasswordHasher();
let sequence = 0;

export async function createEstate(db: Database, code = `E${++sequence}`): Promise<string> {
	const rows = await db
		.insert(estates)
		.values({
			code: `${code}-${Math.random().toString(36).slice(2, 8)}`,
			name: `翠湖天地 ${code}`,
			centreLng: 121.47,
			centreLat: 31.23,
			boundary: { type: 'Polygon', coordinates: [] },
		})
		.returning({ id: estates.id });
	const id = rows[0]?.id;
	if (!id) throw new Error('no estate row');
	return id;
}

export async function createStaffMember(
	db: Database,
	estateId: string,
	options: {
		roles?: StaffRole[];
		password?: string;
		mustChangePassword?: boolean;
		username?: string;
		department?: Department;
	} = {},
): Promise<{ id: string; username: string; password: string }> {
	const username = options.username ?? `staff.${++sequence}.${Math.random().toString(36).slice(2, 7)}`;
	const password = options.password ?? KNOWN_PASSWORD;
	const account = await insertStaff(db, {
		estateId,
		username,
		displayName: `员工 ${sequence}`,
		department: options.department ?? 'customer_service',
		roles: options.roles ?? ['customer_service'],
		skills: [],
		buildingIds: [],
		passwordHash: await hasher.hash(password),
		mustChangePassword: options.mustChangePassword ?? false,
		createdAt: START,
	});
	if (!account) throw new Error(`username ${username} taken`);
	return { id: account.id, username, password };
}

export function createAuthTestApp(
	db: Database,
	options: { allowedOrigins?: string[]; addressLimit?: number; hasher?: PasswordHasher } = {},
) {
	let clock = START.getTime();
	const now = () => new Date(clock);
	const auth = createAuthService({ db, now, hasher: options.hasher ?? hasher });
	const clientAddress = (c: { req: { header(name: string): string | undefined } }) =>
		c.req.header('x-test-client') ?? '203.0.113.7';
	const app = new Hono<AppEnv>();
	app.use(requestId());
	app.use(originCheck(options.allowedOrigins));
	app.use(authenticate({ auth, secureCookies: false }));
	app.use('/api/*', passwordChangeGate());
	app.route('/api/v1/auth', authRoutes({ auth, secureCookies: false, clientAddress }));
	app.route('/api/v1/staff', staffRoutes({ auth, clientAddress }));
	app.route('/api/v1/devices', deviceRoutes({ auth, clientAddress }));
	// Stand-ins for other areas' routes.
	app.get('/api/v1/work-orders', requirePermission('workOrders.read'), (c) => c.json({ workOrders: [] }));
	app.post('/api/v1/work-orders', requirePermission('workOrders.create'), (c) =>
		c.json({ created: true }, 201),
	);
	// A route that checks the principal itself, without requirePermission.
	app.get('/api/v1/events', (c) =>
		c.get('principal') ? c.json({ events: [] }) : c.json({ error: 'nobody' }, 401),
	);
	app.get('/api/v1/kiosk/notices', requirePermission('kiosk.notices'), (c) => c.json({ notices: [] }));

	const request = (
		path: string,
		init: RequestInit & { cookie?: string; bearer?: string; json?: unknown } = {},
	) => {
		const headers = new Headers(init.headers);
		if (init.cookie) headers.set('cookie', `${SESSION_COOKIE}=${init.cookie}`);
		if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
		if (init.json !== undefined) headers.set('content-type', 'application/json');
		// Browsers send Origin on every POST; tests behave the same unless they set their own.
		if (init.method && init.method !== 'GET' && !headers.has('origin') && !init.bearer)
			headers.set('origin', 'http://localhost');
		const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
		return app.request(path, { ...init, headers, ...(body !== undefined ? { body } : {}) });
	};

	const login = async (username: string, password: string, headers: Record<string, string> = {}) => {
		const res = await request('/api/v1/auth/login', {
			method: 'POST',
			json: { username, password },
			headers,
		});
		return { res, token: sessionTokenOf(res) };
	};

	return {
		app,
		auth,
		now,
		advance: (ms: number) => {
			clock += ms;
		},
		request,
		login,
	};
}

/** The session token a response sets, undefined when it sets none; '' when it clears the cookie. */
export function sessionTokenOf(res: Response): string | undefined {
	for (const cookie of res.headers.getSetCookie()) {
		if (cookie.startsWith(`${SESSION_COOKIE}=`)) return cookie.slice(SESSION_COOKIE.length + 1).split(';')[0];
	}
	return undefined;
}

export function sessionCookieOf(res: Response): string | undefined {
	return res.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
}
