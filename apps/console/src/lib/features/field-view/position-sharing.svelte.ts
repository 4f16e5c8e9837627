import type { PositionsApi } from './api/positions-api';
import { PositionReporter } from './position-reporter';
import { fixOf, noPositionOf, whereaboutsOf } from './where-i-am';
import type { NoPosition, Whereabouts } from './where-i-am';

/** Where sharing stands: off, waiting for the first fix, sharing, or refused by the phone. */
export type SharingStatus = 'off' | 'starting' | 'on' | NoPosition;

/** A position younger than this is good enough for a scan or an SOS without asking the phone again. */
const FRESH_MS = 30_000;
const PREFERENCE_KEY = 'estate-ops.field.share-position';

type BatteryManagerLike = EventTarget & { readonly level: number };
type NavigatorWithBattery = Navigator & { getBattery?: () => Promise<BatteryManagerLike> };

/**
 * Sharing my position while on duty: a switch the person turns on and off (remembered on this phone). While
 * on, every fix of `watchPosition` is queued and reported by PositionReporter. It also answers "where am I"
 * for a scan, an incident or an SOS, from the last fix or by asking the phone once.
 */
export class PositionSharing {
	status: SharingStatus = $state('off');
	/** Why the last attempt to locate the phone failed, also when sharing is off (for scans and SOS). */
	problem: NoPosition | null = $state(null);
	last: Whereabouts | null = $state.raw(null);
	waiting = $state(0);
	lastSentAt: number | null = $state(null);
	/** The last report did not get through: fixes wait for the network. */
	held = $state(false);

	readonly #reporter: PositionReporter;
	#watch: number | undefined;
	#battery: number | null = null;
	#stopBattery: (() => void) | undefined;

	constructor(api: PositionsApi) {
		this.#reporter = new PositionReporter({
			send: (fixes) => api.report(fixes),
			now: () => Date.now(),
			onChange: () => this.#sync(),
		});
	}

	get on(): boolean {
		return this.status !== 'off';
	}

	/** Resumes sharing if it was on when the page was last open; returns the cleanup. */
	start(): () => void {
		if (readPreference()) this.turnOn();
		const online = () => void this.#reporter.flush();
		window.addEventListener('online', online);
		return () => {
			window.removeEventListener('online', online);
			this.#stopWatching();
			this.#reporter.stop();
		};
	}

	turnOn(): void {
		writePreference(true);
		if (!('geolocation' in navigator)) {
			this.status = 'unsupported';
			this.problem = 'unsupported';
			return;
		}
		if (this.#watch !== undefined) return;
		this.status = 'starting';
		this.#reporter.start();
		void this.#followBattery();
		this.#watch = navigator.geolocation.watchPosition(
			(position) => {
				const where = whereaboutsOf(position);
				this.last = where;
				this.problem = null;
				this.status = 'on';
				this.#reporter.add(fixOf(where, this.#battery));
			},
			(error) => {
				const problem = noPositionOf(error);
				this.problem = problem;
				// A fix that times out is not a refusal: keep watching, it may come back outdoors.
				if (problem === 'denied') {
					this.status = 'denied';
					this.#stopWatching();
				} else if (this.status === 'starting') this.status = 'unavailable';
			},
			{ enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
		);
	}

	turnOff(): void {
		writePreference(false);
		this.#stopWatching();
		this.status = 'off';
		// What was measured while on still goes out; then the reporter rests.
		void this.#reporter.flush().finally(() => this.#reporter.stop());
	}

	/** Where the phone is now: the last fix if fresh, else one asked of the phone (waiting at most `timeoutMs`). */
	async whereAmI(timeoutMs = 8_000): Promise<Whereabouts | NoPosition> {
		const last = this.last;
		if (last && Date.now() - last.at < FRESH_MS) return last;
		if (!('geolocation' in navigator)) return (this.problem = 'unsupported');
		return new Promise((done) => {
			navigator.geolocation.getCurrentPosition(
				(position) => {
					const where = whereaboutsOf(position);
					this.last = where;
					this.problem = null;
					done(where);
				},
				(error) => {
					this.problem = noPositionOf(error);
					done(last ?? this.problem);
				},
				{ enableHighAccuracy: true, maximumAge: 15_000, timeout: timeoutMs },
			);
		});
	}

	#stopWatching(): void {
		if (this.#watch !== undefined) navigator.geolocation.clearWatch(this.#watch);
		this.#watch = undefined;
		this.#stopBattery?.();
		this.#stopBattery = undefined;
	}

	async #followBattery(): Promise<void> {
		const getBattery = (navigator as NavigatorWithBattery).getBattery;
		if (typeof getBattery !== 'function') return;
		try {
			const battery = await getBattery.call(navigator);
			const read = () => (this.#battery = battery.level * 100);
			read();
			battery.addEventListener('levelchange', read);
			this.#stopBattery = () => battery.removeEventListener('levelchange', read);
		} catch {
			this.#battery = null;
		}
	}

	#sync(): void {
		this.waiting = this.#reporter.waiting;
		this.lastSentAt = this.#reporter.lastDeliveredAt;
		this.held = this.#reporter.lastOutcome === 'retry';
	}
}

function readPreference(): boolean {
	try {
		return localStorage.getItem(PREFERENCE_KEY) === 'on';
	} catch {
		return false;
	}
}

function writePreference(on: boolean): void {
	try {
		localStorage.setItem(PREFERENCE_KEY, on ? 'on' : 'off');
	} catch {
		// A phone in private mode keeps no preference: sharing then starts off, which is the safe side.
	}
}
