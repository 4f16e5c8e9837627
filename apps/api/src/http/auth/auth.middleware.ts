import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Permission, hasPermission } from '../../auth/permissions';
import type { Principal, StaffPrincipal } from '../../auth/principal';
import type { AuthService } from '../../services/auth.service';
import type { AppEnv } from '../app-env';
import { forbidden, unauthenticated } from './auth-problems';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	responseSetsSessionCookie,
	setSessionCookie,
} from './session-cookie';

export type AuthenticateDeps = {
	readonly auth: Pick<AuthService, 'validateSessionToken' | 'validateDeviceToken'>;
	/** Mark cookies Secure even on plain http (production behind a TLS-terminating proxy). */
	readonly secureCookies: boolean;
};

/** The token of an `Authorization: Bearer <token>` header; undefined when there is no such header. */
export function bearerToken(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1] ?? '';
}

/**
 * Works out who is calling and sets `principal` (undefined when nobody): a device by its bearer token, or a
 * staff member by the session cookie. A bearer header, valid or not, is the only credential looked at, so a
 * bad token never falls back to an ambient cookie. Slides the session and re-sends the cookie when its
 * expiry moved; clears the cookie when it names no live session. Never rejects a request itself.
 */
export function authenticate(deps: AuthenticateDeps): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		c.set('principal', undefined);
		const bearer = bearerToken(c.req.header('authorization'));
		if (bearer !== undefined) {
			c.set('principal', (await deps.auth.validateDeviceToken(bearer)) ?? undefined);
			await next();
			return;
		}
		const token = getCookie(c, SESSION_COOKIE);
		if (!token) {
			await next();
			return;
		}
		const validated = await deps.auth.validateSessionToken(token);
		c.set('principal', validated?.principal);
		await next();
		// A handler that set or cleared the cookie itself (login, logout, password change) has the last word.
		if (responseSetsSessionCookie(c)) return;
		if (!validated) clearSessionCookie(c, deps.secureCookies);
		else if (validated.renewed && c.get('principal') !== undefined) {
			setSessionCookie(c, token, validated.session.expiresAt, deps.secureCookies);
		}
	};
}

const passwordChangeRequired = (principal: Principal): boolean =>
	principal.kind === 'staff' && principal.mustChangePassword;

/**
 * Somebody must be signed in (401 otherwise). A staff member who must still change their password is held
 * to the few routes that let them do so (403 `AUTH.PASSWORD_CHANGE_REQUIRED`), unless `allowPendingPasswordChange`.
 */
export function requirePrincipal(
	options: { readonly allowPendingPasswordChange?: boolean } = {},
): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const principal = c.get('principal');
		if (!principal) return unauthenticated(c);
		if (!options.allowPendingPasswordChange && passwordChangeRequired(principal)) {
			return forbidden(c, 'AUTH.PASSWORD_CHANGE_REQUIRED', 'Change your initial password first.');
		}
		await next();
		return undefined;
	};
}

/** Like `requirePrincipal`, for routes that only make sense for a signed-in person (not a device). */
export function requireStaff(
	options: { readonly allowPendingPasswordChange?: boolean } = {},
): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const principal = c.get('principal');
		if (!principal) return unauthenticated(c);
		if (principal.kind !== 'staff')
			return forbidden(c, 'AUTH.FORBIDDEN', 'Only a signed-in staff member may do this.');
		if (!options.allowPendingPasswordChange && principal.mustChangePassword) {
			return forbidden(c, 'AUTH.PASSWORD_CHANGE_REQUIRED', 'Change your initial password first.');
		}
		await next();
		return undefined;
	};
}

