import { z } from 'zod';
import { Instant } from '../shared/time';
import {
	BuildingId,
	EstateId,
	PatrolRouteId,
	ScoringTemplateId,
	SpotCheckId,
	StaffId,
	ZoneId,
} from '../shared/ids';
import { Department } from './department';
import { CriterionId } from './scoring-template';

/** A stored photo or signature image; the api owns the files, the domain only keeps their ids. */
export const AttachmentId = z.string().min(1).max(128);
export type AttachmentId = z.infer<typeof AttachmentId>;

/** What the supervisor inspects: a cleaning zone, a building, a patrol route or one staff member. */
export const SpotCheckTarget = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('zone'), zoneId: ZoneId }),
	z.object({ kind: z.literal('building'), buildingId: BuildingId }),
	z.object({ kind: z.literal('route'), routeId: PatrolRouteId }),
	z.object({ kind: z.literal('person'), staffId: StaffId }),
]);
export type SpotCheckTarget = z.infer<typeof SpotCheckTarget>;

/** The supervisor's mark for one criterion, with the evidence that explains it. */
export const CriterionScore = z.object({
	criterionId: CriterionId,
	value: z.number().min(0),
	note: z.string().trim().max(500).default(''),
	photoIds: z.array(AttachmentId).max(9).default([]),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

/** The supervisor's signature (签名), drawn on the tablet and stored as an image. */
export const SpotCheckSignature = z.object({
	imageId: AttachmentId,
	signedAt: Instant,
});
export type SpotCheckSignature = z.infer<typeof SpotCheckSignature>;

/** What a submitted check scored, kept on it so that reports need not re-score old sheets. */
export const SpotCheckOutcome = z.object({
	total: z.number().min(0).max(100),
	passed: z.boolean(),
	criticalFailure: z.boolean(),
	failedCriterionIds: z.array(CriterionId),
});
export type SpotCheckOutcome = z.infer<typeof SpotCheckOutcome>;

const spotCheckFields = {
	id: SpotCheckId,
	estateId: EstateId,
	templateId: ScoringTemplateId,
	templateVersion: z.number().int().positive(),
	department: Department,
	target: SpotCheckTarget,
	supervisorId: StaffId,
	startedAt: Instant,
	scores: z.array(CriterionScore),
};

export const DraftSpotCheck = z.object({
	status: z.literal('draft'),
	...spotCheckFields,
	signature: SpotCheckSignature.nullable(),
});
export type DraftSpotCheck = z.infer<typeof DraftSpotCheck>;

export const SubmittedSpotCheck = z.object({
	status: z.literal('submitted'),
	...spotCheckFields,
	signature: SpotCheckSignature,
	submittedAt: Instant,
	outcome: SpotCheckOutcome,
});
export type SubmittedSpotCheck = z.infer<typeof SubmittedSpotCheck>;

/**
 * Spot-check (抽查) by a quality supervisor (品质督导), filled in on a tablet on site: draft while scoring,
 * submitted (and then unchangeable) once every criterion is scored and the sheet is signed.
 */
export const SpotCheck = z.discriminatedUnion('status', [DraftSpotCheck, SubmittedSpotCheck]);
export type SpotCheck = z.infer<typeof SpotCheck>;

export type SpotCheckErrorCode =
	| 'SPOT_CHECK.CRITERIA_MISSING'
	| 'SPOT_CHECK.UNKNOWN_CRITERION'
	| 'SPOT_CHECK.DUPLICATE_SCORE'
	| 'SPOT_CHECK.SCORE_OUT_OF_RANGE'
	| 'SPOT_CHECK.SIGNATURE_MISSING'
	| 'SPOT_CHECK.ALREADY_SUBMITTED'
	| 'SPOT_CHECK.TEMPLATE_MISMATCH';
