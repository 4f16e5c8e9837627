import type { z } from 'zod';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** An RFC 9457 problem as the api answers it. */
export type Problem = {
	readonly status: number;
	readonly title: string;
	readonly detail?: string;
	readonly code?: string;
	readonly errors?: readonly { readonly path: string; readonly message: string }[];
};

/** Why a call failed: no answer, an answer that is an error, or an answer we cannot read. */
export type ApiFailure =
	| { readonly kind: 'network' }
	| { readonly kind: 'problem'; readonly problem: Problem }
	| { readonly kind: 'invalid' };

export type ApiResult<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** The problem in an error body, or one made from the status when the body is not problem+json. */
export function parseProblem(status: number, body: unknown): Problem {
	if (!isRecord(body)) return { status, title: `HTTP ${status}` };
	const errors = Array.isArray(body['errors'])
		? body['errors']
				.filter(isRecord)
				.map((e) => ({ path: String(e['path'] ?? ''), message: String(e['message'] ?? '') }))
		: undefined;
	return {
		status,
		title: typeof body['title'] === 'string' ? body['title'] : `HTTP ${status}`,
		...(typeof body['detail'] === 'string' ? { detail: body['detail'] } : {}),
		...(typeof body['code'] === 'string' ? { code: body['code'] } : {}),
		...(errors ? { errors } : {}),
	};
}

export type ApiClientDeps = {
	readonly fetch: Fetch;
	/** Called when a signed-in call answers 401: the session ended under the user's feet. */
	readonly onUnauthenticated?: () => void;
};

type Call = {
	readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly body?: unknown;
	/** A body sent as it is, not as JSON (an .ics file as `text/calendar`). */
	readonly text?: { readonly contentType: string; readonly content: string };
	readonly headers?: Record<string, string>;
};

/**
 * The console's one way to talk HTTP to the api (same origin, cookie session): JSON in, JSON parsed with
 * the given zod schema out, every failure a value. Never throws for network or api errors.
 */
export class ApiClient {
	readonly #deps: ApiClientDeps;

	constructor(deps: ApiClientDeps) {
		this.#deps = deps;
	}

	async request<S extends z.ZodType>(
		path: string,
		schema: S,
		call: Call = {},
	): Promise<ApiResult<z.output<S>>> {
		const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
		if (call.body !== undefined) headers['content-type'] = 'application/json';
		if (call.text !== undefined) headers['content-type'] = call.text.contentType;
		let response: Response;
		try {
			response = await this.#deps.fetch(path, {
				method: call.method ?? 'GET',
				headers,
				credentials: 'same-origin',
				cache: 'no-store',
				...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
				...(call.text === undefined ? {} : { body: call.text.content }),
			});
		} catch {
			return { ok: false, failure: { kind: 'network' } };
		}
		let body: unknown = null;
		if (response.status !== 204) {
			try {
				body = await response.json();
			} catch {
				body = null;
			}
		}
		if (!response.ok) {
			if (response.status === 401) this.#deps.onUnauthenticated?.();
			return { ok: false, failure: { kind: 'problem', problem: parseProblem(response.status, body) } };
		}
		const parsed = schema.safeParse(body);
		return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'invalid' } };
	}
}

/** A 409 from a command: the order changed since it was read (or the step no longer fits). */
export const isConflict = (failure: ApiFailure): boolean =>
	failure.kind === 'problem' && failure.problem.status === 409;
