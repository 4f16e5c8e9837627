import { z } from 'zod';
import { Instant } from '../shared/time';
import { FieldRole } from './field-presence';

/**
 * The Socket.IO event that carries coalesced positions (DESIGN.md: high-rate telemetry is not an outbox event
 * per fix). Frames have no `seq`: a missed frame is healed by the next one or by `GET /api/v1/positions`.
 */
export const GUARD_POSITIONS_EVENT = 'guard.positions';

/** One person in a frame: where they were at `at` (device time), and how the map should show them. */
export const FramePosition = z.object({
	personId: z.string().min(1).max(64),
	role: FieldRole,
	lng: z.number().min(-180).max(180),
	lat: z.number().min(-90).max(90),
	accuracyM: z.number().nonnegative(),
	headingDeg: z.number().min(0).max(360).nullable(),
	at: Instant,
	stale: z.boolean(),
	outside: z.boolean(),
});
export type FramePosition = z.infer<typeof FramePosition>;

/** A `guard.positions` frame: the people of one estate with a new fix or a new stale/outside state. */
export const PositionFrame = z.object({
	estateId: z.string().min(1).max(64),
	/** When the server sent the frame. */
	at: Instant,
	positions: z.array(FramePosition),
});
export type PositionFrame = z.infer<typeof PositionFrame>;

/**
 * What is known of a person after an update arrives, for the server's coalescing and the browser's map
 * alike. A newer fix wins; an update about the same fix (it turned stale) replaces it; an update about an
 * older fix is stale news (another instance's watch, or a frame overtaken on the way) and changes nothing.
 */
export function mergeFramePosition(current: FramePosition | undefined, update: FramePosition): FramePosition {
	if (current && current.at.getTime() > update.at.getTime()) return current;
	return update;
}
