import { createHash } from 'node:crypto';
import type { DomainError } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import { findStoredResponse, storeResponse } from '../db/repositories/idempotency.repository';
import { isUniqueViolation } from '../db/unique-violation';
import { problem, type Problem } from './problem';

const KEEP_FOR_MS = 24 * 60 * 60 * 1000;

export type IdempotencyStore = { readonly db: Database; readonly now: () => Date };

/** Called by the use case inside its transaction, with the response it is about to acknowledge. */
export type BeforeCommit = (tx: Executor, response: { status: number; body: unknown }) => Promise<void>;

export type RunResult =
	{ status: number; body: unknown; error?: undefined } | { status: 0; body: null; error: DomainError };

export type IdempotentOutcome =
	| { readonly kind: 'ok'; readonly status: number; readonly body: unknown; readonly replayed: boolean }
	| { readonly kind: 'error'; readonly error: DomainError }
	| { readonly kind: 'problem'; readonly problem: Problem };

/** A stable hash of a JSON body: the same content with keys in another order is the same request. */
export function requestHash(body: unknown): string {
	const canonical = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(canonical)
			: value && typeof value === 'object' && !(value instanceof Date)
				? Object.fromEntries(
						Object.keys(value)
							.sort()
							.map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
					)
				: value;
	return createHash('sha256')
		.update(JSON.stringify(canonical(body)))
		.digest('hex');
}

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its response is stored in the same
 * transaction as its effect; a retry with the same key and body gets that response again (nothing runs twice,
 * even when the two arrive together); the same key with another body is refused with 422.
 */
export async function runIdempotent(
	store: IdempotencyStore,
	request: {
		principal: string;
		key: string | undefined;
		body: unknown;
		run: (beforeCommit: BeforeCommit | undefined) => Promise<RunResult>;
	},
): Promise<IdempotentOutcome> {
	const { key, principal } = request;
	const toOutcome = (result: RunResult): IdempotentOutcome =>
		result.error
			? { kind: 'error', error: result.error }
			: { kind: 'ok', status: result.status, body: result.body, replayed: false };
	if (!key) return toOutcome(await request.run(undefined));

	const hash = requestHash(request.body);
	const replay = async (): Promise<IdempotentOutcome | null> => {
		const stored = await findStoredResponse(store.db, principal, key, store.now());
		if (!stored) return null;
		if (stored.requestHash !== hash) {
			return {
				kind: 'problem',
				problem: problem(422, 'Unprocessable Content', {
					detail: 'This Idempotency-Key was already used with a different request body.',
					code: 'IDEMPOTENCY.KEY_REUSED',
					errors: [{ path: 'Idempotency-Key', message: 'already used with another body' }],
				}),
			};
		}
		return { kind: 'ok', status: stored.status, body: stored.body, replayed: true };
	};

	const earlier = await replay();
	if (earlier) return earlier;
	try {
		return toOutcome(
			await request.run((tx, response) =>
				storeResponse(tx, {
					principal,
					key,
					requestHash: hash,
					status: response.status,
					body: JSON.parse(JSON.stringify(response.body)) as unknown,
					expiresAt: new Date(store.now().getTime() + KEEP_FOR_MS),
				}),
			),
		);
	} catch (error) {
		// A concurrent request with the same key committed first: ours rolled back, so answer with theirs.
		if (isUniqueViolation(error)) {
			const theirs = await replay();
			if (theirs) return theirs;
		}
		throw error;
	}
}
