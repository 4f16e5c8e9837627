import type { HTMLAttributes } from 'svelte/elements';

export type LanguageOption<T extends string = string> = {
	readonly value: T;
	/** The language's own name ("English", "繁體中文"), so everyone can find theirs. */
	readonly label: string;
	/** BCP 47 tag of the label's language, when it differs from `value`. */
	readonly lang?: string;
};

export type LanguageSwitchSize = 'md' | 'kiosk';

export type LanguageSwitchProps<T extends string = string> = Omit<
	HTMLAttributes<HTMLDivElement>,
	'children' | 'onchange'
> & {
	options: readonly LanguageOption<T>[];
	value: T;
	/** The group's accessible name, in the reader's language ("Language", "语言"). */
	label: string;
	onValueChange?: (value: T) => void;
	size?: LanguageSwitchSize;
};

export type RadioGroupKey = 'ArrowRight' | 'ArrowDown' | 'ArrowLeft' | 'ArrowUp' | 'Home' | 'End';
