import { z } from 'zod';
import { ScoringTemplateId } from '../shared/ids';
import { Department } from './department';
import { LocalizedText } from './localized-text';

/** A criterion's id is a stable slug, so that scores and rectifications survive label edits. */
export const CriterionId = z
	.string()
	.max(64)
	.regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case slug such as floor-clean');
export type CriterionId = z.infer<typeof CriterionId>;

/**
 * One line of a scoring sheet (评分标准). `weight` is relative: the total is normalised by the sum of the
 * weights, so 2/1/1 and 50/25/25 score alike. A failed `critical` criterion (一票否决) fails the whole check
 * whatever the total.
 */
export const ScoringCriterion = z
	.object({
		id: CriterionId,
		label: LocalizedText,
		weight: z.number().positive().max(100),
		maxScore: z.number().positive().max(100),
		passMark: z.number().min(0),
		critical: z.boolean().default(false),
	})
	.refine((criterion) => criterion.passMark <= criterion.maxScore, {
		message: 'passMark cannot exceed maxScore',
		path: ['passMark'],
	});
export type ScoringCriterion = z.infer<typeof ScoringCriterion>;

/**
 * Scoring template (评分模板) of one department: the sheet a quality supervisor fills in on a spot-check.
 * `passMark` is out of 100, the scale every check's total is normalised to. `version` goes up on every
 * edit so that a submitted check says which sheet it was scored against.
 */
export const ScoringTemplate = z
	.object({
		id: ScoringTemplateId,
		version: z.number().int().positive(),
		department: Department,
		name: LocalizedText,
		passMark: z.number().min(0).max(100),
		criteria: z.array(ScoringCriterion).min(1, 'a template needs at least one criterion').max(50),
	})
	.superRefine((template, ctx) => {
		const seen = new Set<string>();
		template.criteria.forEach((criterion, index) => {
			if (seen.has(criterion.id)) {
				ctx.addIssue({
					code: 'custom',
					message: `duplicate criterion id ${criterion.id}`,
					path: ['criteria', index, 'id'],
				});
			}
			seen.add(criterion.id);
		});
	});
export type ScoringTemplate = z.infer<typeof ScoringTemplate>;
