import type { UrgencyClass } from './urgency-class';
import type { WorkOrderCategory, WorkOrderKind } from './work-order-kind';

/**
 * A keyword that marks a request, in simplified or traditional Chinese or in English. `unless` lists the
 * longer words that contain it without meaning it: 防火 (fire prevention) is not a fire, and a fire
 * extinguisher is safety equipment, not an emergency.
 */
type Keyword = { readonly text: string; readonly unless?: readonly string[] };

const FIRE_NOT_FIRE = [
	'防火',
	'灭火',
	'滅火',
	'火锅',
	'火鍋',
	'火车',
	'火車',
	'火柴',
	'打火机',
	'打火機',
	'火腿',
	'火龙果',
	'火龍果',
	'上火',
	'烟火',
	'煙火',
	'火气',
	'火氣',
];
const FIRE_EQUIPMENT = [
	'fire extinguisher',
	'fire hydrant',
	'fire door',
	'fire alarm',
	'fire exit',
	'fire escape',
];

/** Affects normal living or safety right now: someone on site within 15 minutes. */
const URGENT_KEYWORDS: readonly Keyword[] = [
	// water
	{ text: '水管爆裂' },
	{ text: '爆管' },
	{ text: '爆水管' },
	{ text: '漏水' },
	{ text: '水浸' },
	{ text: '淹水' },
	{ text: '跑水' },
	{ text: 'burst pipe' },
	{ text: 'pipe burst' },
	{ text: 'flood' },
	{ text: 'flooded' },
	{ text: 'flooding' },
	{ text: 'leak' },
	{ text: 'leaks' },
	{ text: 'leaking' },
	// power
	{ text: '断电' },
	{ text: '斷電' },
	{ text: '停电' },
	{ text: '停電' },
	{ text: '短路' },
	{ text: '漏电' },
	{ text: '漏電' },
	{ text: 'power cut' },
	{ text: 'power outage' },
	{ text: 'no power' },
	{ text: 'blackout' },
	{ text: 'short circuit' },
	{ text: 'electric shock' },
	// gas
	{ text: '燃气' },
	{ text: '燃氣' },
	{ text: '煤气' },
	{ text: '煤氣' },
	{ text: '漏气' },
	{ text: '漏氣' },
	{ text: 'gas leak' },
	{ text: 'gas smell' },
	{ text: 'smell of gas' },
	{ text: 'smells of gas' },
	// lifts
	{ text: '电梯困人' },
	{ text: '電梯困人' },
	{ text: '困梯' },
	{ text: '困在电梯' },
	{ text: '困在電梯' },
	{ text: 'trapped in lift' },
	{ text: 'trapped in the lift' },
	{ text: 'trapped in elevator' },
	{ text: 'trapped in the elevator' },
	{ text: 'stuck in lift' },
	{ text: 'stuck in the lift' },
	{ text: 'stuck in the elevator' },
	// fire
	{ text: '火', unless: FIRE_NOT_FIRE },
	{ text: '着火' },
	{ text: '著火' },
	{ text: '冒烟' },
	{ text: '冒煙' },
	{ text: 'fire', unless: FIRE_EQUIPMENT },
	{ text: 'smoke', unless: ['smoke detector', 'smoke alarm'] },
	// theft
	{ text: '盗窃' },
	{ text: '盜竊' },
	{ text: '被偷' },
	{ text: '被盗' },
	{ text: '被盜' },
	{ text: '失窃' },
	{ text: '失竊' },
	{ text: 'theft' },
	{ text: 'stolen' },
	{ text: 'burglary' },
	{ text: 'break-in' },
];

