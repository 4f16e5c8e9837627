import type { Snippet } from 'svelte';
import type { HTMLAnchorAttributes, HTMLButtonAttributes } from 'svelte/elements';

export const buttonVariants = ['primary', 'secondary', 'danger', 'ghost'] as const;
export type ButtonVariant = (typeof buttonVariants)[number];

/** `kiosk` is at least the kiosk's 64 px touch target in both directions. */
export const buttonSizes = ['sm', 'md', 'lg', 'kiosk'] as const;
export type ButtonSize = (typeof buttonSizes)[number];

export type ButtonState = 'idle' | 'loading' | 'disabled';

type ButtonOwnProps = {
	variant?: ButtonVariant;
	size?: ButtonSize;
	/** Work started by this button is under way: the button is busy and cannot be pressed again. */
	loading?: boolean;
	children?: Snippet;
	ref?: HTMLElement | null;
};

/**
 * A `<button>`, or an `<a>` that looks like one when `href` is given. One object type rather than a
 * union of the two elements' attributes: `svelte/server`'s `render` cannot represent that union.
 */
export type ButtonProps = ButtonOwnProps &
	Omit<HTMLButtonAttributes, 'children'> &
	Pick<HTMLAnchorAttributes, 'href' | 'target' | 'rel' | 'download' | 'hreflang'>;
