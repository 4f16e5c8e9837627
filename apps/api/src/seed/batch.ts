import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database';

/** Rows per INSERT: a few thousand parameters, far below PostgreSQL's 65 535, and few round trips. */
export const BATCH_SIZE = 500;

/** Inserts `rows` into `table`, `BATCH_SIZE` at a time. */
export async function insertInBatches<T extends PgTable<TableConfig>>(
	db: Executor,
	table: T,
	rows: readonly T['$inferInsert'][],
): Promise<void> {
	for (let start = 0; start < rows.length; start += BATCH_SIZE) {
		await db.insert(table).values(rows.slice(start, start + BATCH_SIZE));
	}
}
