import { describe, expect, it } from 'vitest';
import { createAddressRateLimiter } from './address-rate-limiter';

const fakeClock = () => {
	let ms = Date.parse('2026-03-02T01:00:00Z');
	return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
};

describe('createAddressRateLimiter', () => {
	it('allows up to the limit of attempts, then asks to wait until the oldest leaves the window', () => {
		const clock = fakeClock();
		const limiter = createAddressRateLimiter({ now: clock.now, maxAttempts: 3, windowMs: 60_000 });
		expect(limiter.acquire('a')).toBe(0);
		clock.advance(10_000);
		expect(limiter.acquire('a')).toBe(0);
		expect(limiter.acquire('a')).toBe(0);
		expect(limiter.acquire('a')).toBe(50_000);
		clock.advance(50_000);
		expect(limiter.acquire('a')).toBe(0);
	});

	it('does not count a forgiven attempt (a successful sign-in)', () => {
		const clock = fakeClock();
		const limiter = createAddressRateLimiter({ now: clock.now, maxAttempts: 2, windowMs: 60_000 });
		for (let i = 0; i < 5; i++) {
			expect(limiter.acquire('desk')).toBe(0);
			limiter.forgive('desk');
		}
		expect(limiter.acquire('desk')).toBe(0);
		expect(limiter.acquire('desk')).toBe(0);
		expect(limiter.acquire('desk')).toBeGreaterThan(0);
	});

	it('keeps addresses apart', () => {
		const clock = fakeClock();
		const limiter = createAddressRateLimiter({ now: clock.now, maxAttempts: 1, windowMs: 60_000 });
		limiter.acquire('a');
		expect(limiter.acquire('a')).toBeGreaterThan(0);
		expect(limiter.acquire('b')).toBe(0);
	});

	it('forgets the stalest addresses beyond its memory bound', () => {
		const clock = fakeClock();
		const limiter = createAddressRateLimiter({
			now: clock.now,
			maxAttempts: 1,
			windowMs: 60_000,
			maxTrackedAddresses: 2,
		});
		limiter.acquire('a');
		limiter.acquire('b');
		limiter.acquire('c');
		expect(limiter.acquire('a')).toBe(0);
		expect(limiter.acquire('c')).toBeGreaterThan(0);
	});
});
