import type { PasswordRule } from '@estate-ops/domain/estate';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AuthError, AuthErrorCode } from '../../services/auth.service';
import { type FieldError, problem, problemResponse } from '../problem';

/** Anything that carries the request id: every context of the app, whatever its route narrowed. */
type RequestScope = { readonly var: { readonly requestId: string } };

/** The one place where the auth service's failure codes become HTTP statuses. */
const STATUS: Readonly<Record<AuthErrorCode, ContentfulStatusCode>> = {
	'AUTH.INVALID_CREDENTIALS': 401,
	'AUTH.ACCOUNT_LOCKED': 429,
	'AUTH.TOO_MANY_ATTEMPTS': 429,
	'AUTH.WRONG_PASSWORD': 422,
	'PASSWORD.TOO_WEAK': 422,
	'PASSWORD.REUSED': 422,
	'STAFF.NOT_FOUND': 404,
	'STAFF.USERNAME_TAKEN': 409,
	'STAFF.UNKNOWN_BUILDING': 422,
	'SESSION.NOT_FOUND': 404,
	'DEVICE.NOT_FOUND': 404,
	'DEVICE.STAFF_REQUIRED': 422,
	'DEVICE.STAFF_NOT_ALLOWED': 422,
};

const TITLE: Partial<Record<ContentfulStatusCode, string>> = {
	401: 'Unauthorized',
	404: 'Not Found',
	409: 'Conflict',
	422: 'Unprocessable Content',
	429: 'Too Many Requests',
};

const RULE_MESSAGES: Readonly<Record<PasswordRule, string>> = {
	min_length: 'at least 8 characters',
	max_length: 'at most 128 characters',
	uppercase: 'an upper-case letter',
	lowercase: 'a lower-case letter',
	digit: 'a digit',
	symbol: 'a symbol',
};

function fieldErrorsOf(error: AuthError): FieldError[] | undefined {
	if (!error.path) return undefined;
	const path = error.path.join('.');
	const failed = error.details?.['failed'];
	if (error.code === 'PASSWORD.TOO_WEAK' && Array.isArray(failed)) {
		return failed.map((rule) => ({
			path,
			message: `needs ${RULE_MESSAGES[rule as PasswordRule] ?? String(rule)}`,
		}));
	}
	return [{ path, message: error.message }];
}

export function authErrorResponse(c: RequestScope, error: AuthError): Response {
	const status = STATUS[error.code];
	const errors = fieldErrorsOf(error);
	const response = problemResponse(
		problem(status, TITLE[status] ?? 'Request failed', {
			code: error.code,
			detail: error.message,
			requestId: c.var.requestId,
			...(errors ? { errors } : {}),
		}),
	);
	const retryAfter = error.details?.['retryAfterSeconds'];
	if (typeof retryAfter === 'number') response.headers.set('retry-after', String(retryAfter));
	return response;
}

export const unauthenticated = (c: RequestScope): Response =>
	problemResponse(
		problem(401, 'Unauthorized', {
			code: 'AUTH.UNAUTHENTICATED',
			detail: 'Sign in first.',
			requestId: c.var.requestId,
		}),
	);

export const forbidden = (c: RequestScope, code: string, detail: string): Response =>
	problemResponse(problem(403, 'Forbidden', { code, detail, requestId: c.var.requestId }));

export const notFound = (c: RequestScope, code: string, detail: string): Response =>
	problemResponse(problem(404, 'Not Found', { code, detail, requestId: c.var.requestId }));

/** Reads and validates a JSON body: the parsed value, or the 400 problem naming every offending field. */
export async function parseJsonBody<S extends z.ZodType>(
	c: RequestScope & Pick<Context, 'req'>,
	schema: S,
): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await c.req.json();
	} catch {
		return {
			ok: false,
			response: problemResponse(
				problem(400, 'Bad Request', {
					code: 'REQUEST.INVALID_JSON',
					detail: 'The body must be JSON.',
					requestId: c.var.requestId,
				}),
			),
		};
	}
	const parsed = schema.safeParse(body);
	if (parsed.success) return { ok: true, value: parsed.data };
	const errors = parsed.error.issues.map((issue) => ({
		path: issue.path.map(String).join('.'),
		message: issue.message,
	}));
	return {
		ok: false,
		response: problemResponse(
			problem(400, 'Bad Request', {
				code: 'REQUEST.INVALID',
				detail: 'Some fields are missing or invalid.',
				errors,
				requestId: c.var.requestId,
			}),
		),
	};
}
