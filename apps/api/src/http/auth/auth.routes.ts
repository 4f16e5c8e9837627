import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SessionRecord } from '../../db/repositories/session.repository';
import type { AuthService, RequestOrigin } from '../../services/auth.service';
import type { AppEnv } from '../app-env';
import { createRouter, problemContent } from '../openapi-router';
import { authErrorResponse, notFound, parseJsonBody, unauthenticated } from './auth-problems';
import { principalOf, requirePrincipal, requireStaff, staffPrincipalOf } from './auth.middleware';
import {
	BODY_COMPONENTS,
	ChangePasswordBody,
	LoginBody,
	MeView,
	SessionIdParam,
	SessionView,
	StaffSignedIn,
	jsonBodyRef,
	noStoreHeader,
	retryAfterHeader,
	sessionCookieHeader,
} from './auth.schemas';
import { type ClientAddress, connectionAddress } from './client-address';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

export type AuthRoutesDeps = {
	readonly auth: AuthService;
	/** Mark cookies Secure even on plain http (NODE_ENV=production behind a TLS-terminating proxy). */
	readonly secureCookies: boolean;
	/** The client's address for the per-address sign-in limit; the TCP peer by default. */
	readonly clientAddress?: ClientAddress;
};

const SESSION_ID = /^[0-9a-f]{64}$/;

export function requestOrigin(c: Context<AppEnv>, clientAddress: ClientAddress): RequestOrigin {
	return {
		ip: clientAddress(c),
		userAgent: c.req.header('user-agent') ?? null,
		requestId: c.get('requestId'),
	};
}

const sessionView = (session: SessionRecord, currentId: string) => ({
	id: session.id,
	createdAt: session.createdAt.toISOString(),
	lastSeenAt: session.lastSeenAt.toISOString(),
	expiresAt: session.expiresAt.toISOString(),
	userAgent: session.userAgent,
	current: session.id === currentId,
});

const TAGS = ['auth'];
const crossSite = problemContent('A cookie-carrying request from another site (AUTH.BAD_ORIGIN)');
const tooLarge = problemContent('The body is over 256 KB (REQUEST.TOO_LARGE)');
const badBody = problemContent(
	'The body is not JSON (REQUEST.INVALID_JSON) or a field is invalid (REQUEST.INVALID)',
);

const loginRoute = createRoute({
	method: 'post',
	path: '/login',
	tags: TAGS,
	summary: 'Sign in with username and password; starts a cookie session',
	description:
		'Signing in again replaces the session this browser had. Five consecutive failures lock the account for 15 minutes; ' +
		'20 failures from one address in 10 minutes refuse that address for a while.',
	request: { body: jsonBodyRef('LoginRequest', 'The credentials') },
	responses: {
		200: {
			description: 'Signed in',
			headers: {
				...sessionCookieHeader('The new session cookie (HttpOnly, SameSite=Lax, Secure on https)'),
				...noStoreHeader,
			},
			content: { 'application/json': { schema: StaffSignedIn } },
		},
		400: badBody,
		401: problemContent('Wrong username or password, or the account is inactive (AUTH.INVALID_CREDENTIALS)'),
		403: crossSite,
		413: tooLarge,
		429: {
			...problemContent(
				'The account is locked (AUTH.ACCOUNT_LOCKED) or the address is refused (AUTH.TOO_MANY_ATTEMPTS)',
			),
			headers: retryAfterHeader,
		},
	},
});

const logoutRoute = createRoute({
	method: 'post',
	path: '/logout',
	tags: TAGS,
	summary: "End the caller's session (if any) and clear the cookie",
	responses: {
		204: { description: 'Signed out', headers: sessionCookieHeader('Clears the session cookie') },
		403: crossSite,
	},
});

const meRoute = createRoute({
	method: 'get',
	path: '/me',
	tags: TAGS,
	summary: 'Who the caller is: staff member or device, estate and permissions',
	middleware: [requirePrincipal({ allowPendingPasswordChange: true })] as const,
	responses: {
		200: {
			description: 'The caller',
			headers: noStoreHeader,
			content: { 'application/json': { schema: MeView } },
		},
		401: problemContent('Not signed in (AUTH.UNAUTHENTICATED)'),
	},
});

const passwordRoute = createRoute({
	method: 'post',
	path: '/password',
	tags: TAGS,
	summary: "Change the caller's password; ends every session of the account and starts a new one",
	middleware: [requireStaff({ allowPendingPasswordChange: true })] as const,
	request: { body: jsonBodyRef('ChangePasswordRequest', 'The current and the new password') },
	responses: {
		200: {
			description: 'Changed; signed in with a new session',
			headers: { ...sessionCookieHeader('The new session cookie'), ...noStoreHeader },
			content: { 'application/json': { schema: StaffSignedIn } },
		},
		400: badBody,
		401: problemContent('Not signed in'),
		403: problemContent('Not a staff member (AUTH.FORBIDDEN), or a cross-site request (AUTH.BAD_ORIGIN)'),
		404: problemContent('The account no longer exists (STAFF.NOT_FOUND)'),
		413: tooLarge,
		422: problemContent(
			'Wrong current password (AUTH.WRONG_PASSWORD), weak new password (PASSWORD.TOO_WEAK) or unchanged (PASSWORD.REUSED)',
		),
	},
});

