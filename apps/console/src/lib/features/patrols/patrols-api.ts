import { PatrolFinding } from '@estate-ops/domain/patrols';
import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

const Point = z.tuple([z.number(), z.number()]);

export const Period = z.object({ start: z.string(), end: z.string(), intervalHours: z.number() });
export type Period = z.infer<typeof Period>;

export const RouteCheckpointView = z.object({
	id: z.string(),
	sequence: z.number().int(),
	name: z.string(),
	/** Only for those who may edit routes and print plates. */
	code: z.string().optional(),
	point: Point,
	zoneId: z.string().nullable(),
	radiusMetres: z.number(),
	expectedMinute: z.number().int().nullable(),
	toleranceMinutes: z.number().int().nullable(),
});
export type RouteCheckpointView = z.infer<typeof RouteCheckpointView>;

/** A patrol route (巡逻路线) with its checkpoints in walking order. */
export const PatrolRouteView = z.object({
	id: z.string(),
	name: z.string(),
	version: z.number().int(),
	day: Period,
	night: Period.nullable(),
	windowMinutes: z.number().int(),
	toleranceMinutes: z.number().int(),
	createdAt: Instant,
	updatedAt: Instant,
	archivedAt: Instant.nullable(),
	checkpoints: z.array(RouteCheckpointView),
});
export type PatrolRouteView = z.infer<typeof PatrolRouteView>;

export const CheckpointState = z.enum(['visited', 'late', 'missed', 'due', 'upcoming']);
export type CheckpointState = z.infer<typeof CheckpointState>;

export const RoundStatus = z.enum(['scheduled', 'in_progress', 'completed', 'completed_with_issues', 'missed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const RoundCheckpoint = z.object({
	checkpointId: z.string(),
	name: z.string(),
	sequence: z.number().int(),
	point: Point,
	zoneId: z.string().nullable(),
	state: CheckpointState,
	dueAt: Instant,
	lateAfter: Instant,
	behind: z.boolean(),
	scannedAt: Instant.nullable(),
	guardId: z.string().nullable(),
	flags: z.array(z.string()),
});
export type RoundCheckpoint = z.infer<typeof RoundCheckpoint>;

/** A round of a route with each checkpoint visited, late, missed, due or upcoming as the api evaluated it. */
export const RoundView = z.object({
	id: z.string(),
	routeId: z.string(),
	routeName: z.string(),
	localDate: z.string(),
	period: z.enum(['day', 'night']),
	startsAt: Instant,
	windowEndsAt: Instant,
	assigneeId: z.string().nullable(),
	status: RoundStatus,
	completion: z.number(),
	closedAt: Instant.nullable(),
	evaluatedAt: Instant,
	counts: z.record(CheckpointState, z.number().int()),
	checkpoints: z.array(RoundCheckpoint),
});
export type RoundView = z.infer<typeof RoundView>;

const Totals = z.object({
	scheduled: z.number().int(),
	in_progress: z.number().int(),
	completed: z.number().int(),
	completed_with_issues: z.number().int(),
	missed: z.number().int(),
	checkpointsVisited: z.number().int(),
	checkpointsLate: z.number().int(),
	checkpointsMissed: z.number().int(),
});

export const RouteDay = z.object({
	routeId: z.string(),
	name: z.string(),
	archived: z.boolean(),
	rounds: z.array(RoundView),
	totals: Totals,
});
export type RouteDay = z.infer<typeof RouteDay>;

export const RoundsOfDay = z.object({
	date: z.string(),
	timeZone: z.string(),
	evaluatedAt: Instant,
	routes: z.array(RouteDay),
	/** The rounds whose window is open now, whatever day they started on. */
	current: z.array(RoundView),
});
export type RoundsOfDay = z.infer<typeof RoundsOfDay>;

