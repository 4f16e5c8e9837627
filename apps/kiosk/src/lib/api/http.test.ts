import { describe, expect, it } from 'vitest';
import { KioskHttp, parseProblem } from './http';
import { object, string } from './read';

const Body = object({ name: string });

/** A fetch that answers with `respond`, remembering what it was asked. */
function answering(respond: () => Response | Promise<Response>) {
	const calls: { path: string; init: RequestInit | undefined }[] = [];
	const fetch = async (path: string, init?: RequestInit) => {
		calls.push({ path, init });
		return respond();
	};
	return { calls, fetch };
}

const json = (status: number, body: unknown, type = 'application/json') =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('KioskHttp', () => {
	it('sends the device token and JSON, and reads the answer', async () => {
		const { calls, fetch } = answering(() => json(200, { name: '御景华庭' }));
		const reach: boolean[] = [];
		const http = new KioskHttp({ fetch, token: 'tok', onReachability: (r) => reach.push(r) });
		const result = await http.request('/api/v1/x', Body, { method: 'POST', json: { a: 1 } });
		expect(result).toEqual({ ok: true, value: { name: '御景华庭' } });
		const headers = calls[0]?.init?.headers as Record<string, string>;
		expect(headers['authorization']).toBe('Bearer tok');
		expect(headers['content-type']).toBe('application/json');
		expect(calls[0]?.init?.body).toBe('{"a":1}');
		expect(reach).toEqual([true]);
	});

	it('counts a network error as unreachable', async () => {
		const http = new KioskHttp({
			fetch: () => Promise.reject(new TypeError('Failed to fetch')),
			token: 'tok',
		});
		expect(await http.request('/api/v1/x', Body)).toEqual({ ok: false, failure: { kind: 'unreachable' } });
	});

	it.each([500, 502, 503, 504])('counts a %i answer as unreachable, so it is tried again', async (status) => {
		const reach: boolean[] = [];
		const http = new KioskHttp({
			fetch: answering(() => json(status, { title: 'down' })).fetch,
			token: 'tok',
			onReachability: (r) => reach.push(r),
		});
		expect(await http.request('/api/v1/x', Body)).toEqual({ ok: false, failure: { kind: 'unreachable' } });
		expect(reach).toEqual([false]);
	});

	it('gives a 4xx as its problem, naming the field', async () => {
		const http = new KioskHttp({
			fetch: answering(() =>
				json(422, {
					title: 'Unprocessable',
					code: 'KIOSK.VERIFICATION_FAILED',
					errors: [{ path: ['phoneLast4'], message: 'no match' }],
				}),
			).fetch,
			token: 'tok',
		});
		expect(await http.request('/api/v1/x', Body)).toEqual({
			ok: false,
			failure: {
				kind: 'problem',
				problem: {
					status: 422,
					title: 'Unprocessable',
					code: 'KIOSK.VERIFICATION_FAILED',
					errors: [{ path: 'phoneLast4', message: 'no match' }],
				},
			},
		});
	});

	it('tells when the api no longer knows the kiosk', async () => {
		let unauthorized = 0;
		const http = new KioskHttp({
			fetch: answering(() => json(401, { title: 'Unauthorized' })).fetch,
			token: 'tok',
			onUnauthorized: () => unauthorized++,
		});
		await http.request('/api/v1/x', Body);
		expect(unauthorized).toBe(1);
	});

	it('calls an answer of the wrong shape invalid', async () => {
		const http = new KioskHttp({ fetch: answering(() => json(200, { other: 1 })).fetch, token: 'tok' });
		expect(await http.request('/api/v1/x', Body)).toEqual({ ok: false, failure: { kind: 'invalid' } });
	});
});

describe('parseProblem', () => {
	it('makes a problem from the status when the body is not one', () => {
		expect(parseProblem(404, 'Not found')).toEqual({ status: 404, title: 'HTTP 404' });
	});
});
