import { classifyUrgency, type WorkOrderCategory, type WorkOrderKind } from '@estate-ops/domain/work-orders';
import type { Dice } from '../seed/random';
import { REQUEST_TEMPLATES, type RequestTemplate } from '../seed/work-order-phrases';

/**
 * What simulated residents ask for at the lobby kiosk: repairs in the demo's own mix and words (the seed's
 * request templates), in their own flat or somewhere public they name, and an emergency only rarely. Pure:
 * the resident actor sends the filing to `POST /api/v1/kiosk/work-orders`.
 */

/** A household that can file at the kiosk: its room and the last four digits of a registered phone. */
export type Household = {
	readonly roomId: string;
	readonly buildingName: string;
	readonly phoneLast4: string;
};

/** A public place as `GET /api/v1/kiosk/estate` lists it. */
export type PublicPlace = { readonly id: string; readonly name: string; readonly kind: string };

export type KioskFiling = {
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	readonly description: string;
	readonly roomId: string;
	readonly phoneLast4: string;
	readonly publicPlaceId?: string;
};

/**
 * Requests the domain classifies urgent (a burst pipe, someone stuck in a lift) are this much rarer than in the
 * seed's mix: a demo that raises an emergency every hour is not believable.
 */
export const URGENT_KEEP_SHARE = 0.2;

/** Words in a request that name a kind of place when the place's own name does not appear. */
const PLACE_KIND_BY_WORD: readonly (readonly [word: string, kind: string])[] = [
	['会所', 'clubhouse'],
	['地库', 'parking_entrance'],
	['中心花园', 'green'],
];

// Simulated residents file repairs: the work the simulated technicians take up.
const REPAIRS: readonly RequestTemplate[] = REQUEST_TEMPLATES.filter(
	(template) => template.kind === 'repair',
);

export function drawKioskFiling(
	dice: Dice,
	households: readonly Household[],
	places: readonly PublicPlace[],
): KioskFiling {
	const household = dice.pick(households);
	for (;;) {
		const template = dice.weighted(REPAIRS.map((candidate) => [candidate, candidate.weight] as const));
		const text = dice.weighted(template.texts);
		const description = text.replace('{楼}', household.buildingName);
		const { urgency } = classifyUrgency({ kind: template.kind, category: template.category, description });
		if (urgency === 'urgent' && !dice.chance(URGENT_KEEP_SHARE)) continue;
		const place = template.where === 'public' && !text.includes('{楼}') ? placeNamedIn(text, places) : null;
		return {
			kind: template.kind,
			category: template.category,
			description,
			roomId: household.roomId,
			phoneLast4: household.phoneLast4,
			...(place ? { publicPlaceId: place.id } : {}),
		};
	}
}

/** The public place a request speaks of: by its name, or by a word for its kind. */
export function placeNamedIn(text: string, places: readonly PublicPlace[]): PublicPlace | null {
	const byName = places.find((place) => text.includes(place.name));
	if (byName) return byName;
	const kind = PLACE_KIND_BY_WORD.find(([word]) => text.includes(word))?.[1];
	return kind === undefined ? null : (places.find((place) => place.kind === kind) ?? null);
}
