import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * RFC 9457 problem details. Every error the api returns has this shape, with `errors` naming each
 * offending field by its path so that a client can put the message beside the right input.
 */
export type FieldError = { readonly path: string; readonly message: string };

export type Problem = {
	readonly type: string;
	readonly title: string;
	readonly status: ContentfulStatusCode;
	readonly detail?: string;
	readonly instance?: string;
	readonly code?: string;
	readonly errors?: readonly FieldError[];
	/** Machine-readable facts about the failure (e.g. the state an order was in). */
	readonly details?: Readonly<Record<string, unknown>>;
	readonly requestId?: string;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
	status: ContentfulStatusCode,
	title: string,
	extra: Omit<Problem, 'status' | 'title' | 'type'> & { type?: string } = {},
): Problem {
	return { type: extra.type ?? 'about:blank', title, status, ...extra };
}

export function problemResponse(body: Problem): Response {
	return new Response(JSON.stringify(body), {
		status: body.status,
		headers: { 'content-type': PROBLEM_CONTENT_TYPE },
	});
}
