import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { events } from '../../db/schema/index';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { createMetricsRegistry, PROMETHEUS_CONTENT_TYPE } from './metrics-registry';
import {
	HTTP_REQUEST_DURATION,
	HTTP_REQUESTS_TOTAL,
	metricsMiddleware,
	UNMATCHED_ROUTE,
} from './metrics.middleware';
import { metricsRoutes } from './metrics.routes';
import { parsePrometheusText, samplesOf, valueOf, type ParsedExposition } from './prometheus-text.fixture';

let api: TestApi;
let app: Hono;
let estateId: string;
let otherEstateId: string;
let desk: { id: string; session: string };
let otherDesk: { id: string; session: string };
let sockets = 0;

const order = {
	kind: 'repair',
	category: 'carpentry',
	channel: 'front_desk',
	description: '单元门闭门器漏油',
	location: { kind: 'point', position: [121.47, 31.23] },
};

const scrape = async (): Promise<ParsedExposition> => {
	const res = await app.request('/metrics');
	expect(res.status).toBe(200);
	return parsePrometheusText(await res.text());
};

const get = (path: string, session?: string) =>
	app.request(path, session ? { headers: { cookie: `${SESSION_COOKIE}=${session}` } } : {});

const file = async (session: string) => {
	const res = await api.request('/api/v1/work-orders', { method: 'POST', session, json: order });
	expect(res.status).toBe(201);
	return ((await res.json()) as { order: { id: string } }).order.id;
};

beforeAll(async () => {
	api = await createTestApi();
	estateId = await api.createEstate('MET');
	otherEstateId = await api.createEstate('MET2');
	desk = await api.staffSession(estateId, ['customer_service']);
	otherDesk = await api.staffSession(otherEstateId, ['customer_service']);
	const registry = createMetricsRegistry();
	// The way app.ts mounts it: the middleware first, /metrics beside /healthz, then every other route.
	app = new Hono();
	app.use(metricsMiddleware(registry));
	app.route('/', metricsRoutes({ registry, db: api.db, now: api.now, connectedSockets: () => sockets }));
	app.route('/', api.app);
});
afterAll(() => api.close());

