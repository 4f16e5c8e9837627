import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeGracefully } from './graceful-close';

describe('closeGracefully', () => {
	it('lets an in-flight request finish before the server closes', async () => {
		const server = createServer((_req, res) => {
			setTimeout(() => res.end('finished'), 300);
		});
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;

		const inFlight = fetch(`http://127.0.0.1:${port}/`).then((res) => res.text());
		await new Promise((resolve) => setTimeout(resolve, 50));
		const closed = closeGracefully(server, 5_000);

		expect(await inFlight).toBe('finished');
		await closed;
		expect(server.listening).toBe(false);
	});

	it('cuts a request that outlives the timeout', async () => {
		const server = createServer(() => {
			// never answers
		});
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;

		const stuck = fetch(`http://127.0.0.1:${port}/`).then(
			() => 'answered',
			() => 'cut',
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		await closeGracefully(server, 100);
		expect(await stuck).toBe('cut');
	});
});
