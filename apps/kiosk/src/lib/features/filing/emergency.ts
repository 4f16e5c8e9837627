import { classifyUrgency } from '@estate-ops/domain/work-orders';
import type { WorkOrderCategory, WorkOrderKind } from '@estate-ops/domain/work-orders';

/** What an emergency is about, which decides what the resident is told to do now. */
export type Hazard = 'water' | 'power' | 'gas' | 'lift' | 'fire' | 'theft';

// Matched against the keywords classifyUrgency found, in any of the three languages.
const HAZARD_WORDS: readonly (readonly [Hazard, readonly string[]])[] = [
	['gas', ['燃气', '燃氣', '煤气', '煤氣', '漏气', '漏氣', 'gas']],
	['lift', ['电梯', '電梯', '困梯', 'lift', 'elevator']],
	[
		'power',
		[
			'断电',
			'斷電',
			'停电',
			'停電',
			'短路',
			'漏电',
			'漏電',
			'power',
			'blackout',
			'short circuit',
			'electric',
		],
	],
	['water', ['水', '爆管', 'pipe', 'flood', 'leak']],
	['fire', ['火', '烟', '煙', 'fire', 'smoke']],
	['theft', ['盗', '盜', '偷', '窃', '竊', 'theft', 'stolen', 'burglary', 'break-in']],
];

/** The hazard a keyword names: the first that matches, so a gas leak is gas, not water. */
const hazardOf = (keyword: string): Hazard | undefined =>
	HAZARD_WORDS.find(([, words]) => words.some((word) => keyword.toLowerCase().includes(word)))?.[0];

/** The hazards the urgent keywords name, each once, in a fixed order. */
export function hazardsOf(keywords: readonly string[]): Hazard[] {
	const named = new Set(keywords.map(hazardOf));
	return HAZARD_WORDS.map(([hazard]) => hazard).filter((hazard) => named.has(hazard));
}

export type Emergency = { readonly urgent: boolean; readonly hazards: readonly Hazard[] };

/**
 * Whether a request being written is an emergency (the domain's own classification, the one the api
 * applies when it is filed), and what about: shown at once, before the request is even sent.
 */
export function emergencyOf(request: {
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	readonly description: string;
}): Emergency {
	const suggestion = classifyUrgency(request);
	return suggestion.urgency === 'urgent'
		? { urgent: true, hazards: hazardsOf(suggestion.keywords) }
		: { urgent: false, hazards: [] };
}
