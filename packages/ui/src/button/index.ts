export { default as Button } from './button.svelte';
export { ButtonStatus } from './button.svelte.js';
export { buttonSizes, buttonVariants } from './types.js';
export type { ButtonProps, ButtonSize, ButtonState, ButtonVariant } from './types.js';
