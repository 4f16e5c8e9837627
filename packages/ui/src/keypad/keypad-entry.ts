/** The key that removes the last character typed. */
export const BACK_KEY = 'back';

/**
 * What a keypad press does to the text typed so far: a character key appends itself until `maxLength`
 * characters are typed (further presses are ignored, as on a phone's PIN pad); the back key removes the
 * last one. Keys outside `keys` are ignored, so a stray event cannot put anything else into the entry.
 */
export function pressKey(entry: string, key: string, keys: readonly string[], maxLength: number): string {
	if (key === BACK_KEY) return entry.slice(0, -1);
	if (!keys.includes(key) || entry.length >= maxLength) return entry;
	return entry + key;
}

/** The ten digits in the order a phone's keypad shows them (1 2 3 / 4 5 6 / 7 8 9 / 0). */
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
