import type { ApiFailure } from '$lib/api/http';
import { m } from '$lib/paraglide/messages';

/** Why signing in failed, as the person at the screen should read it. */
export function signInFailureText(failure: ApiFailure): string {
	if (failure.kind !== 'problem') return m.signin_network();
	return failure.problem.status === 429 ? m.signin_locked() : m.signin_failed();
}

export function passwordFailureText(failure: ApiFailure): string {
	if (failure.kind !== 'problem') return m.signin_network();
	if (failure.problem.code === 'AUTH.WRONG_PASSWORD') return m.password_wrong();
	if (failure.problem.status === 429) return m.signin_locked();
	return m.password_weak();
}
