import { createRawSnippet } from 'svelte';
import type { Snippet } from 'svelte';

/** A snippet that renders fixed markup, for passing `children` and other snippet props in tests. */
export const markupSnippet = (html: string): Snippet => createRawSnippet(() => ({ render: () => html }));
