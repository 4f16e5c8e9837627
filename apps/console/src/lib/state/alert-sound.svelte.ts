const MUTED_KEY = 'estate-ops.alerts.muted';

/**
 * The alert beep, made with WebAudio (no audio files). Browsers only allow sound after the person has
 * interacted with the page; until then `play` is silent, and the mute choice is remembered per browser.
 */
export class AlertSound {
	muted: boolean = $state(false);
	#context: AudioContext | undefined;

	constructor() {
		try {
			this.muted = localStorage.getItem(MUTED_KEY) === 'true';
		} catch {
			this.muted = false;
		}
	}

	toggle(): void {
		this.muted = !this.muted;
		try {
			localStorage.setItem(MUTED_KEY, String(this.muted));
		} catch {
			// Private windows may refuse storage: the choice then lasts for this page only.
		}
	}

	/** Call from a user gesture (a click, a key): browsers start audio only then. */
	unlock(): void {
		if (typeof AudioContext === 'undefined') return;
		this.#context ??= new AudioContext();
		if (this.#context.state !== 'running') void this.#context.resume().catch(() => undefined);
	}

	/** Two short tones; three, higher, for `urgent`. */
	play(urgent: boolean): void {
		if (this.muted || typeof AudioContext === 'undefined') return;
		this.#context ??= new AudioContext();
		const context = this.#context;
		if (context.state !== 'running') {
			// Resuming needs a user gesture first; until then this beep is skipped rather than queued.
			void context.resume().catch(() => undefined);
			return;
		}
		const tones = urgent ? [1_320, 990, 1_320] : [880, 660];
		tones.forEach((frequency, index) => {
			const start = context.currentTime + index * 0.18;
			const oscillator = context.createOscillator();
			const gain = context.createGain();
			oscillator.type = 'sine';
			oscillator.frequency.value = frequency;
			gain.gain.setValueAtTime(0.0001, start);
			gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
			oscillator.connect(gain).connect(context.destination);
			oscillator.start(start);
			oscillator.stop(start + 0.16);
		});
	}
}
