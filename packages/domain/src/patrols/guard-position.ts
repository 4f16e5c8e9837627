import { z } from 'zod';
import { Instant, MINUTE_MS } from '../shared/time';
import { StaffId } from '../shared/ids';
import type { Polygon } from './geo';
import { LngLat, pointInPolygon } from './geo';

export const DeviceId = z.string().min(1).max(64).brand<'DeviceId'>();
export type DeviceId = z.infer<typeof DeviceId>;

/** One position report (定位) from a guard's field device, in WGS-84 (GCJ-02 is converted at the edge). */
export const GuardFix = z.object({
	deviceId: DeviceId,
	guardId: StaffId,
	point: LngLat,
	accuracyMetres: z.number().nonnegative().optional(),
	/** The device's clock: fixes are ordered by it, because the network reorders and repeats them. */
	at: Instant,
});
export type GuardFix = z.infer<typeof GuardFix>;

export type FixDecision =
	| { readonly status: 'accepted'; readonly latestByDevice: ReadonlyMap<DeviceId, GuardFix> }
	| { readonly status: 'duplicate' }
	| { readonly status: 'out_of_order' };

/**
 * Keeps a fix only when it is newer, by device time, than the latest one kept for its device. A resent fix
 * (same device time) is a duplicate; an older one arrived out of order and would move the guard back.
 */
export function acceptFix(latestByDevice: ReadonlyMap<DeviceId, GuardFix>, fix: GuardFix): FixDecision {
	const latest = latestByDevice.get(fix.deviceId);
	if (latest) {
		if (fix.at.getTime() === latest.at.getTime()) return { status: 'duplicate' };
		if (fix.at < latest.at) return { status: 'out_of_order' };
	}
	return { status: 'accepted', latestByDevice: new Map(latestByDevice).set(fix.deviceId, fix) };
}

export type GuardPresence = 'live' | 'stale';

/** Default silence after which a guard is shown stale on the map (SPEC: 2 minutes). */
export const STALE_AFTER_MS = 2 * MINUTE_MS;

/** `live` while the last fix is younger than `staleAfterMs`; a guard never heard from is stale. */
export function guardPresence(
	lastFixAt: Date | null,
	now: Date,
	options: { staleAfterMs?: number } = {},
): GuardPresence {
	if (lastFixAt === null) return 'stale';
	const silence = now.getTime() - lastFixAt.getTime();
	return silence < (options.staleAfterMs ?? STALE_AFTER_MS) ? 'live' : 'stale';
}

/** Whether a position lies outside the estate's boundary (围界) polygon. */
export function outsideBoundary(point: LngLat, boundary: Polygon): boolean {
	return !pointInPolygon(point, boundary);
}

export type GuardStatus = {
	readonly presence: GuardPresence;
	/** `null` when there is no fix or no boundary to judge by. */
	readonly outsideEstate: boolean | null;
};

/** What the map shows for one guard: live or stale, and inside or outside the estate. */
export function guardStatus(
	lastFix: GuardFix | null,
	now: Date,
	boundary: Polygon | null,
	options: { staleAfterMs?: number } = {},
): GuardStatus {
	return {
		presence: guardPresence(lastFix?.at ?? null, now, options),
		outsideEstate: lastFix && boundary ? outsideBoundary(lastFix.point, boundary) : null,
	};
}
