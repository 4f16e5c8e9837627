import { z } from 'zod';
import { Instant } from '../shared/time';
import { CheckpointId } from '../shared/ids';
import { PatrolRoundId } from './patrol-round';
import type { RoundEvaluation } from './round-evaluation';

/**
 * A warning that a patrol is behind its schedule, raised while the round can still be saved (SPEC.md: "warn
 * before, not after"). Like {@link PatrolAlert}, `key` names the same lateness every time it is seen, so that
 * a job evaluating the round again stores each warning once.
 */
export const PatrolLateAlert = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('patrol.checkpointLate'),
		key: z.string(),
		roundId: PatrolRoundId,
		checkpointId: CheckpointId,
		checkpointName: z.string(),
		dueAt: Instant,
		/** When the checkpoint became late: its due time plus the tolerance. */
		at: Instant,
		/** Whether the guard had scanned it (late) by the time it was noticed, or is still behind. */
		scanned: z.boolean(),
	}),
	z.object({
		type: z.literal('patrol.roundLate'),
		key: z.string(),
		roundId: PatrolRoundId,
		/** When the first checkpoint became late without anything scanned. */
		at: Instant,
		/** The checkpoints already behind when it was noticed. */
		behind: z.number().int().positive(),
	}),
]);
export type PatrolLateAlert = z.infer<typeof PatrolLateAlert>;

/**
 * The lateness a round shows in `evaluation`. A round with nothing scanned yet raises one `patrol.roundLate`
 * (nobody has set out: one call to the guard covers it) rather than one warning per checkpoint; once the guard
 * is walking, each checkpoint scanned late or still unscanned past its tolerance raises `patrol.checkpointLate`.
 * A checkpoint whose window closed unscanned is missed, not late: `patrolAlerts` reports it.
 */
export function patrolLateAlerts(evaluation: RoundEvaluation): PatrolLateAlert[] {
	const roundId = evaluation.roundId;
	const scanned = evaluation.checkpoints.some(
		(outcome) => outcome.state === 'visited' || outcome.state === 'late',
	);
	const behind = evaluation.checkpoints.filter((outcome) => outcome.behind);
	if (!scanned) {
		const first = behind.map((outcome) => outcome.lateAfter.getTime()).sort((a, b) => a - b)[0];
		return first === undefined
			? []
			: [
					{
						type: 'patrol.roundLate',
						key: `${roundId}:late`,
						roundId,
						at: new Date(first),
						behind: behind.length,
					},
				];
	}
	return evaluation.checkpoints
		.filter((outcome) => outcome.behind || outcome.state === 'late')
		.map((outcome) => ({
			type: 'patrol.checkpointLate',
			key: `${roundId}:${outcome.checkpointId}:late`,
			roundId,
			checkpointId: outcome.checkpointId,
			checkpointName: outcome.name,
			dueAt: outcome.dueAt,
			at: outcome.lateAfter,
			scanned: outcome.state === 'late',
		}));
}
