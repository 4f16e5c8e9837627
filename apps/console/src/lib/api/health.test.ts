import { describe, expect, it } from 'vitest';
import { checkHealth, parseHealth } from './health';
import type { Fetch } from './health';

describe('parseHealth', () => {
	it('accepts what the api answers', () => {
		expect(parseHealth({ status: 'ok', version: '0.1.0', uptimeSeconds: 42 })).toEqual({
			status: 'ok',
			version: '0.1.0',
			uptimeSeconds: 42,
		});
	});

	it.each([
		['null', null],
		['a string', 'ok'],
		['another status', { status: 'degraded', version: '0.1.0', uptimeSeconds: 1 }],
		['no version', { status: 'ok', uptimeSeconds: 1 }],
		['a textual uptime', { status: 'ok', version: '0.1.0', uptimeSeconds: '1' }],
		['a negative uptime', { status: 'ok', version: '0.1.0', uptimeSeconds: -1 }],
		['an infinite uptime', { status: 'ok', version: '0.1.0', uptimeSeconds: Infinity }],
	])('rejects %s', (_, body) => {
		expect(parseHealth(body)).toBeUndefined();
	});
});

const answering =
	(response: () => Response): Fetch =>
	async () =>
		response();

describe('checkHealth', () => {
	it('asks /healthz for JSON, uncached, and reports the health', async () => {
		const asked: { input: string; init: RequestInit | undefined }[] = [];
		const fetch: Fetch = async (input, init) => {
			asked.push({ input, init });
			return Response.json({ status: 'ok', version: '1.2.3', uptimeSeconds: 7 });
		};
		expect(await checkHealth(fetch)).toEqual({
			ok: true,
			health: { status: 'ok', version: '1.2.3', uptimeSeconds: 7 },
		});
		expect(asked).toHaveLength(1);
		expect(asked[0]?.input).toBe('/healthz');
		expect(asked[0]?.init?.cache).toBe('no-store');
		expect(asked[0]?.init?.signal).toBeInstanceOf(AbortSignal);
	});

	it('reports a network failure when the request cannot be made', async () => {
		const fetch: Fetch = async () => {
			throw new TypeError('fetch failed');
		};
		expect(await checkHealth(fetch)).toEqual({ ok: false, failure: { kind: 'network' } });
	});

	it('reports a network failure when the api does not answer in time', async () => {
		const fetch: Fetch = (_, init) =>
			new Promise((_resolve, reject) =>
				init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
			);
		expect(await checkHealth(fetch, 10)).toEqual({ ok: false, failure: { kind: 'network' } });
	});

	it('reports the status of an error answer', async () => {
		const fetch = answering(() => new Response('Bad Gateway', { status: 502 }));
		expect(await checkHealth(fetch)).toEqual({ ok: false, failure: { kind: 'http', status: 502 } });
	});

	it.each([
		['not JSON', () => new Response('<html>proxy</html>', { status: 200 })],
		['JSON of another shape', () => Response.json({ healthy: true })],
	])('reports an invalid answer for %s', async (_, response) => {
		expect(await checkHealth(answering(response))).toEqual({ ok: false, failure: { kind: 'invalid' } });
	});
});
