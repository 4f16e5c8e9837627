import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure on https or in production. */
export const SESSION_COOKIE = 'estate_ops_session';

const isSecure = (c: Context, secureCookies: boolean): boolean =>
	secureCookies || new URL(c.req.url).protocol === 'https:';

export function setSessionCookie(c: Context, token: string, expiresAt: Date, secureCookies: boolean): void {
	setCookie(c, SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'Lax',
		secure: isSecure(c, secureCookies),
		path: '/',
		expires: expiresAt,
	});
}

export function clearSessionCookie(c: Context, secureCookies: boolean): void {
	deleteCookie(c, SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'Lax',
		secure: isSecure(c, secureCookies),
		path: '/',
	});
}

/** Whether the response being built already sets (or clears) the session cookie. */
export const responseSetsSessionCookie = (c: Context): boolean =>
	c.res.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
