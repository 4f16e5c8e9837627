import type { Snippet } from 'svelte';
import type { HTMLDialogAttributes } from 'svelte/elements';

export type DialogProps = Omit<HTMLDialogAttributes, 'children' | 'title' | 'open'> & {
	/** Shown as a modal while true: focus moves in, the page behind is inert, Escape asks to close. */
	open: boolean;
	title: string;
	description?: string;
	/** Escape or the close button; omit it for a dialog that must be answered (an expired session). */
	onClose?: () => void;
	closeLabel?: string;
	children: Snippet;
};