/**
 * The route needs `permission`: 401 when nobody is signed in, 403 `AUTH.FORBIDDEN` when the principal's roles
 * (or device kind) do not grant it, 403 `AUTH.PASSWORD_CHANGE_REQUIRED` while an initial password is unchanged.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const principal = c.get('principal');
		if (!principal) return unauthenticated(c);
		if (passwordChangeRequired(principal))
			return forbidden(c, 'AUTH.PASSWORD_CHANGE_REQUIRED', 'Change your initial password first.');
		if (!hasPermission(principal, permission))
			return forbidden(c, 'AUTH.FORBIDDEN', `This needs the ${permission} permission.`);
		await next();
		return undefined;
	};
}

/** What a staff member who must still change their initial password may call (SPEC.md: changed at first sign-in). */
export const PASSWORD_CHANGE_ROUTES: readonly (readonly [method: string, path: string])[] = [
	['GET', '/api/v1/auth/me'],
	['POST', '/api/v1/auth/password'],
	['POST', '/api/v1/auth/logout'],
	['POST', '/api/v1/auth/login'],
];

/**
 * The initial-password hold for the whole api, mounted once after `authenticate` (e.g. on `/api/*`): a
 * staff member with `mustChangePassword` gets 403 `AUTH.PASSWORD_CHANGE_REQUIRED` everywhere but
 * `PASSWORD_CHANGE_ROUTES`, including routes that read the principal without `requirePermission`.
 */
export function passwordChangeGate(
	allowed: readonly (readonly [string, string])[] = PASSWORD_CHANGE_ROUTES,
): MiddlewareHandler<AppEnv> {
	const open = new Set(allowed.map(([method, path]) => `${method} ${path}`));
	return async (c, next) => {
		const principal = c.get('principal');
		const path = c.req.path.length > 1 ? c.req.path.replace(/\/+$/, '') : c.req.path;
		if (principal && passwordChangeRequired(principal) && !open.has(`${c.req.method} ${path}`)) {
			return forbidden(c, 'AUTH.PASSWORD_CHANGE_REQUIRED', 'Change your initial password first.');
		}
		await next();
		return undefined;
	};
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for browsers. A state-changing request (POST/PUT/PATCH/DELETE) that
 * carries cookies must come from our own origin (the request's Host) or one of `allowedOrigins`, judged by
 * `Origin` or, failing that, `Referer`; a request that names a foreign origin is refused even without a
 * cookie (so no other site can sign a browser into an account). Bearer-token requests are exempt: their
 * credential is not sent by the browser on its own. Hosts are compared without the scheme, because behind a
 * TLS-terminating proxy the api sees http while the browser says https.
 */
export function originCheck(allowedOrigins: readonly string[] = []): MiddlewareHandler<AppEnv> {
	const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
	return async (c, next) => {
		if (SAFE_METHODS.has(c.req.method) || bearerToken(c.req.header('authorization')) !== undefined) {
			await next();
			return undefined;
		}
		const source = c.req.header('origin') ?? c.req.header('referer');
		if (source === undefined) {
			if (c.req.header('cookie') === undefined) {
				await next();
				return undefined;
			}
			return forbidden(
				c,
				'AUTH.BAD_ORIGIN',
				'A request carrying cookies must say where it comes from (Origin).',
			);
		}
		const ownHost = c.req.header('host') ?? new URL(c.req.url).host;
		let origin: URL | undefined;
		try {
			origin = new URL(source);
		} catch {
			origin = undefined;
		}
		if (origin && (origin.host === ownHost || allowed.has(origin.origin))) {
			await next();
			return undefined;
		}
		return forbidden(c, 'AUTH.BAD_ORIGIN', 'This request comes from another site.');
	};
}

/** The principal a guard let through; reaching a handler without one is a wiring bug, not a client error. */
export function principalOf(principal: Principal | undefined): Principal {
	if (!principal)
		throw new Error('route reached without a principal: put requirePermission / requirePrincipal before it');
	return principal;
}

export function staffPrincipalOf(principal: Principal | undefined): StaffPrincipal {
	const found = principalOf(principal);
	if (found.kind !== 'staff') throw new Error('route reached by a device: put requireStaff before it');
	return found;
}
