import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { DEFAULT_DURATION_BUCKETS, type MetricsRegistry } from './metrics-registry';

export const HTTP_REQUESTS_TOTAL = 'estate_ops_http_requests_total';
export const HTTP_REQUEST_DURATION = 'estate_ops_http_request_duration_seconds';

/** What stands in for the route when nothing but catch-all middleware answered (e.g. an unknown path). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts every request and times it, labelled by method, status and the route pattern that answered
 * (`/api/v1/work-orders/:id`, never the raw URL, so that ids do not explode the series). Mount it first, right
 * after the request id, so that it also sees requests that the auth middleware turns away. Register it once per
 * registry.
 */
export function metricsMiddleware(registry: MetricsRegistry): MiddlewareHandler {
	const requests = registry.counter({
		name: HTTP_REQUESTS_TOTAL,
		help: 'HTTP requests answered, by method, matched route and status.',
		labelNames: ['method', 'route', 'status'],
	});
	const durations = registry.histogram({
		name: HTTP_REQUEST_DURATION,
		help: 'Time to answer an HTTP request, in seconds, by method and matched route.',
		labelNames: ['method', 'route'],
		buckets: DEFAULT_DURATION_BUCKETS,
	});
	return async (c, next) => {
		const started = performance.now();
		try {
			await next();
		} finally {
			const pattern = routePath(c);
			const route = pattern === '' || pattern === '*' || pattern === '/*' ? UNMATCHED_ROUTE : pattern;
			const method = c.req.method;
			requests.inc({ method, route, status: String(c.res.status) });
			durations.observe({ method, route }, (performance.now() - started) / 1000);
		}
	};
}
