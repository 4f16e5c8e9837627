export { default as Badge } from './badge.svelte';
export type { BadgeProps, BadgeTone } from './types.js';
