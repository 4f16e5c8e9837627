import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';

/**
 * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive sockets, and after
 * `timeoutMs` cuts whatever is still open so that a stuck client cannot hold a deployment hostage.
 */
export function closeGracefully(
	server: Server | Http2Server | Http2SecureServer,
	timeoutMs: number,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			if ('closeAllConnections' in server) server.closeAllConnections();
		}, timeoutMs);
		timer.unref();
		server.close((error) => {
			clearTimeout(timer);
			if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
			else resolve();
		});
		if ('closeIdleConnections' in server) server.closeIdleConnections();
	});
}
