import { z } from 'zod';
import { Instant } from '../shared/time';
import { CheckpointId } from '../shared/ids';
import { PatrolRoundId } from './patrol-round';
import type { RoundEvaluation } from './round-evaluation';

/**
 * An alert a patrol raises in the control room. `key` is the same every time the same miss is seen, so a
 * job that restarts without its previous evaluation can still store each alert once (unique on `key`).
 */
export const PatrolAlert = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('patrol.checkpointMissed'),
		key: z.string(),
		roundId: PatrolRoundId,
		checkpointId: CheckpointId,
		checkpointName: z.string(),
		dueAt: Instant,
		at: Instant,
	}),
	z.object({
		type: z.literal('patrol.roundMissed'),
		key: z.string(),
		roundId: PatrolRoundId,
		at: Instant,
	}),
]);
export type PatrolAlert = z.infer<typeof PatrolAlert>;

/**
 * The alerts that `current` raises and `previous` had not: a round nobody walked raises one
 * `patrol.roundMissed` instead of one alert per checkpoint; otherwise each newly missed checkpoint raises
 * `patrol.checkpointMissed`. Pass `null` when there is no earlier evaluation of the round.
 */
export function patrolAlerts(previous: RoundEvaluation | null, current: RoundEvaluation): PatrolAlert[] {
	if (previous && previous.roundId !== current.roundId) {
		throw new Error(`patrolAlerts compares one round: ${previous.roundId} vs ${current.roundId}`);
	}
	const at = current.windowEndsAt;
	if (current.status === 'missed') {
		return previous?.status === 'missed'
			? []
			: [{ type: 'patrol.roundMissed', key: `${current.roundId}:missed`, roundId: current.roundId, at }];
	}
	const missedBefore = new Set(
		previous?.checkpoints
			.filter((outcome) => outcome.state === 'missed')
			.map((outcome) => outcome.checkpointId),
	);
	return current.checkpoints
		.filter((outcome) => outcome.state === 'missed' && !missedBefore.has(outcome.checkpointId))
		.map((outcome) => ({
			type: 'patrol.checkpointMissed',
			key: `${current.roundId}:${outcome.checkpointId}:missed`,
			roundId: current.roundId,
			checkpointId: outcome.checkpointId,
			checkpointName: outcome.name,
			dueAt: outcome.dueAt,
			at,
		}));
}
