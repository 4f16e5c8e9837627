export { default as Spinner } from './spinner.svelte';
export type { SpinnerProps, SpinnerSize } from './types.js';
