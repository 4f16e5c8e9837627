export { default as EmptyState } from './empty-state.svelte';
export type { EmptyStateProps } from './types.js';
