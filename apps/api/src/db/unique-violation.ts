/** PostgreSQL's unique_violation, whether the driver error comes bare or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
	for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
		if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === '23505')
			return true;
		current =
			typeof current === 'object' && 'cause' in current ? (current as { cause: unknown }).cause : undefined;
	}
	return false;
}
