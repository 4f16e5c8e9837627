import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { problem, problemResponse, type FieldError } from './problem';

/** Turns zod issues into RFC 9457 field errors: `{ path: 'location.roomId', message: '…' }`. */
export function fieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * A sub-app whose routes are declared with zod schemas (so they appear in /api/openapi.json) and whose
 * validation failures answer 400 problem+json naming every offending field.
 */
export const createRouter = () =>
	new OpenAPIHono<AppEnv>({
		defaultHook: (result, c) => {
			if (result.success) return undefined;
			return problemResponse(
				problem(400, 'Bad Request', {
					detail: `The request ${result.target} is not valid.`,
					code: 'REQUEST.INVALID',
					errors: fieldErrors(result.error),
					requestId: c.get('requestId'),
				}),
			);
		},
	});

/** The problem+json body, as declared in every route's error responses. */
export const ProblemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string().optional(),
		code: z.string().optional(),
		errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
		details: z.record(z.string(), z.unknown()).optional(),
		requestId: z.string().optional(),
	})
	.openapi('Problem');

export const problemContent = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: ProblemSchema } },
});
