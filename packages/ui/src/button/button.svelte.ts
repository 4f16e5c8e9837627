import type { ButtonState } from './types.js';

type ButtonStateInput = {
	readonly loading: () => boolean;
	readonly disabled: () => boolean;
};

/** What a button shows and allows, derived from its `loading` and `disabled` props. */
export class ButtonStatus {
	readonly #input: ButtonStateInput;

	constructor(input: ButtonStateInput) {
		this.#input = input;
	}

	readonly state: ButtonState = $derived.by(() => {
		if (this.#input.loading()) return 'loading';
		if (this.#input.disabled()) return 'disabled';
		return 'idle';
	});

	/** Pressing does nothing while loading or disabled. */
	readonly inert: boolean = $derived(this.state !== 'idle');

	readonly ariaBusy: 'true' | undefined = $derived(this.state === 'loading' ? 'true' : undefined);
}
