export { default as Card } from './card.svelte';
export type { CardHeadingLevel, CardProps } from './types.js';
