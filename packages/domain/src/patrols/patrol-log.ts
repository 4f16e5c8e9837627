import { z } from 'zod';
import { Instant } from '../shared/time';
import { EstateId, PatrolRouteId, StaffId } from '../shared/ids';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { PatrolRoundId } from './patrol-round';

export const PatrolLogEntryId = z.string().min(1).max(64).brand<'PatrolLogEntryId'>();
export type PatrolLogEntryId = z.infer<typeof PatrolLogEntryId>;

/** What a guard writes in the patrol log (巡逻记录): what was found and how it was handled. */
export const RecordPatrolLogEntry = z.object({
	estateId: EstateId,
	routeId: PatrolRouteId,
	/** Absent when the entry is not tied to a scheduled round (an extra walk after an alarm). */
	roundId: PatrolRoundId.optional(),
	guardId: StaffId,
	/** When the finding was made; defaults to when it is recorded. */
	at: Instant.optional(),
	findings: z.string().trim().min(1).max(2000),
	handling: z.string().trim().max(2000).default(''),
});
export type RecordPatrolLogEntry = z.infer<typeof RecordPatrolLogEntry>;

/** Patrol log entry (巡逻记录). */
export const PatrolLogEntry = z.object({
	id: PatrolLogEntryId,
	estateId: EstateId,
	routeId: PatrolRouteId,
	roundId: PatrolRoundId.nullable(),
	guardId: StaffId,
	at: Instant,
	recordedAt: Instant,
	findings: z.string(),
	handling: z.string(),
});
export type PatrolLogEntry = z.infer<typeof PatrolLogEntry>;

export function recordPatrolLogEntry(
	command: RecordPatrolLogEntry,
	context: { id: PatrolLogEntryId; now: Date },
): Result<PatrolLogEntry> {
	const at = command.at ?? context.now;
	if (at > context.now) {
		return err('PATROL_LOG.IN_FUTURE', 'a log entry cannot describe something that has not happened yet', {
			path: ['at'],
		});
	}
	return ok({
		id: context.id,
		estateId: command.estateId,
		routeId: command.routeId,
		roundId: command.roundId ?? null,
		guardId: command.guardId,
		at,
		recordedAt: context.now,
		findings: command.findings,
		handling: command.handling,
	});
}
