import { SESSION_COOKIE } from '../http/auth/session-cookie';

/**
 * The simulator's HTTP client: what a browser or a field phone does, over real HTTP to the server's own
 * origin. A staff login keeps its session cookie and says where it comes from (Origin), as the console does;
 * a device sends its bearer token, as the kiosk and field phones do. Everything the simulator does therefore
 * passes validation, permissions, history, the outbox and the live feed exactly as a person's actions would.
 */

export type Credentials =
	| { readonly kind: 'login'; readonly username: string; readonly password: string }
	| { readonly kind: 'bearer'; readonly token: string };

/** An answer other than 2xx, with the problem body's `code` when there is one. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string | null,
		readonly path: string,
		detail: string,
	) {
		super(`${path} answered ${status}${code ? ` ${code}` : ''}: ${detail}`);
		this.name = 'ApiError';
	}
}

/** Signing in failed: the simulator does not try again, or it would lock the account (5 failures → 15 min). */
export class LoginRefusedError extends Error {
	constructor(
		readonly username: string,
		readonly status: number,
	) {
		super(`the demo login ${username} was refused (${status}); was its password changed?`);
		this.name = 'LoginRefusedError';
	}
}

export type ApiClient = {
	get<T>(path: string): Promise<T>;
	post<T>(path: string, body: unknown, options?: { readonly idempotencyKey?: string }): Promise<T>;
	delete(path: string): Promise<void>;
	/** Signs a login out (nothing for a device). */
	close(): Promise<void>;
};

/** How long one request may take; a request that hangs must not hold the simulator's tick forever. */
const REQUEST_TIMEOUT_MS = 15_000;

export function createApiClient(
	origin: string,
	credentials: Credentials,
	fetchFn: typeof fetch = fetch,
): ApiClient {
	let session: string | null = null;
	let refused: LoginRefusedError | null = null;
	// Requests sent together before the first answer share one sign-in.
	let signingIn: Promise<void> | null = null;

	const send = (path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) => {
		const headers = new Headers(init.headers);
		if (credentials.kind === 'bearer') headers.set('authorization', `Bearer ${credentials.token}`);
		else if (session !== null) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
		// A cookie-carrying write must say where it comes from; the server's own origin is what the console sends.
		if (init.method !== 'GET') headers.set('origin', origin);
		if (init.body !== undefined) headers.set('content-type', 'application/json');
		return fetchFn(`${origin}${path}`, {
			method: init.method,
			headers,
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
	};

	const signIn = (): Promise<void> => {
		signingIn ??= signInOnce().finally(() => {
			signingIn = null;
		});
		return signingIn;
	};

	const signInOnce = async (): Promise<void> => {
		if (credentials.kind !== 'login') return;
		if (refused) throw refused;
		const response = await send('/api/v1/auth/login', {
			method: 'POST',
			body: { username: credentials.username, password: credentials.password },
		});
		await response.body?.cancel();
		const cookie = response.headers
			.getSetCookie()
			.find((line) => line.startsWith(`${SESSION_COOKIE}=`))
			?.slice(SESSION_COOKIE.length + 1)
			.split(';')[0];
		if (response.status !== 200 || !cookie) {
			// 429 (too many attempts) may pass; a refused password will not.
			if (response.status !== 429) refused = new LoginRefusedError(credentials.username, response.status);
			throw refused ?? new LoginRefusedError(credentials.username, response.status);
		}
		session = cookie;
	};

	const call = async (
		path: string,
		init: { method: string; body?: unknown; headers?: Record<string, string> },
	) => {
		if (credentials.kind === 'login' && session === null) await signIn();
		const sentWith = session;
		let response = await send(path, init);
		// A session that expired or was signed out elsewhere: sign in once more and repeat.
		if (response.status === 401 && credentials.kind === 'login') {
			await response.body?.cancel();
			if (session === sentWith) session = null;
			if (session === null) await signIn();
			response = await send(path, init);
		}
		if (!response.ok) {
			const text = await response.text();
			let code: string | null = null;
			let detail = text.slice(0, 300);
			try {
				const problem = JSON.parse(text) as { code?: unknown; detail?: unknown };
				code = typeof problem.code === 'string' ? problem.code : null;
				if (typeof problem.detail === 'string') detail = problem.detail;
			} catch {
				// Not a problem body: the text says what went wrong.
			}
			throw new ApiError(response.status, code, `${init.method} ${path}`, detail);
		}
		return response;
	};

	return {
		async get<T>(path: string): Promise<T> {
			const response = await call(path, { method: 'GET' });
			return (await response.json()) as T;
		},
		async post<T>(
			path: string,
			body: unknown,
			options: { readonly idempotencyKey?: string } = {},
		): Promise<T> {
			const response = await call(path, {
				method: 'POST',
				body,
				...(options.idempotencyKey ? { headers: { 'idempotency-key': options.idempotencyKey } } : {}),
			});
			if (response.status === 204) return undefined as T;
			return (await response.json()) as T;
		},
		async delete(path: string): Promise<void> {
			const response = await call(path, { method: 'DELETE' });
			await response.body?.cancel();
		},
		async close(): Promise<void> {
			if (credentials.kind !== 'login' || session === null) return;
			const response = await send('/api/v1/auth/logout', { method: 'POST' });
			await response.body?.cancel();
			session = null;
		},
	};
}

/** Signs a demo login in and out once, to learn whose account it is (null when it does not sign in). */
export async function staffIdOfLogin(
	origin: string,
	username: string,
	password: string,
	fetchFn: typeof fetch = fetch,
): Promise<string | null> {
	const client = createApiClient(origin, { kind: 'login', username, password }, fetchFn);
	try {
		const me = await client.get<{ kind: string; id?: string }>('/api/v1/auth/me');
		return me.kind === 'staff' && typeof me.id === 'string' ? me.id : null;
	} catch (error) {
		if (error instanceof LoginRefusedError) return null;
		throw error;
	} finally {
		await client.close();
	}
}
