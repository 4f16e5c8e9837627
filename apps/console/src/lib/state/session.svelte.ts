/* eslint-disable svelte/prefer-svelte-reactivity -- the permission set is rebuilt from `me` on each read, never mutated */
import type { AuthApi, Me } from '$lib/api/auth';
import type { ApiFailure } from '$lib/api/http';

/** Where the person at the screen stands with the api. */
export type SessionStatus = 'unknown' | 'signed_out' | 'password_change' | 'signed_in';

export type SignInResult = { readonly ok: true } | { readonly ok: false; readonly failure: ApiFailure };

/**
 * The signed-in staff member. A session that ends under the user's feet (expiry, revocation) is `expired`
 * rather than signed out: the page stays as it is, with what they typed, under a sign-in dialog.
 */
export class Session {
	status: SessionStatus = $state('unknown');
	me: Me | null = $state(null);
	expired = $state(false);

	readonly #auth: AuthApi;

	constructor(auth: AuthApi) {
		this.#auth = auth;
	}

	get permissions(): ReadonlySet<string> {
		return new Set(this.me?.permissions ?? []);
	}

	can(permission: string): boolean {
		return this.me?.permissions.includes(permission) ?? false;
	}

	async restore(): Promise<void> {
		const result = await this.#auth.me();
		this.#settle(result.ok ? result.value : null);
	}

	async signIn(username: string, password: string): Promise<SignInResult> {
		const result = await this.#auth.login(username, password);
		if (!result.ok) return result;
		// Signing in again after an expiry as someone else is a new desk, not a resumed one.
		if (this.expired && this.me && this.me.id !== result.value.id) location.reload();
		this.#settle(result.value);
		return { ok: true };
	}

	async changePassword(current: string, next: string): Promise<SignInResult> {
		const result = await this.#auth.changePassword(current, next);
		if (!result.ok) return result;
		this.#settle(result.value);
		return { ok: true };
	}

	async signOut(): Promise<void> {
		await this.#auth.logout();
		this.me = null;
		this.expired = false;
		this.status = 'signed_out';
	}

	/** A signed-in call answered 401. */
	markExpired(): void {
		if (this.status === 'signed_in' || this.status === 'password_change') this.expired = true;
	}

	#settle(me: Me | null): void {
		this.me = me;
		this.expired = false;
		this.status = me === null ? 'signed_out' : me.mustChangePassword ? 'password_change' : 'signed_in';
	}
}
