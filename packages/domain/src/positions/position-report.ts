import { z } from 'zod';
import { Instant } from '../shared/time';

/**
 * The geodetic datum a phone reports in. GPS gives WGS-84; phones using Chinese map SDKs (高德, 腾讯) give
 * GCJ-02 (火星坐标), offset from WGS-84 by up to ~500 m, and Baidu's SDK gives BD-09. The api converts to
 * WGS-84 at the edge, so everything stored and broadcast is WGS-84. A report that names no datum is WGS-84.
 */
export const Datum = z.enum(['wgs84', 'gcj02', 'bd09']);
export type Datum = z.infer<typeof Datum>;

/** Fixes a device may send in one report: phones batch while the network is poor. */
export const MAX_FIXES_PER_REPORT = 100;

/**
 * One position fix (定位) as a field device reports it. `deviceTime` is the device's clock: fixes are ordered
 * and de-duplicated by it, because the network repeats and reorders reports.
 */
export const PositionFixReport = z.object({
	deviceTime: Instant,
	lng: z.number().min(-180).max(180),
	lat: z.number().min(-90).max(90),
	/** Radius of 68 % confidence, as the platform's geolocation gives it. */
	accuracyM: z.number().nonnegative().max(100_000),
	headingDeg: z.number().min(0).max(360).optional(),
	speedMps: z.number().nonnegative().max(500).optional(),
	batteryPct: z.number().min(0).max(100).optional(),
	datum: Datum.optional(),
});
export type PositionFixReport = z.infer<typeof PositionFixReport>;

export const PositionReport = z.object({
	fixes: z.array(PositionFixReport).min(1).max(MAX_FIXES_PER_REPORT),
});
export type PositionReport = z.infer<typeof PositionReport>;

/** A fix after the edge: WGS-84 `[lng, lat]`, at the device's time. */
export type FieldFix = {
	readonly at: Date;
	readonly point: readonly [lng: number, lat: number];
	readonly accuracyM: number;
	readonly headingDeg: number | null;
	readonly speedMps: number | null;
	readonly batteryPct: number | null;
};
