import { DIGIT_KEYS, pressKey } from '@estate-ops/ui/keypad';
import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';
import { isCleaningOption, MAX_AREA_M2, needsArea } from './booking-options';
import type { BookingOption } from './booking-options';
import type { FilingKind } from './filing-kinds';
import type { PhraseKey } from './phrases';

/** The screens of a filing, in order (not every kind has every one). */
export type FilingStep =
	'category' | 'place' | 'details' | 'booking' | 'when' | 'verify' | 'review' | 'receipt';

/**
 * Repairs and bookings ask when the work suits; complaints and suggestions do not. Every kind asks where
 * and for the household's 4 digits: the api identifies the household by room and digits, also for a
 * problem in a public place.
 */
const STEPS: Readonly<Record<FilingKind, readonly FilingStep[]>> = {
	repair: ['category', 'place', 'details', 'when', 'verify', 'review', 'receipt'],
	complaint: ['category', 'place', 'details', 'verify', 'review', 'receipt'],
	suggestion: ['category', 'place', 'details', 'verify', 'review', 'receipt'],
	booking: ['category', 'place', 'details', 'booking', 'when', 'verify', 'review', 'receipt'],
};

export const stepsOf = (kind: FilingKind): readonly FilingStep[] => STEPS[kind];

/** A building, unit or room as the pickers offer it. */
export type Picked = { readonly id: string; readonly number: string };
export type PublicPlace = { readonly id: string; readonly name: string };
export type Photo = { readonly blob: Blob; readonly name: string };
/** A window chip: its key and the window it stood for when it was chosen (null: as soon as possible). */
export type ChosenWindow = {
	readonly key: string;
	readonly window: { readonly from: string; readonly to: string } | null;
};

export type FilingProblemCode =
	| 'category_required'
	| 'place_required'
	| 'public_place_required'
	| 'room_required'
	| 'description_required'
	| 'area_required'
	| 'area_too_large'
	| 'window_required'
	| 'digits_required'
	| 'digits_mismatch'
	| 'too_many_attempts'
	| 'room_unknown'
	| 'refused';

/** What is wrong on the current step; `detail` is the api's own words for a refusal it explains. */
export type FilingProblem = { readonly code: FilingProblemCode; readonly detail?: string };

/** What the resident takes away: sent (with the api's code) or queued to be sent when the api is back. */
export type FilingReceipt =
	| {
			readonly delivery: 'sent';
			readonly code: string;
			readonly statusUrl: string;
			readonly emergency: boolean;
	  }
	| { readonly delivery: 'queued'; readonly statusUrl: string; readonly emergency: boolean };

/** Whether the api confirmed the room and digits: not yet asked, yes, or it could not be asked (offline). */
export type Verification = 'unchecked' | 'verified' | 'unverifiable';

export type FilingDraft = {
	readonly kind: FilingKind;
	readonly step: FilingStep;
	readonly category: WorkOrderCategory | null;
	readonly place: 'home' | 'public' | null;
	readonly publicPlace: PublicPlace | null;
	readonly building: Picked | null;
	readonly unit: Picked | null;
	readonly room: Picked | null;
	readonly phrases: readonly PhraseKey[];
	readonly text: string;
	readonly photo: Photo | null;
	readonly bookingOption: BookingOption | null;
	/** Digits typed on the keypad for the area in m². */
	readonly area: string;
	readonly window: ChosenWindow | null;
	/** The last 4 digits of the household's registered phone. */
	readonly digits: string;
	readonly verification: Verification;
	readonly problem: FilingProblem | null;
	readonly receipt: FilingReceipt | null;
};

export type FilingEvent =
	| { readonly type: 'chooseCategory'; readonly category: WorkOrderCategory }
	| { readonly type: 'choosePlace'; readonly place: 'home' | 'public' }
	| { readonly type: 'choosePublicPlace'; readonly publicPlace: PublicPlace }
	| { readonly type: 'chooseBuilding'; readonly building: Picked }
	| { readonly type: 'chooseUnit'; readonly unit: Picked }
	| { readonly type: 'chooseRoom'; readonly room: Picked }
	| { readonly type: 'togglePhrase'; readonly phrase: PhraseKey }
	| { readonly type: 'writeText'; readonly text: string }
	| { readonly type: 'attachPhoto'; readonly photo: Photo | null }
	| { readonly type: 'chooseBooking'; readonly option: BookingOption }
	| { readonly type: 'areaKey'; readonly key: string }
	| { readonly type: 'chooseWindow'; readonly window: ChosenWindow }
	| { readonly type: 'digitKey'; readonly key: string }
	| { readonly type: 'next' }
	| { readonly type: 'back' }
	| { readonly type: 'goTo'; readonly step: FilingStep }
	| { readonly type: 'verified'; readonly outcome: 'verified' | 'mismatch' | 'unverifiable' }
	| { readonly type: 'refused'; readonly problem: FilingProblem }
	| { readonly type: 'delivered'; readonly receipt: FilingReceipt };

export const MAX_TEXT_LENGTH = 500;
const AREA_DIGITS = 5;

export function startFiling(kind: FilingKind): FilingDraft {
	return {
		kind,
		step: 'category',
		category: null,
		place: null,
		publicPlace: null,
		building: null,
		unit: null,
		room: null,
		phrases: [],
		text: '',
		photo: null,
		bookingOption: null,
		area: '',
		window: null,
		digits: '',
		verification: 'unchecked',
		problem: null,
		receipt: null,
	};
}

const problem = (code: FilingProblemCode): FilingProblem => ({ code });

