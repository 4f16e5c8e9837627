/**
 * Expected failures are values, not exceptions: a rejected command returns `{ ok: false, error }` with a
 * stable code (`WORK_ORDER.NOT_ASSIGNED`) that the api maps to an HTTP status in one table.
 */
export type DomainError<Code extends string = string> = {
	readonly code: Code;
	readonly message: string;
	/** Path of the offending field, where the failure is about one input. */
	readonly path?: readonly (string | number)[];
	readonly details?: Readonly<Record<string, unknown>>;
};

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const err = <Code extends string>(
	code: Code,
	message: string,
	extra: { path?: readonly (string | number)[]; details?: Record<string, unknown> } = {},
): Err<DomainError<Code>> => ({ ok: false, error: { code, message, ...extra } });
