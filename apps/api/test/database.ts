import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, dumpPglite, openDatabase } from '../src/db/database';

/**
 * A fresh, migrated database for one test (or one test file): PGlite in memory by default, or a new
 * database on the PostgreSQL server named by `DATABASE_URL` (how `.ci/run` runs the database suite). Tests
 * never share rows, so they can run in any order and in parallel.
 */
const serverUrl = process.env['DATABASE_URL'];

let pgliteTemplate: Promise<Blob> | undefined;

async function migratedPgliteTemplate(): Promise<Blob> {
	const handle = await openDatabase({ driver: 'pglite', dataDir: null });
	await handle.migrate();
	const dump = await dumpPglite(handle);
	await handle.close();
	return dump;
}

export const testDatabaseDriver = serverUrl ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<DatabaseHandle> {
	if (!serverUrl) {
		pgliteTemplate ??= migratedPgliteTemplate();
		return openDatabase({ driver: 'pglite', dataDir: null, loadDataDir: await pgliteTemplate });
	}
	const name = `estate_ops_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ driver: 'postgres', url: url.toString(), maxConnections: 5 });
	await handle.migrate();
	return {
		...handle,
		close: async () => {
			await handle.close();
			const dropper = postgres(serverUrl, { max: 1, onnotice: () => undefined });
			await dropper.unsafe(`drop database if exists ${name} with (force)`);
			await dropper.end();
		},
	};
}
