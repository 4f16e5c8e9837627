import { m } from '$lib/paraglide/messages';
import type { DraftProblem } from './notice-draft';

/** What the form says beside a field the draft got wrong. */
export function problemLabel(problem: DraftProblem): string {
	switch (problem) {
		case 'title_required':
			return m.notice_p_title_required();
		case 'title_too_long':
			return m.notice_p_title_too_long();
		case 'body_required':
			return m.notice_p_body_required();
		case 'body_too_long':
			return m.notice_p_body_too_long();
		case 'publish_invalid':
			return m.notice_p_publish_invalid();
		case 'expire_invalid':
			return m.notice_p_expire_invalid();
		case 'expire_not_after_publish':
			return m.notice_p_expire_not_after_publish();
		case 'buildings_required':
			return m.notice_p_buildings_required();
	}
}
