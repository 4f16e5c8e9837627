import { describe, expect, it } from 'vitest';
import { absoluteUrl, newPublicToken, PUBLIC_TOKEN_LENGTH, statusUrlOf } from './public-token';

describe('newPublicToken', () => {
	it('is 26 lower-case base32 characters (130 bits)', () => {
		const token = newPublicToken();
		expect(token).toMatch(/^[a-z2-7]{26}$/);
		expect(PUBLIC_TOKEN_LENGTH * 5).toBeGreaterThanOrEqual(128);
	});

	it('takes five bits of each random byte', () => {
		const token = newPublicToken((bytes) => bytes.fill(0).map((_, i) => i));
		expect(token).toBe('abcdefghijklmnopqrstuvwxyz');
		expect(newPublicToken((bytes) => bytes.fill(255))).toBe('7'.repeat(26));
	});

	it('differs every time in the browser’s random source', () => {
		expect(new Set(Array.from({ length: 50 }, () => newPublicToken())).size).toBe(50);
	});
});

describe('statusUrlOf', () => {
	it('points at the status page on the kiosk’s own origin', () => {
		expect(statusUrlOf('http://localhost:3000', 'abc234')).toBe('http://localhost:3000/status/abc234');
	});
});

describe('absoluteUrl', () => {
	it.each([
		['/status/abc', 'http://localhost:3000/status/abc'],
		['status/abc', 'http://localhost:3000/status/abc'],
		['https://estate.example/status/abc', 'https://estate.example/status/abc'],
	])('makes %j absolute on the kiosk’s origin', (path, url) => {
		expect(absoluteUrl('http://localhost:3000', path)).toBe(url);
	});
});
