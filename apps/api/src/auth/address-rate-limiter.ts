/**
 * Failed sign-in attempts per client address in a sliding window. Kept in memory, per api instance: with
 * N instances behind a load balancer an address gets up to N × `maxAttempts`, which is acceptable because the
 * per-account lock (stored in the database, shared by all instances) is what protects each password. Only
 * failures count, so a front desk of many people behind one NAT address can still sign in; a success does
 * not clear earlier failures, or one valid account would let an address keep guessing at the others.
 */
export type AddressRateLimiter = {
	/**
	 * Takes a slot for one attempt: 0 when `address` may try now (the attempt then counts until `forgive`),
	 * otherwise the milliseconds until it may. Taking the slot before the password is checked means that a
	 * burst of concurrent guesses cannot all slip in while the first ones are still being verified.
	 */
	acquire(address: string): number;
	/** Un-counts one attempt that turned out to be a successful sign-in. */
	forgive(address: string): void;
};

export type AddressRateLimiterOptions = {
	readonly now: () => Date;
	readonly maxAttempts?: number;
	readonly windowMs?: number;
	/** Bounds memory under an address-spraying attack: the stalest addresses are forgotten first. */
	readonly maxTrackedAddresses?: number;
};

export const DEFAULT_ADDRESS_LIMIT = { maxAttempts: 20, windowMs: 10 * 60_000 } as const;

export function createAddressRateLimiter(options: AddressRateLimiterOptions): AddressRateLimiter {
	const maxAttempts = options.maxAttempts ?? DEFAULT_ADDRESS_LIMIT.maxAttempts;
	const windowMs = options.windowMs ?? DEFAULT_ADDRESS_LIMIT.windowMs;
	const maxTracked = options.maxTrackedAddresses ?? 50_000;
	// Insertion order doubles as staleness order: an address is re-inserted on every attempt.
	const attempts = new Map<string, number[]>();

	const recent = (address: string, nowMs: number): number[] =>
		(attempts.get(address) ?? []).filter((t) => t > nowMs - windowMs);

	return {
		acquire(address) {
			const nowMs = options.now().getTime();
			const times = recent(address, nowMs);
			if (times.length >= maxAttempts) {
				attempts.set(address, times);
				// The window frees a slot when the oldest counted attempt leaves it.
				const oldest = times[times.length - maxAttempts] ?? nowMs;
				return Math.max(1, oldest + windowMs - nowMs);
			}
			times.push(nowMs);
			attempts.delete(address);
			attempts.set(address, times);
			while (attempts.size > maxTracked) {
				const stalest = attempts.keys().next().value;
				if (stalest === undefined) break;
				attempts.delete(stalest);
			}
			return 0;
		},
		forgive(address) {
			const times = attempts.get(address);
			if (!times) return;
			times.pop();
			if (times.length === 0) attempts.delete(address);
		},
	};
}
