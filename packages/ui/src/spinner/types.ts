import type { HTMLAttributes } from 'svelte/elements';

export type SpinnerSize = 'sm' | 'md' | 'lg';

export type SpinnerProps = Omit<HTMLAttributes<HTMLSpanElement>, 'children'> & {
	/** What is being waited for, in the reader's language (the app passes its i18n string). */
	label: string;
	/** Show the label beside the ring; otherwise only assistive technology reads it. */
	showLabel?: boolean;
	size?: SpinnerSize;
};
