import type { Notice, NoticeInput } from '$lib/api/notices';
import { fromZonedInputValue, toZonedInputValue } from '$lib/format/time';

/** The notice form as the person fills it: times as the estate's wall clock (`datetime-local` values). */
export type NoticeDraft = {
	title: string;
	body: string;
	pinned: boolean;
	publishAt: string;
	/** Empty for a notice that never expires. */
	expireAt: string;
	scope: 'estate' | 'buildings';
	buildingIds: string[];
};

/** Why a draft cannot be sent yet; the form shows each beside its field. */
export type DraftProblem =
	| 'title_required'
	| 'title_too_long'
	| 'body_required'
	| 'body_too_long'
	| 'publish_invalid'
	| 'expire_invalid'
	| 'expire_not_after_publish'
	| 'buildings_required';

export type DraftField = 'title' | 'body' | 'publishAt' | 'expireAt' | 'audience';

export const FIELD_OF: Readonly<Record<DraftProblem, DraftField>> = {
	title_required: 'title',
	title_too_long: 'title',
	body_required: 'body',
	body_too_long: 'body',
	publish_invalid: 'publishAt',
	expire_invalid: 'expireAt',
	expire_not_after_publish: 'expireAt',
	buildings_required: 'audience',
};

// The api's limits (notices.schemas.ts), checked here so the person learns before sending.
const TITLE_MAX = 120;
const BODY_MAX = 5000;

/** A fresh draft published now, or an existing notice's fields, in the estate's time zone. */
export function draftOf(notice: Notice | null, now: Date, timeZone: string): NoticeDraft {
	if (!notice) {
		return {
			title: '',
			body: '',
			pinned: false,
			publishAt: toZonedInputValue(now, timeZone),
			expireAt: '',
			scope: 'estate',
			buildingIds: [],
		};
	}
	return {
		title: notice.title,
		body: notice.body,
		pinned: notice.pinned,
		publishAt: toZonedInputValue(notice.publishAt, timeZone),
		expireAt: notice.expireAt ? toZonedInputValue(notice.expireAt, timeZone) : '',
		scope: notice.audience.scope,
		buildingIds: notice.audience.scope === 'buildings' ? [...notice.audience.buildingIds] : [],
	};
}

export type DraftCheck =
	| { readonly ok: true; readonly input: NoticeInput }
	| { readonly ok: false; readonly problems: readonly DraftProblem[] };

/** The draft as the api's body, with the wall-clock times turned into instants; or every problem at once. */
export function checkDraft(draft: NoticeDraft, timeZone: string): DraftCheck {
	const problems: DraftProblem[] = [];
	const title = draft.title.trim();
	const body = draft.body.trim();
	if (!title) problems.push('title_required');
	else if (title.length > TITLE_MAX) problems.push('title_too_long');
	if (!body) problems.push('body_required');
	else if (body.length > BODY_MAX) problems.push('body_too_long');
	const publishAt = fromZonedInputValue(draft.publishAt, timeZone);
	if (!publishAt) problems.push('publish_invalid');
	const expireAt = draft.expireAt === '' ? null : fromZonedInputValue(draft.expireAt, timeZone);
	if (draft.expireAt !== '' && !expireAt) problems.push('expire_invalid');
	if (publishAt && expireAt && expireAt.getTime() <= publishAt.getTime()) {
		problems.push('expire_not_after_publish');
	}
	if (draft.scope === 'buildings' && draft.buildingIds.length === 0) problems.push('buildings_required');
	if (problems.length > 0 || !publishAt) return { ok: false, problems };
	return {
		ok: true,
		input: {
			title,
			body,
			pinned: draft.pinned,
			publishAt: publishAt.toISOString(),
			expireAt: expireAt ? expireAt.toISOString() : null,
			audience:
				draft.scope === 'estate'
					? { scope: 'estate' }
					: { scope: 'buildings', buildingIds: [...draft.buildingIds] },
		},
	};
}

/** The api's field paths (`audience.buildingIds`, `expireAt`) mapped onto the form's fields. */
export function fieldOfPath(path: string): DraftField | null {
	const head = path.split(/[.[/]/).find((part) => part !== '') ?? '';
	switch (head) {
		case 'title':
		case 'body':
		case 'publishAt':
		case 'expireAt':
		case 'audience':
			return head;
		default:
			return null;
	}
}

/** Pinned notices first, then the most recently published. */
export function byKioskOrder(
	a: Pick<Notice, 'pinned' | 'publishAt'>,
	b: Pick<Notice, 'pinned' | 'publishAt'>,
): number {
	if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
	return b.publishAt.getTime() - a.publishAt.getTime();
}
