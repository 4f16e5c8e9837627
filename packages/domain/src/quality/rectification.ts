import { z } from 'zod';
import { EstateId, SpotCheckId, StaffId } from '../shared/ids';
import { HOUR_MS, Instant } from '../shared/time';
import { Department } from './department';
import { LocalizedText } from './localized-text';
import type { ScoringTemplate } from './scoring-template';
import { CriterionId } from './scoring-template';
import type { SpotCheck } from './spot-check';
import { AttachmentId, SpotCheckTarget } from './spot-check';
import type { SpotCheckScore } from './spot-check-scoring';

/**
 * How long the team has to put a failed criterion right, in clock hours from the moment the check is
 * submitted. Clock hours, not working hours: an overflowing bin or a blocked fire exit does not wait for
 * Monday.
 */
export const RectificationDeadlinePolicy = z.object({
	criticalHours: z
		.number()
		.positive()
		.max(24 * 30),
	standardHours: z
		.number()
		.positive()
		.max(24 * 30),
});
export type RectificationDeadlinePolicy = z.infer<typeof RectificationDeadlinePolicy>;

export const DEFAULT_RECTIFICATION_POLICY: RectificationDeadlinePolicy = {
	criticalHours: 24,
	standardHours: 72,
};

/**
 * Rectification order (整改单) raised for one failed criterion of a spot-check. The api saves it as a work
 * order (and gives it its id) for the department that owns the target; the photos of the check go with it.
 */
export const RectificationOrder = z.object({
	estateId: EstateId,
	spotCheckId: SpotCheckId,
	department: Department,
	target: SpotCheckTarget,
	criterionId: CriterionId,
	critical: z.boolean(),
	raisedById: StaffId,
	raisedAt: Instant,
	deadline: Instant,
	description: LocalizedText,
	photoIds: z.array(AttachmentId),
});
export type RectificationOrder = z.infer<typeof RectificationOrder>;

/** One rectification order per failed criterion of `score`, in the template's order. */
export function rectificationsFor(
	check: SpotCheck,
	template: ScoringTemplate,
	score: SpotCheckScore,
	now: Date,
	policy: RectificationDeadlinePolicy = DEFAULT_RECTIFICATION_POLICY,
): RectificationOrder[] {
	const criteriaById = new Map(template.criteria.map((c) => [c.id, c]));
	return score.criteria
		.filter((result) => !result.passed)
		.map((result) => {
			const criterion = criteriaById.get(result.criterionId);
			if (!criterion) throw new Error(`score does not belong to template ${template.id}`);
			const entry = check.scores.find((s) => s.criterionId === result.criterionId);
			const note = entry?.note ?? '';
			const hours = criterion.critical ? policy.criticalHours : policy.standardHours;
			const marks = `${formatMark(result.value)}/${formatMark(result.maxScore)}`;
			const passMark = formatMark(result.passMark);
			return {
				estateId: check.estateId,
				spotCheckId: check.id,
				department: check.department,
				target: check.target,
				criterionId: criterion.id,
				critical: criterion.critical,
				raisedById: check.supervisorId,
				raisedAt: now,
				deadline: new Date(now.getTime() + hours * HOUR_MS),
				description: {
					'zh-Hans':
						`整改：${criterion.label['zh-Hans']}（得分 ${marks}，合格线 ${passMark}` +
						`${criterion.critical ? '，一票否决项' : ''}）` +
						(note ? `。情况：${note}` : ''),
					en:
						`Rectify: ${criterion.label.en} (scored ${marks}, pass mark ${passMark}` +
						`${criterion.critical ? ', critical' : ''})` +
						(note ? `. Found: ${note}` : ''),
				},
				photoIds: entry?.photoIds ?? [],
			};
		});
}

const formatMark = (n: number): string => String(Math.round(n * 100) / 100);
