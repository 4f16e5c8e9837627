import pg from 'pg';

export type ClusterLockResult<T> =
	{ readonly acquired: true; readonly value: T } | { readonly acquired: false };

export type ClusterLocks = {
	/**
	 * Runs `fn` only if no other holder of `name` (in this process or any api instance on the same database)
	 * is running; otherwise answers `{ acquired: false }` at once, without waiting.
	 */
	withClusterLock<T>(name: string, fn: () => Promise<T>): Promise<ClusterLockResult<T>>;
	close(): Promise<void>;
};

type LockLogger = { warn(details: object, message: string): void };

/**
 * Once-per-cluster work (DESIGN.md, "Scaling past one machine"): every instance ticks its jobs (SLA watch,
 * schedule materialisation, stale-guard detection) and wraps each tick in `withClusterLock`, so exactly one
 * instance does the work. There is no lock to hand over: when a holder dies, PostgreSQL ends its session and
 * drops the lock with it, and the next tick of another instance takes it.
 *
 * With PostgreSQL the lock is a session-level advisory lock held on a connection of a small `pg` pool of its
 * own for the duration of `fn` (which uses the app's database as usual). Not postgres-js: a reserved
 * connection or open transaction that the server closes makes postgres-js throw an uncaught exception when
 * it is next written to, which would take the process down with the lock. Without PostgreSQL (PGlite: one
 * instance per data directory) an in-process guard is the whole lock.
 */
export function createClusterLocks(
	options: { readonly postgres?: pg.PoolConfig; readonly logger?: LockLogger } = {},
): ClusterLocks {
	const held = new Set<string>();
	const pool = options.postgres ? new pg.Pool({ max: 4, ...options.postgres }) : undefined;
	pool?.on('error', (error) =>
		options.logger?.warn({ err: error }, 'cluster lock connection failed while idle'),
	);

	const underAdvisoryLock = async <T>(
		lockPool: pg.Pool,
		name: string,
		fn: () => Promise<T>,
	): Promise<ClusterLockResult<T>> => {
		const key = `estate_ops:${name}`;
		const client = await lockPool.connect();
		let broken: Error | undefined;
		// A checked-out client that loses its connection emits 'error'; unheard, that would crash the process.
		client.on('error', (error) => {
			broken = error;
			options.logger?.warn({ err: error, lock: name }, 'cluster lock connection lost; the lock is released');
		});
		try {
			const { rows } = await client.query<{ locked: boolean }>(
				'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
				[key],
			);
			if (!rows[0]?.locked) return { acquired: false };
			try {
				return { acquired: true, value: await fn() };
			} finally {
				if (!broken) {
					await client
						.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key])
						.catch((error: unknown) => {
							broken = error instanceof Error ? error : new Error(String(error));
						});
				}
			}
		} finally {
			// A client whose unlock failed is destroyed rather than pooled, so no lock can outlive its job.
			client.release(broken ?? false);
		}
	};

	return {
		async withClusterLock(name, fn) {
			if (held.has(name)) return { acquired: false };
			held.add(name);
			try {
				return pool ? await underAdvisoryLock(pool, name, fn) : { acquired: true, value: await fn() };
			} finally {
				held.delete(name);
			}
		},
		async close() {
			await pool?.end();
		},
	};
}
