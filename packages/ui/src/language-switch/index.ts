export { default as LanguageSwitch } from './language-switch.svelte';
export { LanguageSwitchState } from './language-switch.svelte.js';
export type { LanguageOption, LanguageSwitchProps, LanguageSwitchSize, RadioGroupKey } from './types.js';
export { languageName, preferredLocale } from './locale-names.js';
