import type { HTMLAttributes } from 'svelte/elements';

export type KeypadProps = Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
	/** The character keys, in reading order; each is its own label unless `keyLabel` says otherwise. */
	keys: readonly string[];
	/** The group's accessible name ("Last 4 digits of your phone"). */
	label: string;
	/** The back key's accessible name ("Delete"). */
	backLabel: string;
	/**
	 * The data attribute each key carries its value in, without `data-` (`key` gives `data-key="7"`): two
	 * keypads on one screen stay apart for tests and analytics.
	 */
	attribute?: string;
	/** Keys per row. */
	columns?: number;
	/** Every key is inert, e.g. while the entry is being checked. */
	disabled?: boolean;
	onKey: (key: string) => void;
};
