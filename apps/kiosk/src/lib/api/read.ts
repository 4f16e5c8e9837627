/**
 * Reading the api's JSON without a schema library: the kiosk's first screen stays small, and the few
 * shapes it reads are written out here. A reader returns the value typed, or throws `Unreadable`, which
 * `read` turns into null (a body we cannot read is treated like no answer).
 */
export type Reader<T> = (value: unknown, path: string) => T;

export class Unreadable extends Error {
	override readonly name = 'Unreadable';
}

const fail = (path: string, expected: string): never => {
	throw new Unreadable(`${path || 'body'}: expected ${expected}`);
};

export const string: Reader<string> = (value, path) =>
	typeof value === 'string' ? value : fail(path, 'a string');

export const number: Reader<number> = (value, path) =>
	typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number');

export const boolean: Reader<boolean> = (value, path) =>
	typeof value === 'boolean' ? value : fail(path, 'true or false');

/** An ISO 8601 instant, as `JSON.stringify` writes a Date. */
export const instant: Reader<Date> = (value, path) => {
	const date = typeof value === 'string' ? new Date(value) : null;
	return date !== null && !Number.isNaN(date.getTime()) ? date : fail(path, 'an ISO 8601 date');
};

export const oneOf =
	<const T extends string>(values: readonly T[]): Reader<T> =>
	(value, path) =>
		typeof value === 'string' && (values as readonly string[]).includes(value)
			? (value as T)
			: fail(path, values.join(' | '));

export const nullable =
	<T>(reader: Reader<T>): Reader<T | null> =>
	(value, path) =>
		value === null || value === undefined ? null : reader(value, path);

/** A value that may be missing; `fallback` stands in for it. */
export const withDefault =
	<T>(reader: Reader<T>, fallback: T): Reader<T> =>
	(value, path) =>
		value === undefined ? fallback : reader(value, path);

export const arrayOf =
	<T>(reader: Reader<T>): Reader<T[]> =>
	(value, path) =>
		Array.isArray(value)
			? value.map((item, index) => reader(item, `${path}[${index}]`))
			: fail(path, 'a list');

type Shape = Record<string, Reader<unknown>>;
type Read<S extends Shape> = { [K in keyof S]: S[K] extends Reader<infer T> ? T : never };

/** An object with these fields (others are ignored). */
export const object =
	<S extends Shape>(shape: S): Reader<Read<S>> =>
	(value, path) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object');
		const record = value as Record<string, unknown>;
		const result: Record<string, unknown> = {};
		for (const [key, reader] of Object.entries(shape)) result[key] = reader(record[key], `${path}.${key}`);
		return result as Read<S>;
	};

/** The value read, or null when it does not have the shape. */
export function read<T>(reader: Reader<T>, value: unknown): T | null {
	try {
		return reader(value, '');
	} catch (error) {
		if (error instanceof Unreadable) return null;
		throw error;
	}
}
