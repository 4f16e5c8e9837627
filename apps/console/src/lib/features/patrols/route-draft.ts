import type { Problem } from '$lib/api/http';
import type { PatrolRouteInput, PatrolRouteView, Period } from './patrols-api';

/**
 * The route editor's working copy: what the form and the map edit together, in the form's own terms (text
 * for numbers, so that a half-typed value is not lost), turned into the api's input only when saved.
 */
export type DraftCheckpoint = {
	/** Stable across reorders, for the list's keys and the map's features. */
	readonly key: string;
	/** The stored checkpoint it edits; absent for one added here (the api gives it an id). */
	readonly id?: string;
	readonly name: string;
	readonly code: string;
	readonly point: readonly [number, number];
	readonly radiusMetres: string;
	/** Minutes from the round's start; empty spreads the checkpoints evenly over the window. */
	readonly expectedMinute: string;
};

export type DraftPeriod = { readonly start: string; readonly end: string; readonly intervalHours: string };

export type RouteDraft = {
	readonly name: string;
	readonly checkpoints: readonly DraftCheckpoint[];
	readonly day: DraftPeriod;
	readonly nightOn: boolean;
	readonly night: DraftPeriod;
	readonly windowMinutes: string;
	readonly toleranceMinutes: string;
};

const periodDraft = (period: Period): DraftPeriod => ({
	start: period.start,
	end: period.end,
	intervalHours: String(period.intervalHours),
});

const DEFAULT_NIGHT: DraftPeriod = { start: '22:00', end: '06:00', intervalHours: '1' };

export function draftOf(route: PatrolRouteView): RouteDraft {
	return {
		name: route.name,
		checkpoints: route.checkpoints.map((checkpoint) => ({
			key: checkpoint.id,
			id: checkpoint.id,
			name: checkpoint.name,
			code: checkpoint.code ?? '',
			point: checkpoint.point,
			radiusMetres: String(checkpoint.radiusMetres),
			expectedMinute: checkpoint.expectedMinute === null ? '' : String(checkpoint.expectedMinute),
		})),
		day: periodDraft(route.day),
		nightOn: route.night !== null,
		night: route.night ? periodDraft(route.night) : DEFAULT_NIGHT,
		windowMinutes: String(route.windowMinutes),
		toleranceMinutes: String(route.toleranceMinutes),
	};
}

/** A new route: walked every two hours by day and every hour by night, each round within 50 minutes. */
export const emptyDraft = (): RouteDraft => ({
	name: '',
	checkpoints: [],
	day: { start: '06:00', end: '22:00', intervalHours: '2' },
	nightOn: true,
	night: DEFAULT_NIGHT,
	windowMinutes: '50',
	toleranceMinutes: '10',
});

/**
 * A code for a new plate that no checkpoint of the draft has: the estate's prefix and the next free number
 * ("YJHT-P13"). The api still checks the estate's other routes and says so next to the field.
 */
export function suggestCode(draft: RouteDraft, prefix: string): string {
	const taken = new Set(draft.checkpoints.map((checkpoint) => checkpoint.code));
	for (let n = draft.checkpoints.length + 1; ; n++) {
		const code = `${prefix}${String(n).padStart(2, '0')}`;
		if (!taken.has(code)) return code;
	}
}

/** The common prefix of the draft's codes up to their number ("YJHT-P"), or a new one. */
export function codePrefix(draft: RouteDraft, fallback: string): string {
	const first = draft.checkpoints.find((checkpoint) => /\d+$/.test(checkpoint.code))?.code;
	return first ? first.replace(/\d+$/, '') : fallback;
}

export function addCheckpoint(
	draft: RouteDraft,
	point: readonly [number, number],
	key: string,
	name: string,
	code: string,
): RouteDraft {
	return {
		...draft,
		checkpoints: [
			...draft.checkpoints,
			{ key, name, code, point: [point[0], point[1]], radiusMetres: '50', expectedMinute: '' },
		],
	};
}

