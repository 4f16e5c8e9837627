import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { Services } from './app-services';
import type { Database } from './db/database';
import { alertRoutes } from './http/alerts/alerts.routes';
import { attachmentRoutes, workOrderPhotoRoutes } from './http/attachments/attachments.routes';
import { authRoutes } from './http/auth/auth.routes';
import { calendarRoutes } from './http/calendar/calendar.routes';
import { dutyRosterRoutes } from './http/duty/duty-roster.routes';
import { notificationRoutes } from './http/duty/notifications.routes';
import { estatesRoutes } from './http/estates/estates.routes';
import {
	authenticate,
	originCheck,
	passwordChangeGate,
	requirePermission,
} from './http/auth/auth.middleware';
import type { ClientAddress } from './http/auth/client-address';
import { deviceRoutes } from './http/auth/device.routes';
import { staffRoutes } from './http/auth/staff.routes';
import { docsRoutes } from './http/docs/docs.routes';
import { estateRoutes } from './http/estate/estate.routes';
import { eventsRoutes } from './http/events/events.routes';
import { healthRoutes } from './http/health/health.routes';
import { kioskRoutes } from './http/kiosk/kiosk.routes';
import { kioskUndeliveredRoutes } from './http/kiosk/kiosk-undelivered.routes';
import { noticeRoutes } from './http/notices/notices.routes';
import { PUBLIC_STATUS_MISS_LIMIT, publicStatusRoutes } from './http/public-status/public-status.routes';
import { statusPageRoutes } from './http/public-status/status-page.routes';
import { createAddressRateLimiter } from './auth/address-rate-limiter';
import { createMetricsRegistry, type MetricsRegistry } from './http/metrics/metrics-registry';
import { metricsMiddleware } from './http/metrics/metrics.middleware';
import { metricsRoutes } from './http/metrics/metrics.routes';
import { positionRoutes } from './http/positions/positions.routes';
import { sosRoutes } from './http/positions/sos.routes';
import { residentRoutes } from './http/residents/residents.routes';
import { createRouter } from './http/openapi-router';
import { problem, problemResponse } from './http/problem';
import { staticAppRoutes } from './http/static-apps/static-app.routes';
import { workOrderRoutes } from './http/work-orders/work-orders.routes';
import { cleaningRoutes } from './http/cleaning/cleaning.routes';
import { incidentRoutes } from './http/incidents/incidents.routes';
import { patrolRoundRoutes } from './http/patrols/patrol-round.routes';
import { patrolRouteRoutes } from './http/patrols/patrol-route.routes';

export type AppDeps = {
	readonly logger: Logger;
	readonly version: string;
	readonly uptimeSeconds: () => number;
	readonly checkDatabase: () => Promise<void>;
	readonly consoleDir: string;
	readonly kioskDir: string;
	readonly db: Database;
	readonly now: () => Date;
	readonly services: Services;
	readonly secureCookies: boolean;
	readonly allowedOrigins: readonly string[];
	readonly clientAddress?: ClientAddress;
	/** The highest event seq this instance's relay has delivered; catch-up never answers past it. */
	readonly eventsHorizon?: () => number | undefined;
	/** One registry per app: routes register their gauges on it. */
	readonly metrics?: MetricsRegistry;
	readonly connectedSockets?: () => number;
	/** When set, /metrics needs `Authorization: Bearer <token>`. */
	readonly metricsToken?: string;
};

const JSON_BODY_LIMIT = 256 * 1024;
const PHOTO_BODY_LIMIT = 6 * 1024 * 1024;