describe('/metrics', () => {
	it('answers in the Prometheus text format, declaring every metric', async () => {
		const res = await app.request('/metrics');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
		const parsed = parsePrometheusText(await res.text());
		expect(Object.fromEntries(parsed.types)).toMatchObject({
			[HTTP_REQUESTS_TOTAL]: 'counter',
			[HTTP_REQUEST_DURATION]: 'histogram',
			process_resident_memory_bytes: 'gauge',
			nodejs_eventloop_delay_p99_seconds: 'gauge',
			estate_ops_open_work_orders: 'gauge',
			estate_ops_outbox_latest_seq: 'gauge',
			estate_ops_connected_sockets: 'gauge',
		});
		expect(valueOf(parsed, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
		expect(valueOf(parsed, 'nodejs_eventloop_delay_p99_seconds')).toBeGreaterThanOrEqual(0);
	});

	it('counts requests by method, matched route pattern and status, never by raw URL', async () => {
		const id = await file(desk.session);
		const missing = randomUUID();
		const before = await scrape();
		const count = (parsed: ParsedExposition, status: string) =>
			valueOf(parsed, HTTP_REQUESTS_TOTAL, { method: 'GET', route: '/api/v1/work-orders/:id', status }) ?? 0;

		expect((await get(`/api/v1/work-orders/${id}`, desk.session)).status).toBe(200);
		expect((await get(`/api/v1/work-orders/${id}`, desk.session)).status).toBe(200);
		expect((await get(`/api/v1/work-orders/${missing}`, desk.session)).status).toBe(404);
		expect((await get('/healthz')).status).toBe(200);
		const after = await scrape();

		expect(count(after, '200') - count(before, '200')).toBe(2);
		expect(count(after, '404') - count(before, '404')).toBe(1);
		expect(valueOf(after, HTTP_REQUESTS_TOTAL, { method: 'GET', route: '/healthz', status: '200' })).toBe(1);
		const routes = samplesOf(after, HTTP_REQUESTS_TOTAL).map((sample) => sample.labels['route'] ?? '');
		expect(routes.some((route) => route.includes(id) || route.includes(missing))).toBe(false);
		const durationCount =
			valueOf(after, `${HTTP_REQUEST_DURATION}_count`, { method: 'GET', route: '/api/v1/work-orders/:id' }) ??
			0;
		expect(durationCount).toBeGreaterThanOrEqual(3);
		const infBucket = valueOf(after, `${HTTP_REQUEST_DURATION}_bucket`, {
			method: 'GET',
			route: '/api/v1/work-orders/:id',
			le: '+Inf',
		});
		expect(infBucket).toBe(durationCount);
	});

	it('counts requests turned away before any handler, and unknown paths under one label', async () => {
		const before = await scrape();
		expect((await get('/api/v1/work-orders')).status).toBe(401);
		expect((await get('/no/such/page/at/all.php')).status).toBeGreaterThanOrEqual(200);
		const after = await scrape();

		const unauthorised = samplesOf(after, HTTP_REQUESTS_TOTAL, { method: 'GET', status: '401' }).reduce(
			(sum, s) => sum + s.value,
			0,
		);
		const earlier = samplesOf(before, HTTP_REQUESTS_TOTAL, { method: 'GET', status: '401' }).reduce(
			(sum, s) => sum + s.value,
			0,
		);
		expect(unauthorised - earlier).toBe(1);
		const routes = samplesOf(after, HTTP_REQUESTS_TOTAL).map((sample) => sample.labels['route']);
		expect(routes).not.toContain('/no/such/page/at/all.php');
		expect(routes.every((route) => route === UNMATCHED_ROUTE || route?.startsWith('/'))).toBe(true);
	});

	it('reports open work orders by estate, status and SLA state, cached for 10 seconds', async () => {
		await file(otherDesk.session);
		await file(otherDesk.session);
		// Earlier scrapes of this file cached a count from before these orders.
		api.advance(10_000);
		const first = await scrape();
		const open = (parsed: ParsedExposition) =>
			valueOf(parsed, 'estate_ops_open_work_orders', {
				estate_id: otherEstateId,
				status: 'submitted',
				sla_state: 'on_track',
			});
		expect(open(first)).toBe(2);

		await file(otherDesk.session);
		expect(open(await scrape())).toBe(2);
		api.advance(10_000);
		expect(open(await scrape())).toBe(3);
		expect(
			samplesOf(await scrape(), 'estate_ops_open_work_orders', { estate_id: estateId }).length,
		).toBeGreaterThan(0);
	});

	it('reports the outbox latest seq and the connected sockets', async () => {
		await file(desk.session);
		sockets = 4;
		const [row] = await api.db.select({ seq: sql<number>`max(${events.seq})` }).from(events);

		const parsed = await scrape();

		expect(valueOf(parsed, 'estate_ops_outbox_latest_seq')).toBe(Number(row?.seq));
		expect(valueOf(parsed, 'estate_ops_connected_sockets')).toBe(4);
	});

	it('asks for the bearer token when one is configured', async () => {
		const registry = createMetricsRegistry();
		const guarded = metricsRoutes({ registry, db: api.db, now: api.now, token: 'scrape-secret-1' });

		const without = await guarded.request('/metrics');
		const wrong = await guarded.request('/metrics', { headers: { authorization: 'Bearer nope' } });
		const right = await guarded.request('/metrics', { headers: { authorization: 'Bearer scrape-secret-1' } });

		expect([without.status, wrong.status, right.status]).toEqual([401, 401, 200]);
		expect(parsePrometheusText(await right.text()).types.get('estate_ops_outbox_latest_seq')).toBe('gauge');
	});
});