export const ScanVerdict = z.enum([
	'visit',
	'late_visit',
	'repeat',
	'wrong_code',
	'unknown_checkpoint',
	'before_window',
	'after_window',
]);
export type ScanVerdict = z.infer<typeof ScanVerdict>;

export const ScanView = z.object({
	id: z.string(),
	roundId: z.string(),
	routeId: z.string(),
	checkpointId: z.string(),
	guardId: z.string(),
	method: z.string(),
	scannedAt: Instant,
	receivedAt: Instant,
	point: Point,
	accuracyM: z.number(),
	verdict: ScanVerdict,
	counted: z.boolean(),
	distanceMetres: z.number().nullable(),
	offPosition: z.boolean(),
	note: z.string().nullable(),
	findings: z.array(PatrolFinding),
});
export type ScanView = z.infer<typeof ScanView>;

export const RoundDetail = z.object({
	round: RoundView,
	scans: z.array(ScanView),
	alerts: z.array(z.object({ key: z.string(), type: z.string(), raisedAt: Instant })),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

const PatrolLog = z.object({
	date: z.string(),
	timeZone: z.string(),
	entries: z.array(
		ScanView.extend({ routeName: z.string(), checkpointName: z.string(), guardName: z.string() }),
	),
});
export type PatrolLog = z.infer<typeof PatrolLog>;

/** What the route editor sends: `POST /patrols/routes` to create, `PUT /patrols/routes/{id}` to replace. */
export type PatrolRouteInput = {
	readonly name: string;
	readonly checkpoints: readonly {
		readonly id?: string;
		readonly name: string;
		readonly code: string;
		readonly point: readonly [number, number];
		readonly radiusMetres?: number;
		readonly expectedMinute?: number;
		readonly toleranceMinutes?: number;
	}[];
	readonly day: Period;
	readonly night: Period | null;
	readonly windowMinutes: number;
	readonly toleranceMinutes?: number;
};

const RouteList = z.object({ routes: z.array(PatrolRouteView) });
const dateQuery = (date: string | undefined) => (date ? `?date=${encodeURIComponent(date)}` : '');

export const patrolsApi = (api: ApiClient) => ({
	routes: async (): Promise<ApiResult<PatrolRouteView[]>> => {
		const result = await api.request('/api/v1/patrols/routes', RouteList);
		return result.ok ? { ok: true, value: result.value.routes } : result;
	},
	route: (id: string): Promise<ApiResult<PatrolRouteView>> =>
		api.request(`/api/v1/patrols/routes/${encodeURIComponent(id)}`, PatrolRouteView),
	createRoute: (input: PatrolRouteInput): Promise<ApiResult<PatrolRouteView>> =>
		api.request('/api/v1/patrols/routes', PatrolRouteView, { method: 'POST', body: input }),
	updateRoute: (id: string, input: PatrolRouteInput, expectedVersion: number): Promise<ApiResult<PatrolRouteView>> =>
		api.request(`/api/v1/patrols/routes/${encodeURIComponent(id)}`, PatrolRouteView, {
			method: 'PUT',
			body: { ...input, expectedVersion },
		}),
	rounds: (date?: string): Promise<ApiResult<RoundsOfDay>> =>
		api.request(`/api/v1/patrols/rounds${dateQuery(date)}`, RoundsOfDay),
	round: (id: string): Promise<ApiResult<RoundDetail>> =>
		api.request(`/api/v1/patrols/rounds/${encodeURIComponent(id)}`, RoundDetail),
	log: (date?: string): Promise<ApiResult<PatrolLog>> =>
		api.request(`/api/v1/patrols/log${dateQuery(date)}`, PatrolLog),
});
export type PatrolsApi = ReturnType<typeof patrolsApi>;

/** The printable plate of a checkpoint (an SVG the api draws with its QR code), for an `<img>` or a new tab. */
export const plateUrl = (checkpointId: string): string =>
	`/api/v1/patrols/checkpoints/${encodeURIComponent(checkpointId)}/plate`;
