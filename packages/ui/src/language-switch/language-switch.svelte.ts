import type { LanguageOption, RadioGroupKey } from './types.js';

type LanguageSwitchInput<T extends string> = {
	readonly options: () => readonly LanguageOption<T>[];
	readonly value: () => T;
	readonly onSelect: (value: T) => void;
};

const navigationKeys: ReadonlySet<string> = new Set<RadioGroupKey>([
	'ArrowRight',
	'ArrowDown',
	'ArrowLeft',
	'ArrowUp',
	'Home',
	'End',
]);

const isNavigationKey = (key: string): key is RadioGroupKey => navigationKeys.has(key);

/**
 * A radio group of languages as the WAI-ARIA radio group pattern has it: one tab stop (the checked
 * option), arrow keys move and check at once, wrapping at either end; Home and End jump.
 */
export class LanguageSwitchState<T extends string> {
	readonly #input: LanguageSwitchInput<T>;

	constructor(input: LanguageSwitchInput<T>) {
		this.#input = input;
	}

	readonly options: readonly LanguageOption<T>[] = $derived.by(() => this.#input.options());

	/** The option that takes the tab stop: the checked one, or the first when the value is unknown. */
	readonly tabStop: T | undefined = $derived.by(() => {
		const value = this.#input.value();
		return this.options.some((option) => option.value === value) ? value : this.options[0]?.value;
	});

	isChecked(value: T): boolean {
		return this.#input.value() === value;
	}

	tabIndexOf(value: T): 0 | -1 {
		return this.tabStop === value ? 0 : -1;
	}

	select(value: T): void {
		if (this.isChecked(value)) return;
		this.#input.onSelect(value);
	}

	/** The option a key leads to from `from`, or undefined when the key is not a radio-group key. */
	target(key: string, from: T): T | undefined {
		if (!isNavigationKey(key) || this.options.length === 0) return undefined;
		const last = this.options.length - 1;
		const current = Math.max(
			0,
			this.options.findIndex((option) => option.value === from),
		);
		const index = ((): number => {
			switch (key) {
				case 'ArrowRight':
				case 'ArrowDown':
					return current === last ? 0 : current + 1;
				case 'ArrowLeft':
				case 'ArrowUp':
					return current === 0 ? last : current - 1;
				case 'Home':
					return 0;
				case 'End':
					return last;
			}
		})();
		return this.options[index]?.value;
	}
}
