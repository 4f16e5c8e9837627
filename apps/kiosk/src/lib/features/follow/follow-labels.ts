import type { ProgressStep, WorkOrderStatus } from '$lib/api/wire';
import { m } from '$lib/paraglide/messages';
import type { FollowProblem } from './follow-machine';
import type { ReopenReason, TimelineEvent } from './timeline';

export function statusLabel(status: WorkOrderStatus): string {
	switch (status) {
		case 'submitted':
			return m.follow_status_submitted();
		case 'accepted':
			return m.follow_status_accepted();
		case 'assigned':
			return m.follow_status_assigned();
		case 'on_site':
			return m.follow_status_on_site();
		case 'resolved':
			return m.follow_status_resolved();
		case 'feedback':
			return m.follow_status_feedback();
		case 'closed':
			return m.follow_status_closed();
		case 'cancelled':
			return m.follow_status_cancelled();
	}
}

export function timelineLabel(event: TimelineEvent): string {
	switch (event) {
		case 'submitted':
			return m.tl_submitted();
		case 'accepted':
			return m.tl_accepted();
		case 'assigned':
			return m.tl_assigned();
		case 'contacted':
			return m.tl_contacted();
		case 'arrived':
			return m.tl_arrived();
		case 'resolved':
			return m.tl_resolved();
		case 'feedback':
			return m.tl_feedback();
		case 'closed':
			return m.tl_closed();
		case 'cancelled':
			return m.tl_cancelled();
	}
}

export function nextStepLabel(step: ProgressStep): string {
	switch (step) {
		case 'accept':
			return m.next_accept();
		case 'assign':
			return m.next_assign();
		case 'contact':
			return m.next_contact();
		case 'arrive':
			return m.next_arrive();
		case 'resolve':
			return m.next_resolve();
		case 'feedback':
			return m.next_feedback();
		case 'close':
			return m.next_close();
	}
}

export function reopenReasonLabel(reason: ReopenReason): string {
	switch (reason) {
		case 'still_broken':
			return m.rr_still_broken();
		case 'broke_again':
			return m.rr_broke_again();
		case 'not_finished':
			return m.rr_not_finished();
		case 'left_mess':
			return m.rr_left_mess();
		case 'other_reason':
			return m.rr_other_reason();
	}
}

export function followProblemText(problem: FollowProblem): string {
	switch (problem.code) {
		case 'code_required':
			return m.problem_code_required();
		case 'digits_required':
			return m.problem_digits_required();
		case 'mismatch':
			return m.problem_follow_mismatch();
		case 'too_many_attempts':
			return m.problem_too_many_attempts();
		case 'unreachable':
			return m.problem_unreachable();
		case 'rating_required':
			return m.problem_rating_required();
		case 'reason_required':
			return m.problem_reason_required();
		case 'not_now':
			return m.problem_not_now();
	}
}
