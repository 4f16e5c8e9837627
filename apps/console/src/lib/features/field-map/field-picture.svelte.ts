/* eslint-disable svelte/prefer-svelte-reactivity -- the maps are immutable, swapped whole into $state.raw per change (no deep proxy over every person); the Set is private bookkeeping, not state */
import { PositionFrame } from '@estate-ops/domain/positions';
import type { WireEvent } from '$lib/api/events';
import type { ApiFailure, ApiResult } from '$lib/api/http';
import type { CleaningApi, CleaningDay } from '$lib/features/cleaning/cleaning-api';
import { applyCleaningEvent, isCleaningEvent } from '$lib/features/cleaning/zone-progress';
import type { PatrolRouteView, PatrolsApi, RoundView } from '$lib/features/patrols/patrols-api';
import { addFeedAlert, patrolFeedAlertOf } from '$lib/features/patrols/patrol-alert-feed';
import type { PatrolFeedAlert } from '$lib/features/patrols/patrol-alert-feed';
import { applyPatrolEvent, isPatrolEvent } from '$lib/features/patrols/round-progress';
import type { AlertsApi, FieldAlertView } from './alerts-api';
import { applyAlertEvent, isAlertEvent } from './field-alerts';
import type { OpenAlerts } from './field-alerts';
import { applyFrames, peopleFromLatest, reconcilePeople } from './field-people';
import type { People } from './field-people';
import type { PositionsApi, Track } from './positions-api';

/** Where the picture hears of changes: the live estate's socket and its catch-up. */
export type FieldSource = {
	onEvent(listener: (event: WireEvent) => void): () => void;
	onPositions(listener: (frame: unknown) => void): () => void;
	onLive(listener: () => void): () => void;
};

/** Which parts this person may see (their permissions), so that nothing is asked for in vain. */
export type FieldScope = {
	readonly positions: boolean;
	readonly alerts: boolean;
	readonly patrols: boolean;
	readonly cleaning: boolean;
};

export type FieldPictureDeps = {
	readonly positions: PositionsApi;
	readonly alerts: AlertsApi;
	readonly patrols: Pick<PatrolsApi, 'routes' | 'rounds'>;
	readonly cleaning: Pick<CleaningApi, 'day'>;
	readonly scope: FieldScope;
	/** Names a person who appears in a frame before any list named them. */
	readonly nameOf: (personId: string) => string | null;
	/** How often frames are folded into the picture: the map redraws people at most this often. */
	readonly frameMs?: number;
	/** Rounds start and close by the clock, not by events: they are read again this often. */
	readonly roundsMs?: number;
};

const FRAME_MS = 250;
const ROUNDS_MS = 60_000;

/**
 * The field as the control room sees it, live: people and their positions (from `guard.positions` frames,
 * folded a few times a second), open SOS alerts, the patrol rounds open now and today's cleaning zones (from
 * outbox events, with the same reducers the pages use). After every (re)connect it reads everything again,
 * since frames are never replayed, and re-applies the events that arrived while it was reading.
 */
export class FieldPicture {
	people: People = $state.raw(new Map());
	alerts: OpenAlerts = $state.raw(new Map());
	routes: readonly PatrolRouteView[] = $state.raw([]);
	rounds: readonly RoundView[] = $state.raw([]);
	cleaning: CleaningDay | null = $state.raw(null);
	/** Checkpoints and rounds late or missed, for the control room's feed (newest first). */
	patrolAlerts: readonly PatrolFeedAlert[] = $state.raw([]);
	/** The first full read has arrived. */
	loaded = $state(false);
	failure: ApiFailure | null = $state(null);

	readonly scope: FieldScope;
	readonly #deps: FieldPictureDeps;
	#frames: PositionFrame[] = [];
	#flush: ReturnType<typeof setTimeout> | undefined;
	/** Events that arrived during a read: applied at once and again on top of what the read returns. */
	#during: WireEvent[] | null = null;
	#roundsInFlight = false;
	#roundsAgain = false;
	#cleaningInFlight = false;
	#cleaningAgain = false;
	#sosListeners = new Set<(alert: FieldAlertView) => void>();

	constructor(deps: FieldPictureDeps) {
		this.#deps = deps;
		this.scope = deps.scope;
	}