/** The HTTP application: middleware, error mapping, and one sub-app per area. */
export function createApp(deps: AppDeps) {
	const { services, db } = deps;
	const app = createRouter();
	const clientAddress = deps.clientAddress ? { clientAddress: deps.clientAddress } : {};

	const metrics = deps.metrics ?? createMetricsRegistry();
	// One miss budget per address for the status page and its JSON twin.
	const statusMisses = createAddressRateLimiter({ now: deps.now, ...PUBLIC_STATUS_MISS_LIMIT });

	app.use(requestId());
	// Before authentication, so that refused requests are counted too.
	app.use(metricsMiddleware(metrics));
	app.use(async (c, next) => {
		const started = performance.now();
		await next();
		deps.logger.info(
			{
				requestId: c.get('requestId'),
				method: c.req.method,
				path: c.req.path,
				status: c.res.status,
				ms: Math.round((performance.now() - started) * 10) / 10,
			},
			'request',
		);
	});
	// Bodies are read only up to a limit: photos get room for 5 MB plus the multipart envelope, the rest far less.
	app.use('/api/*', async (c, next) => {
		const photos = c.req.path.endsWith('/photos');
		return bodyLimit({
			maxSize: photos ? PHOTO_BODY_LIMIT : JSON_BODY_LIMIT,
			onError: (ctx) =>
				problemResponse(
					problem(413, 'Content Too Large', {
						detail: `The request body is over ${photos ? '6 MB' : '256 KB'}.`,
						code: 'REQUEST.TOO_LARGE',
						requestId: ctx.get('requestId'),
					}),
				),
		})(c, next);
	});
	app.use('/api/*', originCheck(deps.allowedOrigins));
	app.use('/api/*', authenticate({ auth: services.auth, secureCookies: deps.secureCookies }));
	app.use('/api/*', passwordChangeGate());

	app.onError((error, c) => {
		if (error instanceof HTTPException) {
			return problemResponse(
				problem(error.status, error.message || 'Request failed', { requestId: c.get('requestId') }),
			);
		}
		deps.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
		return problemResponse(
			problem(500, 'Internal Server Error', {
				detail: 'The server failed to handle this request; it has been logged.',
				requestId: c.get('requestId'),
			}),
		);
	});

	const routes = app
		.route('/', healthRoutes(deps))
		.route(
			'/',
			metricsRoutes({
				registry: metrics,
				db,
				now: deps.now,
				...(deps.connectedSockets ? { connectedSockets: deps.connectedSockets } : {}),
				...(deps.metricsToken ? { token: deps.metricsToken } : {}),
			}),
		)
		.route(
			'/api/v1/auth',
			authRoutes({ auth: services.auth, secureCookies: deps.secureCookies, ...clientAddress }),
		)
		.route('/api/v1/staff', staffRoutes({ auth: services.auth, ...clientAddress }))
		.route('/api/v1/devices', deviceRoutes({ auth: services.auth, ...clientAddress }))
		.route(
			'/api/v1/work-orders',
			workOrderRoutes({
				db,
				service: services.workOrders,
				idempotency: { db, now: deps.now },
				requirePermission,
			}),
		)
		.route('/api/v1/estate', estateRoutes({ db }))
		.route(
			'/api/v1/work-orders',
			workOrderPhotoRoutes({ db, attachments: services.attachments, requirePermission }),
		)
		.route(
			'/api/v1/attachments',
			attachmentRoutes({ db, attachments: services.attachments, requirePermission }),
		)
		.route('/api/v1/notices', noticeRoutes({ notices: services.notices, now: deps.now, requirePermission }))
		.route(
			'/api/v1/kiosk',
			kioskRoutes({
				kiosk: services.kiosk,
				notices: services.notices,
				attachments: services.attachments,
				undelivered: services.kioskUndelivered,
				idempotency: { db, now: deps.now },
				requirePermission,
			}),
		)
		.route(
			'/api/v1/kiosk-undelivered',
			kioskUndeliveredRoutes({ undelivered: services.kioskUndelivered, requirePermission }),
		)
		.route(
			'/api/v1/public',
			publicStatusRoutes({ db, now: deps.now, missLimiter: statusMisses, ...clientAddress }),
		)
		.route(
			'/api/v1/residents',
			residentRoutes({ service: services.residents, requirePermission, ...clientAddress }),
		)
		.route('/api/v1/positions', positionRoutes({ positions: services.positions, requirePermission }))
		.route(
			'/api/v1/sos',
			sosRoutes({ alerts: services.fieldAlerts, idempotency: { db, now: deps.now }, requirePermission }),
		)
		.route('/api/v1/alerts', alertRoutes({ alerts: services.fieldAlerts, requirePermission }))
		.route('/api/v1/duty', dutyRosterRoutes({ roster: services.dutyRoster, requirePermission }))
		.route('/api/v1/notifications', notificationRoutes({ notifications: services.notifications }))
		.route('/api/v1/estates', estatesRoutes({ estates: services.estateSetup, requirePermission }))
		.route('/api/v1/estates', calendarRoutes({ calendar: services.calendar, requirePermission }))
		.route('/api/v1/patrols', patrolRouteRoutes({ db, routes: services.patrolRoutes, requirePermission }))
		.route(
			'/api/v1/patrols',
			patrolRoundRoutes({
				rounds: services.patrolRounds,
				scans: services.patrolScans,
				attachments: services.attachments,
				requirePermission,
			}),
		)
		.route(
			'/api/v1/incidents',
			incidentRoutes({
				incidents: services.incidents,
				idempotency: { db, now: deps.now },
				requirePermission,
			}),
		)
		.route(
			'/api/v1/cleaning',
			cleaningRoutes({ cleaning: services.cleaning, attachments: services.attachments, requirePermission }),
		)
		.route('/', eventsRoutes({ db, ...(deps.eventsHorizon ? { horizon: deps.eventsHorizon } : {}) }));

	app.doc31('/api/openapi.json', {
		openapi: '3.1.0',
		info: {
			title: 'Estate Ops API',
			version: deps.version,
			description: 'Operations platform for property-management companies. Errors are RFC 9457 problem+json.',
		},
	});
	app.route('/api/docs', docsRoutes());
	app.all('/api/*', (c) =>
		problemResponse(
			problem(404, 'Not Found', {
				detail: `No api route ${c.req.method} ${c.req.path}.`,
				requestId: c.get('requestId'),
			}),
		),
	);

	// The kiosk receipt's QR code opens this page on a phone: server-rendered HTML, before the SPA fallback.
	app.route('/', statusPageRoutes({ db, now: deps.now, missLimiter: statusMisses, ...clientAddress }));
	app.route('/kiosk', staticAppRoutes({ root: deps.kioskDir, basePath: '/kiosk' }));
	app.route(
		'/',
		staticAppRoutes({
			root: deps.consoleDir,
			basePath: '',
			reservedPrefixes: ['/api', '/socket.io', '/kiosk'],
		}),
	);

	return routes;
}

export type AppType = ReturnType<typeof createApp>;
