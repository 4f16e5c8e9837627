import type { KioskProgress, ProgressStep } from '$lib/api/wire';

/** What has happened to a request, in the words the kiosk uses for it. */
export type TimelineEvent =
	| 'submitted'
	| 'accepted'
	| 'assigned'
	| 'contacted'
	| 'arrived'
	| 'resolved'
	| 'feedback'
	| 'closed'
	| 'cancelled';

export type TimelineEntry =
	| { readonly kind: 'done'; readonly event: TimelineEvent; readonly at: Date }
	| { readonly kind: 'next'; readonly step: ProgressStep; readonly dueBy: Date | null };

const STEP_TIMES: readonly (readonly [TimelineEvent, keyof KioskProgress['steps']])[] = [
	['submitted', 'submittedAt'],
	['accepted', 'acceptedAt'],
	['assigned', 'assignedAt'],
	['contacted', 'contactedAt'],
	['arrived', 'arrivedAt'],
	['resolved', 'resolvedAt'],
	['feedback', 'feedbackAt'],
	['closed', 'closedAt'],
	['cancelled', 'cancelledAt'],
];

/**
 * The request's story, oldest first: each step taken with its time, then what comes next and by when.
 * After a reopening the later steps are taken again, so their times are the latest pass's and the list
 * is ordered by time rather than by the lifecycle.
 */
export function timelineOf(progress: KioskProgress): TimelineEntry[] {
	const done: TimelineEntry[] = STEP_TIMES.flatMap(([event, field]) => {
		const at = progress.steps[field];
		return at === null ? [] : [{ kind: 'done' as const, event, at }];
	}).sort((a, b) => (a.kind === 'done' && b.kind === 'done' ? a.at.getTime() - b.at.getTime() : 0));
	return progress.next === null
		? done
		: [...done, { kind: 'next', step: progress.next.step, dueBy: progress.next.dueBy }];
}

/** Why a resident says the work is not done: the chips of the "not solved" screen. */
export const REOPEN_REASONS = [
	'still_broken',
	'broke_again',
	'not_finished',
	'left_mess',
	'other_reason',
] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/** The reopening reason staff read: the chosen chips' words, then the resident's own. */
export function reopenReasonOf(
	reasons: readonly ReopenReason[],
	text: string,
	words: { readonly reason: (key: ReopenReason) => string; readonly separator: string },
): string {
	return [...reasons.map(words.reason), text.trim()].filter((part) => part !== '').join(words.separator);
}
