import { FieldRole } from '@estate-ops/domain/positions';
import { Instant } from '@estate-ops/domain/shared';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

/** A person's latest fix as `GET /api/v1/positions` gives it, stale and outside judged by the api now. */
export const PositionView = z.object({
	personId: z.string(),
	displayName: z.string(),
	role: FieldRole,
	lng: z.number(),
	lat: z.number(),
	accuracyM: z.number(),
	headingDeg: z.number().nullable(),
	speedMps: z.number().nullable(),
	batteryPct: z.number().nullable(),
	at: Instant,
	receivedAt: Instant,
	stale: z.boolean(),
	outside: z.boolean(),
});
export type PositionView = z.infer<typeof PositionView>;

const LatestPositions = z.object({ at: Instant, positions: z.array(PositionView) });
export type LatestPositions = z.infer<typeof LatestPositions>;

export const TrackPoint = z.object({
	at: Instant,
	lng: z.number(),
	lat: z.number(),
	accuracyM: z.number(),
	headingDeg: z.number().nullable(),
	speedMps: z.number().nullable(),
	batteryPct: z.number().nullable(),
});
export type TrackPoint = z.infer<typeof TrackPoint>;

const Track = z.object({ personId: z.string(), from: Instant, to: Instant, points: z.array(TrackPoint) });
export type Track = z.infer<typeof Track>;

/** How far back the map draws a person's track when they are clicked. */
export const TRACK_MINUTES = 30;

export const positionsApi = (api: ApiClient) => ({
	latest: (): Promise<ApiResult<LatestPositions>> => api.request('/api/v1/positions', LatestPositions),
	track: (personId: string, minutes = TRACK_MINUTES): Promise<ApiResult<Track>> =>
		api.request(`/api/v1/positions/${encodeURIComponent(personId)}/track?minutes=${minutes}`, Track),
});
export type PositionsApi = ReturnType<typeof positionsApi>;
