import type { DomainError, Result } from '../shared/result';
import { err, ok } from '../shared/result';
import type { CriterionScore, SpotCheckErrorCode, SpotCheckOutcome } from './spot-check';
import type { CriterionId, ScoringTemplate } from './scoring-template';

export type CriterionResult = {
	readonly criterionId: CriterionId;
	readonly value: number;
	readonly maxScore: number;
	readonly passMark: number;
	readonly weight: number;
	readonly critical: boolean;
	readonly passed: boolean;
	/** This criterion's share of the 100-point total (unrounded). */
	readonly points: number;
};

export type SpotCheckScore = SpotCheckOutcome & {
	/** The template's pass mark the total was held against. */
	readonly passMark: number;
	/** One entry per criterion, in the template's order. */
	readonly criteria: readonly CriterionResult[];
};

type ScoreInput = Pick<CriterionScore, 'criterionId' | 'value'>;

const roundToHundredths = (n: number): number => Math.round(n * 100) / 100;

/**
 * Scores a sheet against its template.
 *
 *   total = round₂( 100 × Σᵢ wᵢ·(vᵢ / maxᵢ) / Σᵢ wᵢ )
 *
 * where wᵢ is the weight, vᵢ the mark and maxᵢ the maximum of criterion i, so the total is always on a
 * 0–100 scale whatever scale each criterion uses, and rounded to two decimals, the figure people see and
 * the one the pass mark is held against. Criterion i passes when vᵢ ≥ its pass mark; the check passes
 * when total ≥ the template's pass mark and no critical criterion failed.
 *
 * Every criterion must be scored exactly once with a mark within 0..maxᵢ; otherwise the first problem
 * found is returned (unknown criterion, duplicate, out of range, then all missing criteria at once).
 */
export function scoreSpotCheck(
	template: ScoringTemplate,
	scores: readonly ScoreInput[],
): Result<SpotCheckScore, DomainError<SpotCheckErrorCode>> {
	const criteriaById = new Map(template.criteria.map((c) => [c.id, c]));
	const valueById = new Map<string, number>();
	for (const [index, score] of scores.entries()) {
		const criterion = criteriaById.get(score.criterionId);
		if (!criterion) {
			return err('SPOT_CHECK.UNKNOWN_CRITERION', `criterion ${score.criterionId} is not on this template`, {
				path: ['scores', index, 'criterionId'],
				details: { criterionId: score.criterionId },
			});
		}
		if (valueById.has(score.criterionId)) {
			return err('SPOT_CHECK.DUPLICATE_SCORE', `criterion ${score.criterionId} is scored twice`, {
				path: ['scores', index, 'criterionId'],
				details: { criterionId: score.criterionId },
			});
		}
		if (!(score.value >= 0 && score.value <= criterion.maxScore)) {
			return err(
				'SPOT_CHECK.SCORE_OUT_OF_RANGE',
				`criterion ${score.criterionId} is scored out of 0..${criterion.maxScore}`,
				{
					path: ['scores', index, 'value'],
					details: { criterionId: score.criterionId, value: score.value, maxScore: criterion.maxScore },
				},
			);
		}
		valueById.set(score.criterionId, score.value);
	}

	const missingCriterionIds = template.criteria.filter((c) => !valueById.has(c.id)).map((c) => c.id);
	if (missingCriterionIds.length > 0) {
		return err('SPOT_CHECK.CRITERIA_MISSING', `${missingCriterionIds.length} criteria are not scored`, {
			path: ['scores'],
			details: { missingCriterionIds },
		});
	}

	const weightSum = template.criteria.reduce((sum, c) => sum + c.weight, 0);
	let weighted = 0;
	const criteria = template.criteria.map((criterion): CriterionResult => {
		const value = valueById.get(criterion.id) ?? 0;
		const share = criterion.weight * (value / criterion.maxScore);
		weighted += share;
		return {
			criterionId: criterion.id,
			value,
			maxScore: criterion.maxScore,
			passMark: criterion.passMark,
			weight: criterion.weight,
			critical: criterion.critical,
			passed: value >= criterion.passMark,
			points: (100 * share) / weightSum,
		};
	});

	const total = roundToHundredths((weighted / weightSum) * 100);
	const failed = criteria.filter((c) => !c.passed);
	const criticalFailure = failed.some((c) => c.critical);
	return ok({
		total,
		passMark: template.passMark,
		passed: total >= template.passMark && !criticalFailure,
		criticalFailure,
		failedCriterionIds: failed.map((c) => c.criterionId),
		criteria,
	});
}
