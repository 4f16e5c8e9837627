import type { Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';
import type { SlaState, UrgencyLevel } from '../tokens/index.js';

/** A badge speaks of a work order's urgency, of an SLA state, or of nothing in particular. */
export type BadgeTone = UrgencyLevel | SlaState | 'neutral';

export type BadgeProps = Omit<HTMLAttributes<HTMLSpanElement>, 'children'> & {
	tone?: BadgeTone;
	/** The words on the badge: colour alone never carries the meaning. */
	children: Snippet;
};
