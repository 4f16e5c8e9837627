import { z } from 'zod';
import type { WireEvent } from '$lib/api/events';

/** A patrol alert as the control room's feed lists it: a checkpoint late or missed, a round late or missed. */
export type PatrolFeedAlert = {
	/** The event's seq: the same alert heard twice (catch-up after a reload) is listed once. */
	readonly id: string;
	readonly kind: 'checkpoint_late' | 'checkpoint_missed' | 'round_late' | 'round_missed';
	readonly roundId: string;
	readonly routeName: string;
	readonly checkpointId: string | null;
	readonly checkpointName: string | null;
	/** When the round started (round alerts), for "the 02:00 round". */
	readonly startsAt: Date | null;
	readonly at: Date;
};

const Iso = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const Payload = z.object({
	roundId: z.string(),
	routeName: z.string(),
	checkpointId: z.string().optional(),
	checkpointName: z.string().optional(),
	startsAt: Iso.optional(),
	scanned: z.boolean().optional(),
});

const KIND: Readonly<Record<string, PatrolFeedAlert['kind']>> = {
	'patrol.checkpointLate': 'checkpoint_late',
	'patrol.checkpointMissed': 'checkpoint_missed',
	'patrol.roundLate': 'round_late',
	'patrol.roundMissed': 'round_missed',
};

/**
 * The feed's line for a patrol alert event, or null for any other event. A checkpoint scanned late is not an
 * alert for the feed: the guard was there, and the round's page says so.
 */
export function patrolFeedAlertOf(event: WireEvent): PatrolFeedAlert | null {
	const kind = KIND[event.type];
	if (!kind) return null;
	const parsed = Payload.safeParse(event.payload);
	if (!parsed.success || parsed.data.scanned === true) return null;
	const payload = parsed.data;
	return {
		id: String(event.seq),
		kind,
		roundId: payload.roundId,
		routeName: payload.routeName,
		checkpointId: payload.checkpointId ?? null,
		checkpointName: payload.checkpointName ?? null,
		startsAt: payload.startsAt ?? null,
		at: new Date(event.at),
	};
}

/** The feed after an alert: newest first, each once, at most `limit`. */
export function addFeedAlert(
	feed: readonly PatrolFeedAlert[],
	alert: PatrolFeedAlert,
	limit = 30,
): readonly PatrolFeedAlert[] {
	if (feed.some((held) => held.id === alert.id)) return feed;
	return [alert, ...feed].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