/** What keeps the resident on the current step, or null when it is answered. */
export function problemOf(draft: FilingDraft): FilingProblem | null {
	switch (draft.step) {
		case 'category':
			return draft.category === null ? problem('category_required') : null;
		case 'place':
			if (draft.place === null) return problem('place_required');
			if (draft.place === 'public' && draft.publicPlace === null) return problem('public_place_required');
			return draft.room === null ? problem('room_required') : null;
		case 'details':
			// A booking says what it is on the next step; anything written here is a note.
			if (draft.kind === 'booking') return null;
			return draft.phrases.length === 0 && draft.text.trim() === '' ? problem('description_required') : null;
		case 'booking': {
			const area = draft.area === '' ? null : Number(draft.area);
			if (area !== null && area > MAX_AREA_M2) return problem('area_too_large');
			return needsArea(draft.category) && (area === null || area <= 0) ? problem('area_required') : null;
		}
		case 'when':
			return draft.window === null ? problem('window_required') : null;
		case 'verify':
			return draft.digits.length === 4 ? null : problem('digits_required');
		case 'review':
		case 'receipt':
			return null;
	}
}

/** Whether pressing next on this step must first ask the api about the room and digits. */
export const needsVerification = (draft: FilingDraft): boolean =>
	draft.step === 'verify' && problemOf(draft) === null && draft.verification === 'unchecked';

function stepBy(draft: FilingDraft, offset: 1 | -1): FilingStep {
	const steps = stepsOf(draft.kind);
	const index = steps.indexOf(draft.step);
	return steps[Math.min(steps.length - 1, Math.max(0, index + offset))] ?? draft.step;
}

/** The next step, once the current one is answered; otherwise the draft with what is missing. */
function forward(draft: FilingDraft): FilingDraft {
	const missing = problemOf(draft);
	if (missing !== null) return { ...draft, problem: missing };
	if (draft.step === 'review' || draft.step === 'receipt') return draft;
	if (needsVerification(draft)) return draft;
	return { ...draft, step: stepBy(draft, 1), problem: null };
}

/** An answer changed: whatever was wrong is to be judged again. */
const answered = (draft: FilingDraft, change: Partial<FilingDraft>): FilingDraft => ({
	...draft,
	...change,
	problem: null,
});

/**
 * The filing flow's decisions (pure: the screens dispatch events, the flow class does the api calls).
 * A single choice that answers a step (a category, the room, a window) moves on by itself; the other
 * steps move on with "next", which says what is missing instead when something is.
 */
export function reduceFiling(draft: FilingDraft, event: FilingEvent): FilingDraft {
	if (draft.step === 'receipt') return draft;
	switch (event.type) {
		case 'chooseCategory': {
			const same = draft.category === event.category;
			return forward(
				answered(draft, {
					category: event.category,
					phrases: same ? draft.phrases : [],
					bookingOption: isCleaningOption(event.category)
						? event.category
						: same
							? draft.bookingOption
							: null,
				}),
			);
		}
		case 'choosePlace':
			return answered(draft, {
				place: event.place,
				publicPlace: event.place === 'home' ? null : draft.publicPlace,
			});
		case 'choosePublicPlace':
			return answered(draft, { place: 'public', publicPlace: event.publicPlace });
		case 'chooseBuilding':
			return answered(draft, {
				building: event.building,
				unit: null,
				room: null,
				verification: 'unchecked',
			});
		case 'chooseUnit':
			return answered(draft, { unit: event.unit, room: null, verification: 'unchecked' });
		case 'chooseRoom':
			return forward(answered(draft, { room: event.room, verification: 'unchecked' }));
		case 'togglePhrase':
			return answered(draft, {
				phrases: draft.phrases.includes(event.phrase)
					? draft.phrases.filter((phrase) => phrase !== event.phrase)
					: [...draft.phrases, event.phrase],
			});
		case 'writeText':
			return answered(draft, { text: event.text.slice(0, MAX_TEXT_LENGTH) });
		case 'attachPhoto':
			return answered(draft, { photo: event.photo });
		case 'chooseBooking':
			return answered(
				draft,
				isCleaningOption(event.option)
					? { category: event.option, bookingOption: event.option }
					: { bookingOption: draft.bookingOption === event.option ? null : event.option },
			);
		case 'areaKey': {
			const area = pressKey(draft.area, event.key, DIGIT_KEYS, AREA_DIGITS);
			// No leading zeros: "0" then "8" is 8 m², not "08".
			return answered(draft, { area: area.replace(/^0+(?=\d)/, '') });
		}
		case 'chooseWindow':
			return forward(answered(draft, { window: event.window }));
		case 'digitKey': {
			const digits = pressKey(draft.digits, event.key, DIGIT_KEYS, 4);
			return digits === draft.digits ? draft : answered(draft, { digits, verification: 'unchecked' });
		}
		case 'next':
			return forward(draft);
		case 'back':
			return { ...draft, step: stepBy(draft, -1), problem: null };
		case 'goTo': {
			const steps = stepsOf(draft.kind);
			const allowed =
				steps.indexOf(event.step) !== -1 && steps.indexOf(event.step) < steps.indexOf(draft.step);
			return allowed ? { ...draft, step: event.step, problem: null } : draft;
		}
		case 'verified':
			// The resident may have gone back while the api was being asked: the answer is for the verify step.
			if (draft.step !== 'verify') return draft;
			// Wrong digits are cleared: the resident types them again rather than hunting for the wrong one.
			return event.outcome === 'mismatch'
				? { ...draft, digits: '', verification: 'unchecked', problem: problem('digits_mismatch') }
				: forward({ ...draft, verification: event.outcome });
		case 'refused':
			return { ...draft, problem: event.problem };
		case 'delivered':
			return draft.step === 'review'
				? { ...draft, step: 'receipt', receipt: event.receipt, problem: null }
				: draft;
	}
}
