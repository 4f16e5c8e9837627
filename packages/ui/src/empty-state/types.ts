import type { Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';

export type EmptyStateProps = Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'title'> & {
	/** A decorative picture; it is hidden from assistive technology. */
	icon?: Snippet;
	title: string;
	description?: string;
	/** What the person can do about it (create the first item, clear a filter). */
	action?: Snippet;
	/** 1 when the empty state is the whole page (an error page). */
	headingLevel?: 1 | 2 | 3 | 4;
};
