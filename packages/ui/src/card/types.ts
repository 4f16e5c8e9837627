import type { Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';

export type CardHeadingLevel = 2 | 3 | 4;

export type CardProps = Omit<HTMLAttributes<HTMLElement>, 'children' | 'title'> & {
	/** The card's heading; the card is then a region named by it. */
	title?: Snippet;
	headingLevel?: CardHeadingLevel;
	/** Controls beside the heading (a refresh button, a filter). */
	actions?: Snippet;
	children: Snippet;
};
