import { z } from 'zod';
import { EstateId, ScoringTemplateId, SpotCheckId, StaffId } from '../shared/ids';
import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { ScoringTemplate } from './scoring-template';
import type {
	CriterionScore,
	DraftSpotCheck,
	SpotCheck,
	SpotCheckErrorCode,
	SubmittedSpotCheck,
} from './spot-check';
import { AttachmentId, SpotCheckTarget } from './spot-check';
import { scoreSpotCheck } from './spot-check-scoring';

type SpotCheckResult<T> = Result<T, DomainError<SpotCheckErrorCode>>;

/** Opens a sheet on the tablet; the api makes the id. */
export const StartSpotCheck = z.object({
	id: SpotCheckId,
	estateId: EstateId,
	templateId: ScoringTemplateId,
	target: SpotCheckTarget,
	supervisorId: StaffId,
});
export type StartSpotCheck = z.infer<typeof StartSpotCheck>;

/** Signs the sheet with the image the supervisor drew. */
export const SignSpotCheck = z.object({ imageId: AttachmentId });
export type SignSpotCheck = z.infer<typeof SignSpotCheck>;

export function startSpotCheck(
	command: StartSpotCheck,
	template: ScoringTemplate,
	now: Date,
): SpotCheckResult<DraftSpotCheck> {
	if (command.templateId !== template.id) return templateMismatch(command.templateId, template);
	return ok({
		status: 'draft',
		id: command.id,
		estateId: command.estateId,
		templateId: template.id,
		templateVersion: template.version,
		department: template.department,
		target: command.target,
		supervisorId: command.supervisorId,
		startedAt: now,
		scores: [],
		signature: null,
	});
}

/**
 * Records (or replaces) the mark for one criterion. A mark is checked when it is entered, so that the
 * tablet can flag it at once rather than at submission.
 */
export function recordCriterionScore(
	check: SpotCheck,
	template: ScoringTemplate,
	score: CriterionScore,
): SpotCheckResult<DraftSpotCheck> {
	const draft = editableDraft(check, template);
	if (!draft.ok) return draft;
	const criterion = template.criteria.find((c) => c.id === score.criterionId);
	if (!criterion) {
		return err('SPOT_CHECK.UNKNOWN_CRITERION', `criterion ${score.criterionId} is not on this template`, {
			path: ['criterionId'],
			details: { criterionId: score.criterionId },
		});
	}
	if (!(score.value >= 0 && score.value <= criterion.maxScore)) {
		return err(
			'SPOT_CHECK.SCORE_OUT_OF_RANGE',
			`criterion ${score.criterionId} is scored out of 0..${criterion.maxScore}`,
			{
				path: ['value'],
				details: { criterionId: score.criterionId, value: score.value, maxScore: criterion.maxScore },
			},
		);
	}
	const others = draft.value.scores.filter((s) => s.criterionId !== score.criterionId);
	return ok({ ...draft.value, scores: [...others, score] });
}

export function signSpotCheck(
	check: SpotCheck,
	template: ScoringTemplate,
	command: SignSpotCheck,
	now: Date,
): SpotCheckResult<DraftSpotCheck> {
	const draft = editableDraft(check, template);
	if (!draft.ok) return draft;
	return ok({ ...draft.value, signature: { imageId: command.imageId, signedAt: now } });
}

/**
 * Submits a draft: every criterion scored, the sheet signed, and scored against the same template version
 * it was started with. The outcome is kept on the submitted check.
 */
export function submitSpotCheck(
	check: SpotCheck,
	template: ScoringTemplate,
	now: Date,
): SpotCheckResult<SubmittedSpotCheck> {
	const draft = editableDraft(check, template);
	if (!draft.ok) return draft;
	const score = scoreSpotCheck(template, draft.value.scores);
	if (!score.ok) return score;
	const { signature } = draft.value;
	if (!signature)
		return err('SPOT_CHECK.SIGNATURE_MISSING', 'the sheet must be signed before it is submitted');
	return ok({
		...draft.value,
		status: 'submitted',
		signature,
		submittedAt: now,
		outcome: {
			total: score.value.total,
			passed: score.value.passed,
			criticalFailure: score.value.criticalFailure,
			failedCriterionIds: score.value.failedCriterionIds,
		},
	});
}

function editableDraft(check: SpotCheck, template: ScoringTemplate): SpotCheckResult<DraftSpotCheck> {
	switch (check.status) {
		case 'submitted':
			return err('SPOT_CHECK.ALREADY_SUBMITTED', `spot-check ${check.id} is already submitted`);
		case 'draft':
			if (check.templateId !== template.id || check.templateVersion !== template.version) {
				return templateMismatch(check.templateId, template, check.templateVersion);
			}
			return ok(check);
	}
}

function templateMismatch(
	templateId: string,
	template: ScoringTemplate,
	version?: number,
): SpotCheckResult<never> {
	return err(
		'SPOT_CHECK.TEMPLATE_MISMATCH',
		`the check uses template ${templateId}, not ${template.id} v${template.version}`,
		{
			details: {
				templateId,
				templateVersion: version ?? null,
				given: template.id,
				givenVersion: template.version,
			},
		},
	);
}
