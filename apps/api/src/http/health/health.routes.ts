import { Hono } from 'hono';

export type HealthDeps = {
	readonly version: string;
	/** Seconds since the process started; injected so tests can read a known value. */
	readonly uptimeSeconds: () => number;
	/** Resolves when the database answers and the migrations are applied; rejects otherwise. */
	readonly checkDatabase: () => Promise<void>;
};

const READINESS_TIMEOUT_MS = 2_000;

/**
 * `/healthz`: the process is up and answering (a liveness probe; never touches the database).
 * `/readyz`: the database is reachable and migrated, so requests can be served (a readiness probe).
 */
export const healthRoutes = (deps: HealthDeps) =>
	new Hono()
		.get('/healthz', (c) =>
			c.json({
				status: 'ok' as const,
				version: deps.version,
				uptimeSeconds: Math.round(deps.uptimeSeconds()),
			}),
		)
		.get('/readyz', async (c) => {
			try {
				await withTimeout(deps.checkDatabase(), READINESS_TIMEOUT_MS);
				return c.json({ status: 'ready' as const, database: 'ok' as const }, 200);
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				return c.json({ status: 'not_ready' as const, database: 'unavailable' as const, reason }, 503);
			}
		});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
		promise.then(
			(value) => {
				clearTimeout(timer);
				resolve(value);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(error instanceof Error ? error : new Error(String(error)));
			},
		);
	});
}
