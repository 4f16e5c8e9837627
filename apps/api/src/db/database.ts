import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it. Repositories take this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or a transaction: what a repository function runs its statements on. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
	readonly db: Database;
	readonly driver: 'pglite' | 'postgres';
	/** Runs the committed drizzle-kit migrations (idempotent). */
	migrate(): Promise<void>;
	/** A trivial round trip, for `/readyz`. */
	ping(): Promise<void>;
	close(): Promise<void>;
};

export type DatabaseConfig =
	| { readonly driver: 'postgres'; readonly url: string; readonly maxConnections?: number }
	| { readonly driver: 'pglite'; readonly dataDir: string | null; readonly loadDataDir?: Blob | File };

// apps/api/drizzle, from src/db (tests) or from dist (the bundle).
const migrationsFolder = fileURLToPath(
	new URL(import.meta.url.includes('/dist/') ? '../drizzle' : '../../drizzle', import.meta.url),
);

const drizzleOptions = { schema, casing: 'snake_case' } as const;

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
	if (config.driver === 'postgres') {
		const client = postgres(config.url, {
			max: config.maxConnections ?? 10,
			onnotice: () => undefined,
			connect_timeout: 5,
		});
		const db = drizzlePostgres({ client, ...drizzleOptions });
		return {
			db: db as unknown as Database,
			driver: 'postgres',
			migrate: () => migratePostgres(db, { migrationsFolder }),
			ping: async () => {
				await client`select 1`;
			},
			close: () => client.end({ timeout: 5 }),
		};
	}
	if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
	const client = await PGlite.create({
		...(config.dataDir ? { dataDir: config.dataDir } : {}),
		...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
	});
	const db = drizzlePglite({ client, ...drizzleOptions });
	return {
		db: db as unknown as Database,
		driver: 'pglite',
		migrate: () => migratePglite(db, { migrationsFolder }),
		ping: async () => {
			await client.query('select 1');
		},
		close: () => client.close(),
	};
}

/** A PGlite data directory as a tarball: the fast way to give each test file its own seeded database. */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
	const client = (handle.db as unknown as { $client: PGlite }).$client;
	return client.dumpDataDir('none');
}
