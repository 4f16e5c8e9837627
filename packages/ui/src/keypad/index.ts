export { default as Keypad } from './keypad.svelte';
export { BACK_KEY, DIGIT_KEYS, pressKey } from './keypad-entry.js';
export type { KeypadProps } from './types.js';
