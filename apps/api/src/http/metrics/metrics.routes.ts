import { createHash, timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hono } from 'hono';
import type { Database } from '../../db/database';
import { latestSeqOfAll } from '../../db/repositories/event.repository';
import { countOpenWorkOrders } from '../../db/repositories/sla-watch.repository';
import { PROMETHEUS_CONTENT_TYPE, type MetricsRegistry, type Sample } from './metrics-registry';

export const OPEN_ORDERS_CACHE_MS = 10_000;

export type MetricsRoutesDeps = {
	/** The registry `metricsMiddleware` records into; these routes add the scrape-time gauges to it. */
	readonly registry: MetricsRegistry;
	readonly db: Database;
	readonly now: () => Date;
	/** Sockets connected to this instance (Socket.IO's `engine.clientsCount`). */
	readonly connectedSockets?: () => number;
	/** How long the open-orders count is reused between scrapes; 10 s by default. */
	readonly openOrdersCacheMs?: number;
	/** When set, a scrape must send `Authorization: Bearer <token>` (the metrics name estates and volumes). */
	readonly token?: string;
};

/**
 * `/metrics` in the Prometheus text format (DESIGN.md, "Interfaces"): the HTTP traffic recorded by
 * `metricsMiddleware`, the process (resident memory, event-loop delay p99 since the last scrape), and the
 * operation (open work orders by estate, status and SLA state; the outbox's latest seq; connected sockets).
 */
const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsRoutes(deps: MetricsRoutesDeps) {
	const { registry, db, now } = deps;
	const cacheMs = deps.openOrdersCacheMs ?? OPEN_ORDERS_CACHE_MS;

	registry.collectedGauge({
		name: 'process_resident_memory_bytes',
		help: 'Resident memory size in bytes.',
		collect: () => [{ value: process.memoryUsage.rss() }],
	});

	const eventLoop = monitorEventLoopDelay({ resolution: 10 });
	eventLoop.enable();
	registry.collectedGauge({
		name: 'nodejs_eventloop_delay_p99_seconds',
		help: '99th percentile of the event-loop delay since the previous scrape, in seconds.',
		collect: () => {
			const p99 = eventLoop.count > 0 ? eventLoop.percentile(99) / 1e9 : 0;
			eventLoop.reset();
			return [{ value: p99 }];
		},
	});

	// One grouped query, reused for a few seconds so that several scrapers (or a fast one) cost one query.
	let cached: { at: number; samples: Promise<Sample[]> } | undefined;
	registry.collectedGauge({
		name: 'estate_ops_open_work_orders',
		help: 'Open work orders by estate, status and SLA state.',
		collect: () => {
			const at = now().getTime();
			if (!cached || at - cached.at >= cacheMs || at < cached.at) {
				const samples = countOpenWorkOrders(db).then((rows) =>
					rows.map((row) => ({
						labels: { estate_id: row.estateId, status: row.status, sla_state: row.slaState },
						value: row.count,
					})),
				);
				cached = { at, samples };
				// A failed count is not kept: the next scrape asks again.
				samples.catch(() => {
					if (cached?.samples === samples) cached = undefined;
				});
			}
			return cached.samples;
		},
	});

	registry.collectedGauge({
		name: 'estate_ops_outbox_latest_seq',
		help: 'The highest seq in the event outbox.',
		collect: async () => [{ value: await latestSeqOfAll(db) }],
	});

	if (deps.connectedSockets) {
		const connected = deps.connectedSockets;
		registry.collectedGauge({
			name: 'estate_ops_connected_sockets',
			help: 'Socket.IO clients connected to this instance.',
			collect: () => [{ value: connected() }],
		});
	}

	return new Hono().get('/metrics', async (c) => {
		if (
			deps.token !== undefined &&
			!timingSafeEqual(digest(c.req.header('authorization') ?? ''), digest(`Bearer ${deps.token}`))
		) {
			return c.text('unauthorized\n', 401, { 'www-authenticate': 'Bearer' });
		}
		return c.body(await registry.render(), 200, {
			'content-type': PROMETHEUS_CONTENT_TYPE,
			'cache-control': 'no-store',
		});
	});
}
