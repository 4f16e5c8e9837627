export { default as Dialog } from './dialog.svelte';
export type { DialogProps } from './types.js';