	/** Follows the live estate; returns the function that stops (an `$effect` cleanup). */
	follow(source: FieldSource): () => void {
		const stops = [
			source.onEvent((event) => this.#event(event)),
			source.onPositions((frame) => this.#frame(frame)),
			source.onLive(() => void this.load()),
		];
		const timer = this.scope.patrols
			? setInterval(() => void this.reloadRounds(), this.#deps.roundsMs ?? ROUNDS_MS)
			: undefined;
		return () => {
			for (const stop of stops) stop();
			clearInterval(timer);
			clearTimeout(this.#flush);
			this.#flush = undefined;
			this.#frames = [];
		};
	}

	/** A press of SOS (new or repeated): the shell sounds it, whatever page is on screen. */
	onSos(listener: (alert: FieldAlertView) => void): () => void {
		this.#sosListeners.add(listener);
		return () => this.#sosListeners.delete(listener);
	}

	/** Reads the whole picture again. */
	async load(): Promise<void> {
		const { scope } = this;
		const deps = this.#deps;
		this.#during = [];
		const [positions, alerts, routes, rounds, cleaning] = await Promise.all([
			scope.positions ? deps.positions.latest() : null,
			scope.alerts ? deps.alerts.open() : null,
			scope.patrols ? deps.patrols.routes() : null,
			scope.patrols ? deps.patrols.rounds() : null,
			scope.cleaning ? deps.cleaning.day() : null,
		]);
		const during = this.#during;
		this.#during = null;
		const failed = [positions, alerts, routes, rounds, cleaning].find((result) => result && !result.ok);
		this.failure = failed && !failed.ok ? failed.failure : null;
		if (positions?.ok) {
			// Frames go out as fixes are taken in, before they are written: one may be later than the api's answer.
			this.people = reconcilePeople(peopleFromLatest(positions.value.positions), this.people);
		}
		if (alerts?.ok) this.alerts = new Map(alerts.value.map((alert) => [alert.id, alert]));
		if (routes?.ok) this.routes = routes.value;
		if (rounds?.ok) this.rounds = rounds.value.current;
		if (cleaning?.ok) this.cleaning = cleaning.value;
		for (const event of during) this.#apply(event, false);
		if (!failed) this.loaded = true;
	}

	/** Reads the open rounds again (and the routes, which a round may have been generated from). */
	async reloadRounds(): Promise<void> {
		if (!this.scope.patrols) return;
		if (this.#roundsInFlight) {
			this.#roundsAgain = true;
			return;
		}
		this.#roundsInFlight = true;
		try {
			do {
				this.#roundsAgain = false;
				const [routes, rounds] = await Promise.all([this.#deps.patrols.routes(), this.#deps.patrols.rounds()]);
				if (routes.ok) this.routes = routes.value;
				if (rounds.ok) this.rounds = rounds.value.current;
			} while (this.#roundsAgain);
		} finally {
			this.#roundsInFlight = false;
		}
	}

	async reloadCleaning(): Promise<void> {
		if (!this.scope.cleaning) return;
		if (this.#cleaningInFlight) {
			this.#cleaningAgain = true;
			return;
		}
		this.#cleaningInFlight = true;
		try {
			do {
				this.#cleaningAgain = false;
				const day = await this.#deps.cleaning.day();
				if (day.ok) this.cleaning = day.value;
			} while (this.#cleaningAgain);
		} finally {
			this.#cleaningInFlight = false;
		}
	}

	dismissPatrolAlert(id: string): void {
		this.patrolAlerts = this.patrolAlerts.filter((alert) => alert.id !== id);
	}

	track(personId: string): Promise<ApiResult<Track>> {
		return this.#deps.positions.track(personId);
	}

	async acknowledge(id: string): Promise<ApiResult<FieldAlertView>> {
		const result = await this.#deps.alerts.acknowledge(id);
		if (result.ok) this.#putAlert(result.value);
		else if (result.failure.kind === 'problem' && result.failure.problem.status === 409) await this.#reloadAlerts();
		return result;
	}

	async resolve(id: string, resolution: string): Promise<ApiResult<FieldAlertView>> {
		const result = await this.#deps.alerts.resolve(id, resolution);
		if (result.ok) this.#putAlert(result.value);
		else if (result.failure.kind === 'problem' && result.failure.problem.status === 409) await this.#reloadAlerts();
		return result;
	}

	async #reloadAlerts(): Promise<void> {
		const alerts = await this.#deps.alerts.open();
		if (alerts.ok) this.alerts = new Map(alerts.value.map((alert) => [alert.id, alert]));
	}

	#putAlert(alert: FieldAlertView): void {
		const held = this.alerts.get(alert.id);
		if (held && held.version >= alert.version) return;
		const next = new Map(this.alerts);
		if (alert.status === 'resolved') next.delete(alert.id);
		else next.set(alert.id, alert);
		this.alerts = next;
	}

	#event(event: WireEvent): void {
		this.#during?.push(event);
		this.#apply(event, true);
	}

	#apply(event: WireEvent, live: boolean): void {
		if (isAlertEvent(event) && this.scope.alerts) {
			const outcome = applyAlertEvent(this.alerts, event);
			this.alerts = outcome.open;
			const raised = outcome.raised;
			if (raised && live) for (const listener of this.#sosListeners) listener(raised);
		} else if (isPatrolEvent(event) && this.scope.patrols) {
			const alert = patrolFeedAlertOf(event);
			if (alert && live) this.patrolAlerts = addFeedAlert(this.patrolAlerts, alert);
			const outcome = applyPatrolEvent(this.rounds, event);
			this.rounds = outcome.rounds;
			if (outcome.reload && live) void this.reloadRounds();
		} else if (isCleaningEvent(event) && this.scope.cleaning && this.cleaning) {
			const outcome = applyCleaningEvent(this.cleaning, event);
			this.cleaning = outcome.day;
			if (outcome.reload && live) void this.reloadCleaning();
		}
	}

	#frame(raw: unknown): void {
		if (!this.scope.positions) return;
		const parsed = PositionFrame.safeParse(raw);
		if (!parsed.success) return;
		this.#frames.push(parsed.data);
		this.#flush ??= setTimeout(() => {
			this.#flush = undefined;
			const frames = this.#frames;
			this.#frames = [];
			this.people = applyFrames(this.people, frames, this.#deps.nameOf);
		}, this.#deps.frameMs ?? FRAME_MS);
	}
}
