import { normaliseRequestCode, REQUEST_CODE_ALPHABET } from '@estate-ops/domain/work-orders';

/** The keys of the code keypad: exactly the characters a request code can hold (no 0/O, 1/I). */
export const CODE_KEYS: readonly string[] = [...REQUEST_CODE_ALPHABET];

/** "R" and 6 characters. */
export const CODE_LENGTH = 7;

/** The code to look up from what was typed (as printed: "R7KQ2MX"); null while it cannot be a code. */
export const requestCodeOf = (entry: string): string | null => normaliseRequestCode(entry);