export function updateCheckpoint(
	draft: RouteDraft,
	key: string,
	change: Partial<Omit<DraftCheckpoint, 'key' | 'id'>>,
): RouteDraft {
	return {
		...draft,
		checkpoints: draft.checkpoints.map((checkpoint) =>
			checkpoint.key === key ? { ...checkpoint, ...change } : checkpoint,
		),
	};
}

export const removeCheckpoint = (draft: RouteDraft, key: string): RouteDraft => ({
	...draft,
	checkpoints: draft.checkpoints.filter((checkpoint) => checkpoint.key !== key),
});

/** Moves a checkpoint `by` places along the walking order (−1 earlier, +1 later); at an end it stays. */
export function reorderCheckpoint(draft: RouteDraft, key: string, by: number): RouteDraft {
	const from = draft.checkpoints.findIndex((checkpoint) => checkpoint.key === key);
	const to = from + by;
	if (from < 0 || to < 0 || to >= draft.checkpoints.length) return draft;
	const checkpoints = [...draft.checkpoints];
	const [moved] = checkpoints.splice(from, 1);
	if (moved) checkpoints.splice(to, 0, moved);
	return { ...draft, checkpoints };
}

/** Field errors by path, as the api names them ("checkpoints.2.code", "night", "day.intervalHours"). */
export type FieldErrors = ReadonlyMap<string, string>;

const number = (text: string): number | null => {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : null;
};

/**
 * The api's input from the draft, or the fields that are not numbers at all (the rules themselves, such as
 * periods that overlap, are the api's to judge: it names each offending field).
 */
export function inputOf(
	draft: RouteDraft,
	messages: { readonly notANumber: string; readonly required: string },
): { readonly ok: true; readonly input: PatrolRouteInput } | { readonly ok: false; readonly errors: FieldErrors } {
	const errors = new Map<string, string>();
	const need = (path: string, text: string): number => {
		const value = number(text);
		if (value === null) errors.set(path, text.trim() === '' ? messages.required : messages.notANumber);
		return value ?? 0;
	};
	const period = (path: string, period: DraftPeriod): Period => ({
		start: period.start,
		end: period.end,
		intervalHours: need(`${path}.intervalHours`, period.intervalHours),
	});
	const checkpoints = draft.checkpoints.map((checkpoint, index) => {
		const expected = number(checkpoint.expectedMinute);
		if (checkpoint.expectedMinute.trim() !== '' && expected === null)
			errors.set(`checkpoints.${index}.expectedMinute`, messages.notANumber);
		return {
			...(checkpoint.id ? { id: checkpoint.id } : {}),
			name: checkpoint.name.trim(),
			code: checkpoint.code.trim(),
			point: checkpoint.point,
			radiusMetres: need(`checkpoints.${index}.radiusMetres`, checkpoint.radiusMetres),
			...(expected === null ? {} : { expectedMinute: expected }),
		};
	});
	const input: PatrolRouteInput = {
		name: draft.name.trim(),
		checkpoints,
		day: period('day', draft.day),
		night: draft.nightOn ? period('night', draft.night) : null,
		windowMinutes: need('windowMinutes', draft.windowMinutes),
		toleranceMinutes: need('toleranceMinutes', draft.toleranceMinutes),
	};
	return errors.size > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The api's `errors[]` by path; a problem without them speaks for the whole form (under the empty path). */
export function fieldErrorsOf(problem: Problem, translate: (message: string) => string): FieldErrors {
	const errors = new Map<string, string>();
	for (const error of problem.errors ?? []) {
		const previous = errors.get(error.path);
		const text = translate(error.message);
		errors.set(error.path, previous ? `${previous}; ${text}` : text);
	}
	if (errors.size === 0) errors.set('', translate(problem.detail ?? problem.title));
	return errors;
}

/** The errors of one field and of everything under it ("night" also shows "night.intervalHours"). */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
	return [...errors].filter(([key]) => key === path || key.startsWith(`${path}.`)).map(([, message]) => message);
}
