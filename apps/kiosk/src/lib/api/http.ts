import { read } from './read';
import type { Reader } from './read';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** An RFC 9457 problem as the api answers it. */
export type Problem = {
	readonly status: number;
	readonly title: string;
	readonly detail?: string;
	readonly code?: string;
	readonly errors?: readonly { readonly path: string; readonly message: string }[];
};

/**
 * Why a call failed: no usable answer (the network, a timeout, or the api answering 5xx, all of which a
 * retry may cure), an answer that is a refusal (4xx), or a success we cannot read.
 */
export type ApiFailure =
	| { readonly kind: 'unreachable' }
	| { readonly kind: 'problem'; readonly problem: Problem }
	| { readonly kind: 'invalid' };

export type ApiResult<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problem in an error body, or one made from the status when the body is not problem+json. */
export function parseProblem(status: number, body: unknown): Problem {
	if (!isRecord(body)) return { status, title: `HTTP ${status}` };
	const errors = Array.isArray(body['errors'])
		? body['errors'].filter(isRecord).map((e) => ({
				path: Array.isArray(e['path']) ? e['path'].join('.') : String(e['path'] ?? ''),
				message: String(e['message'] ?? ''),
			}))
		: undefined;
	return {
		status,
		title: typeof body['title'] === 'string' ? body['title'] : `HTTP ${status}`,
		...(typeof body['detail'] === 'string' ? { detail: body['detail'] } : {}),
		...(typeof body['code'] === 'string' ? { code: body['code'] } : {}),
		...(errors ? { errors } : {}),
	};
}

/** A 5xx is the api (or a proxy in front of it) not able to answer now: the same as no answer. */
export const isUnreachableStatus = (status: number): boolean => status >= 500;

export type KioskHttpDeps = {
	readonly fetch: Fetch;
	/** The device token of this kiosk (`Authorization: Bearer`). */
	readonly token: string;
	/** Told after every call whether the api answered, for the status line and the outbox. */
	readonly onReachability?: (reachable: boolean) => void;
	/** The api no longer knows this kiosk's token (revoked): the kiosk must be paired again. */
	readonly onUnauthorized?: () => void;
	/** How long a call may take before it counts as unanswered. */
	readonly timeoutMs?: number;
};

export type Call = {
	readonly method?: 'GET' | 'POST';
	readonly json?: unknown;
	readonly form?: FormData;
	readonly headers?: Record<string, string>;
};

/**
 * The kiosk's one way to talk HTTP to the api: the device token on every call, JSON in, the answer read
 * with a reader, every failure a value. Never throws for network or api errors.
 */
export class KioskHttp {
	readonly #deps: KioskHttpDeps;

	constructor(deps: KioskHttpDeps) {
		this.#deps = deps;
	}

	async request<T>(path: string, reader: Reader<T>, call: Call = {}): Promise<ApiResult<T>> {
		const headers: Record<string, string> = {
			accept: 'application/json',
			authorization: `Bearer ${this.#deps.token}`,
			...call.headers,
		};
		if (call.json !== undefined) headers['content-type'] = 'application/json';
		const body = call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json));
		let response: Response;
		try {
			response = await this.#deps.fetch(path, {
				method: call.method ?? 'GET',
				headers,
				credentials: 'omit',
				cache: 'no-store',
				signal: AbortSignal.timeout(this.#deps.timeoutMs ?? 15_000),
				...(body === undefined ? {} : { body }),
			});
		} catch {
			this.#deps.onReachability?.(false);
			return { ok: false, failure: { kind: 'unreachable' } };
		}
		if (isUnreachableStatus(response.status)) {
			this.#deps.onReachability?.(false);
			return { ok: false, failure: { kind: 'unreachable' } };
		}
		this.#deps.onReachability?.(true);
		let parsed: unknown = null;
		if (response.status !== 204) {
			try {
				parsed = await response.json();
			} catch {
				parsed = null;
			}
		}
		if (!response.ok) {
			if (response.status === 401) this.#deps.onUnauthorized?.();
			return { ok: false, failure: { kind: 'problem', problem: parseProblem(response.status, parsed) } };
		}
		const value = read(reader, parsed);
		return value === null ? { ok: false, failure: { kind: 'invalid' } } : { ok: true, value };
	}
}
