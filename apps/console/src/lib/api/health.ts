/** What the api's `GET /healthz` answers while its process is up. */
export type Health = { readonly status: 'ok'; readonly version: string; readonly uptimeSeconds: number };

/** Why a health check failed: the three ways the answer can go wrong, each shown differently. */
export type HealthFailure =
	| { readonly kind: 'network' }
	| { readonly kind: 'http'; readonly status: number }
	| { readonly kind: 'invalid' };

export type HealthCheckResult =
	{ readonly ok: true; readonly health: Health } | { readonly ok: false; readonly failure: HealthFailure };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** The health answer, or undefined when the body is not one (an old api, a proxy's error page). */
export function parseHealth(body: unknown): Health | undefined {
	if (!isRecord(body)) return undefined;
	const { status, version, uptimeSeconds } = body;
	if (status !== 'ok' || typeof version !== 'string') return undefined;
	if (typeof uptimeSeconds !== 'number' || !Number.isFinite(uptimeSeconds) || uptimeSeconds < 0)
		return undefined;
	return { status, version, uptimeSeconds };
}

/** A check that never hangs past `timeoutMs` and never throws: every failure comes back as a value. */
export async function checkHealth(fetch: Fetch, timeoutMs = 5_000): Promise<HealthCheckResult> {
	let response: Response;
	try {
		response = await fetch('/healthz', {
			headers: { accept: 'application/json' },
			cache: 'no-store',
			signal: AbortSignal.timeout(timeoutMs),
		});
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status } };
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return { ok: false, failure: { kind: 'invalid' } };
	}
	const health = parseHealth(body);
	return health ? { ok: true, health } : { ok: false, failure: { kind: 'invalid' } };
}
