import type { AuthService } from '../services/auth.service';
import type { AuthenticateHandshake } from '../realtime/socket-server';
import { bearerToken } from '../http/auth/auth.middleware';
import { SESSION_COOKIE } from '../http/auth/session-cookie';

function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return undefined;
}

/**
 * Sockets authenticate like HTTP requests: a device's bearer token (header, or `auth.token` for browsers that
 * cannot set headers on a WebSocket), otherwise the session cookie.
 */
export function createHandshakeAuthenticator(
	auth: Pick<AuthService, 'validateSessionToken' | 'validateDeviceToken'>,
): AuthenticateHandshake {
	return async (headers, handshakeAuth) => {
		const token =
			bearerToken(headers.authorization) ??
			(typeof handshakeAuth?.['token'] === 'string' ? handshakeAuth['token'] : undefined);
		if (token) return auth.validateDeviceToken(token);
		const session = cookieValue(headers.cookie, SESSION_COOKIE);
		if (!session) return null;
		const validated = await auth.validateSessionToken(session);
		if (!validated || validated.principal.mustChangePassword) return null;
		return validated.principal;
	};
}
