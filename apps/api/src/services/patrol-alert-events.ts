import type {
	LngLat,
	PatrolAlert,
	PatrolLateAlert,
	PatrolRound,
	RoundEvaluation,
	RoundStatus,
} from '@estate-ops/domain/patrols';
import type { NewOutboxEvent } from '../db/repositories/event.repository';

/*
 * The outbox events of patrol alerts, raised once each (the `patrol_alerts` key): what the console's alert list
 * and map layer listen to. Every payload names the round and route, and a checkpoint's point for the map.
 */

type RoundRef = { readonly roundId: string; readonly routeId: string; readonly routeName: string };

/** `patrol.checkpointLate`: a checkpoint scanned late, or still unscanned past its tolerance. */
export type CheckpointLatePayload = RoundRef & {
	readonly checkpointId: string;
	readonly checkpointName: string;
	readonly point: LngLat | null;
	readonly dueAt: string;
	/** When it became late (due + tolerance). */
	readonly at: string;
	readonly scanned: boolean;
};

/** `patrol.roundLate`: a round nobody has started while its first checkpoints are already late. */
export type RoundLatePayload = RoundRef & {
	readonly startsAt: string;
	readonly windowEndsAt: string;
	readonly behind: number;
	readonly at: string;
};

/** `patrol.checkpointMissed`: the window closed with the checkpoint unscanned. */
export type CheckpointMissedPayload = RoundRef & {
	readonly checkpointId: string;
	readonly checkpointName: string;
	readonly point: LngLat | null;
	readonly dueAt: string;
	readonly at: string;
};

/** `patrol.roundMissed`: the window closed with nothing scanned (one alert instead of one per checkpoint). */
export type RoundMissedPayload = RoundRef & {
	readonly startsAt: string;
	readonly windowEndsAt: string;
	readonly checkpointCount: number;
	readonly at: string;
};

/** `patrol.roundClosed`: every checkpoint scanned, or the window closed; the round's final standing. */
export type RoundClosedPayload = RoundRef & {
	readonly status: RoundStatus;
	readonly completion: number;
	readonly visited: number;
	readonly late: number;
	readonly missed: number;
	readonly at: string;
};

export type RoundContext = { readonly round: PatrolRound; readonly routeName: string };

const refOf = ({ round, routeName }: RoundContext): RoundRef => ({
	roundId: round.id,
	routeId: round.routeId,
	routeName,
});

const pointOf = (round: PatrolRound, checkpointId: string): LngLat | null =>
	round.checkpoints.find((checkpoint) => checkpoint.checkpointId === checkpointId)?.point ?? null;

const event = (context: RoundContext, type: string, payload: unknown, at: Date): NewOutboxEvent => ({
	estateId: context.round.estateId,
	type,
	aggregateType: 'patrolRound',
	aggregateId: context.round.id,
	payload,
	at,
});

/** The outbox event of a domain alert, raised by a pass (or a scan) at `raisedAt`. */
export function patrolAlertEvent(
	alert: PatrolAlert | PatrolLateAlert,
	context: RoundContext,
	raisedAt: Date,
): NewOutboxEvent {
	const { round } = context;
	switch (alert.type) {
		case 'patrol.checkpointLate':
			return event(
				context,
				alert.type,
				{
					...refOf(context),
					checkpointId: alert.checkpointId,
					checkpointName: alert.checkpointName,
					point: pointOf(round, alert.checkpointId),
					dueAt: alert.dueAt.toISOString(),
					at: alert.at.toISOString(),
					scanned: alert.scanned,
				} satisfies CheckpointLatePayload,
				raisedAt,
			);
		case 'patrol.roundLate':
			return event(
				context,
				alert.type,
				{
					...refOf(context),
					startsAt: round.startsAt.toISOString(),
					windowEndsAt: round.windowEndsAt.toISOString(),
					behind: alert.behind,
					at: alert.at.toISOString(),
				} satisfies RoundLatePayload,
				raisedAt,
			);
		case 'patrol.checkpointMissed':
			return event(
				context,
				alert.type,
				{
					...refOf(context),
					checkpointId: alert.checkpointId,
					checkpointName: alert.checkpointName,
					point: pointOf(round, alert.checkpointId),
					dueAt: alert.dueAt.toISOString(),
					at: alert.at.toISOString(),
				} satisfies CheckpointMissedPayload,
				raisedAt,
			);
		case 'patrol.roundMissed':
			return event(
				context,
				alert.type,
				{
					...refOf(context),
					startsAt: round.startsAt.toISOString(),
					windowEndsAt: round.windowEndsAt.toISOString(),
					checkpointCount: round.checkpoints.length,
					at: alert.at.toISOString(),
				} satisfies RoundMissedPayload,
				raisedAt,
			);
	}
}

/** Whether an evaluation is the round's last word: everything scanned, or the window over. */
export const isFinal = (evaluation: RoundEvaluation): boolean =>
	evaluation.status === 'completed' ||
	evaluation.status === 'completed_with_issues' ||
	evaluation.status === 'missed';

export const roundClosedKey = (roundId: string): string => `${roundId}:closed`;

/** `patrol.roundClosed` for a final evaluation; `at` is when it ended (the window's end, or the last scan). */
export function roundClosedEvent(
	evaluation: RoundEvaluation,
	context: RoundContext,
	raisedAt: Date,
): NewOutboxEvent {
	const count = (state: string) => evaluation.checkpoints.filter((outcome) => outcome.state === state).length;
	const lastScan = evaluation.checkpoints
		.map((outcome) => outcome.scannedAt?.getTime() ?? 0)
		.reduce((latest, time) => Math.max(latest, time), 0);
	const endedAt = count('missed') > 0 || lastScan === 0 ? evaluation.windowEndsAt : new Date(lastScan);
	return event(
		context,
		'patrol.roundClosed',
		{
			...refOf(context),
			status: evaluation.status,
			completion: evaluation.completion,
			visited: count('visited'),
			late: count('late'),
			missed: count('missed'),
			at: endedAt.toISOString(),
		} satisfies RoundClosedPayload,
		raisedAt,
	);
}
