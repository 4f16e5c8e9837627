import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../database';
import { idempotencyKeys } from '../schema/index';

export type StoredResponse = {
	readonly requestHash: string;
	readonly status: number;
	readonly body: unknown;
};

export async function findStoredResponse(
	db: Executor,
	principal: string,
	key: string,
	now: Date,
): Promise<StoredResponse | null> {
	const [row] = await db
		.select({
			requestHash: idempotencyKeys.requestHash,
			status: idempotencyKeys.responseStatus,
			body: idempotencyKeys.responseBody,
		})
		.from(idempotencyKeys)
		.where(
			and(
				eq(idempotencyKeys.principal, principal),
				eq(idempotencyKeys.key, key),
				gt(idempotencyKeys.expiresAt, now),
			),
		);
	return row ?? null;
}

/** Inserted in the transaction that made the response, so the response exists exactly when its effect does. */
export async function storeResponse(
	tx: Executor,
	row: {
		principal: string;
		key: string;
		requestHash: string;
		status: number;
		body: unknown;
		expiresAt: Date;
	},
): Promise<void> {
	await tx.insert(idempotencyKeys).values({
		principal: row.principal,
		key: row.key,
		requestHash: row.requestHash,
		responseStatus: row.status,
		responseBody: row.body,
		expiresAt: row.expiresAt,
	});
}
