import type { KioskFiling } from '$lib/api/wire';
import { asksArea } from './booking-options';
import type { BookingOption } from './booking-options';
import type { FilingDraft } from './filing-machine';
import type { PhraseKey } from './phrases';

/** The words a filing's description is made of, in the language the resident is reading. */
export type FilingWords = {
	readonly phrase: (key: PhraseKey) => string;
	readonly bookingOption: (option: BookingOption) => string;
	/** "Public area: Central garden" */
	readonly publicPlace: (name: string) => string;
	/** "Area: 85 m²" */
	readonly area: (m2: number) => string;
	/** Between the parts ("；" in Chinese, "; " in English). */
	readonly separator: string;
};

/** The area typed, in m², when the booking asks for one. */
export function areaOf(draft: FilingDraft): number | null {
	if (!asksArea(draft.category) || draft.area === '') return null;
	const area = Number(draft.area);
	return Number.isInteger(area) && area > 0 ? area : null;
}

/**
 * The request's text as staff will read it: where (for a public place), the chosen phrases, what was
 * booked, then the resident's own words. The api classifies urgency from it, so the chosen phrases'
 * words are in it as the resident saw them.
 */
export function descriptionOf(draft: FilingDraft, words: FilingWords): string {
	const area = areaOf(draft);
	const parts = [
		draft.place === 'public' && draft.publicPlace !== null ? words.publicPlace(draft.publicPlace.name) : null,
		...draft.phrases.map(words.phrase),
		draft.bookingOption === null ? null : words.bookingOption(draft.bookingOption),
		area === null ? null : words.area(area),
		draft.text.trim() === '' ? null : draft.text.trim(),
	];
	return parts.filter((part): part is string => part !== null).join(words.separator);
}

/**
 * The filing the api takes (`POST /kiosk/work-orders`), from a draft that reached its review. Throws for a
 * draft that did not: the screens never offer to send one.
 */
export function filingOf(
	draft: FilingDraft,
	input: { readonly description: string; readonly publicToken: string },
): KioskFiling {
	if (draft.category === null || draft.room === null || draft.digits.length !== 4) {
		throw new Error('a filing is made only from a draft that reached its review');
	}
	const area = areaOf(draft);
	return {
		kind: draft.kind,
		category: draft.category,
		description: input.description,
		roomId: draft.room.id,
		phoneLast4: draft.digits,
		...(draft.place === 'public' && draft.publicPlace !== null
			? { publicPlaceId: draft.publicPlace.id }
			: {}),
		desiredWindow: draft.window?.window ?? null,
		...(area === null ? {} : { areaM2: area }),
		publicToken: input.publicToken,
	};
}