/** Damaged shared facilities that affect public safety: to the department head within an hour. */
const SAFETY_KEYWORDS: readonly Keyword[] = [
	{ text: '栏杆' },
	{ text: '欄杆' },
	{ text: '护栏' },
	{ text: '護欄' },
	{ text: '扶手' },
	{ text: '井盖' },
	{ text: '井蓋' },
	{ text: '路灯' },
	{ text: '路燈' },
	{ text: '门禁' },
	{ text: '門禁' },
	{ text: '消防' },
	{ text: '灭火器' },
	{ text: '滅火器' },
	{ text: '应急灯' },
	{ text: '應急燈' },
	{ text: '安全出口' },
	{ text: '电梯故障' },
	{ text: '電梯故障' },
	{ text: '电梯坏' },
	{ text: '電梯壞' },
	{ text: '烟感' },
	{ text: '煙感' },
	{ text: '地面塌陷' },
	{ text: '高空坠物' },
	{ text: '高空墜物' },
	{ text: 'railing' },
	{ text: 'handrail' },
	{ text: 'manhole' },
	{ text: 'streetlight' },
	{ text: 'street light' },
	{ text: 'access control' },
	{ text: 'fire extinguisher' },
	{ text: 'fire hydrant' },
	{ text: 'fire door' },
	{ text: 'fire alarm' },
	{ text: 'fire exit' },
	{ text: 'emergency light' },
	{ text: 'smoke detector' },
	{ text: 'smoke alarm' },
	{ text: 'lift out of order' },
	{ text: 'elevator out of order' },
	{ text: 'broken lift' },
	{ text: 'broken elevator' },
];

/**
 * Suggestions and bookings are never emergencies by nature (a suggestion to improve 防火 or a booked deep
 * clean); only staff raise them, by an override with a reason.
 */
const KINDS_CLASSIFIED_BY_KEYWORD: readonly WorkOrderKind[] = ['repair', 'complaint', 'inquiry'];

export type UrgencySuggestion = {
	readonly urgency: UrgencyClass;
	/** Why: an urgent keyword, a public-safety keyword, or nothing matched (the default, general). */
	readonly reason: 'urgent_keyword' | 'safety_keyword' | 'default' | 'kind_not_urgent';
	/** The keywords found in the description, as listed (`水管爆裂`, `gas leak`). */
	readonly keywords: readonly string[];
};

/**
 * The urgency class (诉求分类) suggested for a new request: urgent when the description names an emergency,
 * important when it names damaged public-safety facilities, general otherwise (complaints included,
 * unless their words say otherwise). Staff can override it with a reason.
 */
export function classifyUrgency(request: {
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	readonly description: string;
}): UrgencySuggestion {
	if (!KINDS_CLASSIFIED_BY_KEYWORD.includes(request.kind)) {
		return { urgency: 'general', reason: 'kind_not_urgent', keywords: [] };
	}
	const text = request.description.toLowerCase();
	const urgent = matches(text, URGENT_KEYWORDS);
	if (urgent.length > 0) return { urgency: 'urgent', reason: 'urgent_keyword', keywords: urgent };
	const safety = matches(text, SAFETY_KEYWORDS);
	if (safety.length > 0) return { urgency: 'important', reason: 'safety_keyword', keywords: safety };
	return { urgency: 'general', reason: 'default', keywords: [] };
}

/** The keywords found, leaving out any that only restate a longer one found (`leak` beside `gas leak`). */
function matches(text: string, keywords: readonly Keyword[]): string[] {
	const found = keywords.filter((keyword) => occurs(text, keyword)).map((keyword) => keyword.text);
	return found.filter((word) => !found.some((other) => other !== word && other.includes(word)));
}

/** Whether `keyword` occurs in `text` at least once outside the words it is excused in. */
function occurs(text: string, keyword: Keyword): boolean {
	const excused = excusedRanges(text, keyword.unless ?? []);
	for (const start of occurrences(text, keyword.text)) {
		const end = start + keyword.text.length;
		if (!excused.some(([from, to]) => from <= start && end <= to)) return true;
	}
	return false;
}

function excusedRanges(text: string, words: readonly string[]): [number, number][] {
	return words.flatMap((word) =>
		[...occurrences(text, word)].map((start): [number, number] => [start, start + word.length]),
	);
}

const LATIN = /[a-z]/;

/**
 * Start offsets of `word` in `text`. Latin words only count as whole words (`fire` is not in
 * `firewall`); Chinese has no spaces, so Chinese words count anywhere.
 */
function* occurrences(text: string, word: string): Generator<number> {
	const whole = LATIN.test(word);
	for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
		const before = text[at - 1];
		const after = text[at + word.length];
		const bounded = !whole || (!isWordCharacter(before) && !isWordCharacter(after));
		if (bounded) yield at;
	}
}

const isWordCharacter = (char: string | undefined): boolean => char !== undefined && /[a-z0-9]/.test(char);
