import { z } from 'zod';

/**
 * What a guard found at a checkpoint (巡逻发现), for the patrol log: a hazard (a blocked fire exit), damage to a
 * facility, a security matter (a door left open), a fire-safety defect, litter, or anything else.
 */
export const PatrolFindingKind = z.enum([
	'hazard',
	'damage',
	'security',
	'fire_safety',
	'cleanliness',
	'facility',
	'other',
]);
export type PatrolFindingKind = z.infer<typeof PatrolFindingKind>;

/** One finding written with a scan; the photo is uploaded first and named by its attachment id. */
export const PatrolFinding = z.object({
	kind: PatrolFindingKind,
	text: z.string().trim().min(1).max(1000),
	photoAttachmentId: z.string().min(1).max(64).optional(),
});
export type PatrolFinding = z.infer<typeof PatrolFinding>;

/** Findings one scan may carry. */
export const MAX_FINDINGS_PER_SCAN = 10;
