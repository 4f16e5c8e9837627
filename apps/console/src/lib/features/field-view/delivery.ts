import type { ApiResult } from '$lib/api/http';

/**
 * What became of a request sent from the field: the api took it, the api refused it for good (a 4xx that
 * would come back the same), or it did not get through and is worth sending again (no network, a server
 * error, an expired session, a rate limit).
 */
export type Delivery = 'taken' | 'refused' | 'retry';

export function deliveryOf(result: ApiResult<unknown>): Delivery {
	if (result.ok) return 'taken';
	const failure = result.failure;
	if (failure.kind === 'network') return 'retry';
	if (failure.kind === 'invalid') return 'taken';
	const status = failure.problem.status;
	if (status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
	return 'refused';
}