const sessionsRoute = createRoute({
	method: 'get',
	path: '/sessions',
	tags: TAGS,
	summary: "The caller's own sessions, newest first, the current one flagged",
	middleware: [requireStaff()] as const,
	responses: {
		200: {
			description: 'The sessions',
			headers: noStoreHeader,
			content: { 'application/json': { schema: z.object({ sessions: z.array(SessionView) }) } },
		},
		401: problemContent('Not signed in'),
		403: problemContent('Not a staff member (AUTH.FORBIDDEN), or the initial password is unchanged'),
	},
});

const revokeSessionRoute = createRoute({
	method: 'delete',
	path: '/sessions/{id}',
	tags: TAGS,
	summary: "End one of the caller's own sessions (the current one clears the cookie)",
	middleware: [requireStaff()] as const,
	request: { params: SessionIdParam },
	responses: {
		204: {
			description: 'Ended',
			headers: sessionCookieHeader('Clears the cookie when the current session was ended'),
		},
		401: problemContent('Not signed in'),
		403: problemContent('Not a staff member, the initial password is unchanged, or a cross-site request'),
		404: problemContent('No such session of yours (SESSION.NOT_FOUND)'),
	},
});

/**
 * Signing in and out, the caller's identity, password change and the caller's own sessions. Mount at
 * `/api/v1/auth`, after `authenticate(...)` and `originCheck(...)`.
 */
export function authRoutes(deps: AuthRoutesDeps) {
	const { auth, secureCookies } = deps;
	const clientAddress = deps.clientAddress ?? connectionAddress;
	const router = createRouter();
	router.openAPIRegistry.register('LoginRequest', BODY_COMPONENTS.LoginRequest);
	router.openAPIRegistry.register('ChangePasswordRequest', BODY_COMPONENTS.ChangePasswordRequest);

	return router
		.openapi(loginRoute, async (c) => {
			const body = await parseJsonBody(c, LoginBody);
			if (!body.ok) return body.response as never;
			const result = await auth.login(body.value, requestOrigin(c, clientAddress));
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			// Signing in again replaces the session this browser had, rather than leaving it behind.
			const previous = c.get('principal');
			if (previous?.kind === 'staff') await auth.logout(previous.sessionId);
			const me = await auth.describe({
				kind: 'staff',
				staffId: result.value.staff.id,
				estateId: result.value.staff.estateId,
				displayName: result.value.staff.displayName,
				roles: result.value.staff.roles,
				sessionId: result.value.session.id,
				mustChangePassword: result.value.staff.mustChangePassword,
			});
			setSessionCookie(c, result.value.token, result.value.session.expiresAt, secureCookies);
			c.header('cache-control', 'no-store');
			return c.json({ staff: me }, 200);
		})
		.openapi(logoutRoute, async (c) => {
			const principal = c.get('principal');
			if (principal?.kind === 'staff') await auth.logout(principal.sessionId);
			clearSessionCookie(c, secureCookies);
			return c.body(null, 204);
		})
		.openapi(meRoute, async (c) => {
			const me = await auth.describe(principalOf(c.get('principal')));
			if (!me) return unauthenticated(c) as never;
			c.header('cache-control', 'no-store');
			return c.json(me, 200);
		})
		.openapi(passwordRoute, async (c) => {
			const principal = staffPrincipalOf(c.get('principal'));
			const body = await parseJsonBody(c, ChangePasswordBody);
			if (!body.ok) return body.response as never;
			const result = await auth.changePassword(principal, body.value, requestOrigin(c, clientAddress));
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			const me = await auth.describe({
				...principal,
				sessionId: result.value.session.id,
				mustChangePassword: false,
			});
			setSessionCookie(c, result.value.token, result.value.session.expiresAt, secureCookies);
			c.header('cache-control', 'no-store');
			return c.json({ staff: me }, 200);
		})
		.openapi(sessionsRoute, async (c) => {
			const principal = staffPrincipalOf(c.get('principal'));
			const sessions = await auth.listSessions(principal.staffId);
			c.header('cache-control', 'no-store');
			return c.json({ sessions: sessions.map((session) => sessionView(session, principal.sessionId)) }, 200);
		})
		.openapi(revokeSessionRoute, async (c) => {
			const principal = staffPrincipalOf(c.get('principal'));
			const { id } = c.req.valid('param');
			if (!SESSION_ID.test(id)) return notFound(c, 'SESSION.NOT_FOUND', 'No such session of yours.') as never;
			const result = await auth.revokeOwnSession(principal.staffId, id);
			if (!result.ok) return authErrorResponse(c, result.error) as never;
			if (id === principal.sessionId) clearSessionCookie(c, secureCookies);
			return c.body(null, 204);
		});
}
