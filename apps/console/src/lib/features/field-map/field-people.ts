import { mergeFramePosition } from '@estate-ops/domain/positions';
import type { FieldRole, FramePosition, PositionFrame } from '@estate-ops/domain/positions';
import type { PositionView } from './positions-api';

/** A person on the map: their latest fix as the frames and the api give it, and their name when known. */
export type FieldPerson = FramePosition & { readonly name: string | null };

export type People = ReadonlyMap<string, FieldPerson>;

/** The people of `GET /api/v1/positions`, keyed by person. */
export function peopleFromLatest(positions: readonly PositionView[]): Map<string, FieldPerson> {
	return new Map(
		positions.map((position) => [
			position.personId,
			{
				personId: position.personId,
				role: position.role,
				lng: position.lng,
				lat: position.lat,
				accuracyM: position.accuracyM,
				headingDeg: position.headingDeg,
				at: position.at,
				stale: position.stale,
				outside: position.outside,
				name: position.displayName,
			},
		]),
	);
}

/**
 * Folds frames into the people with the domain's own merge (newest fix by device time wins, a stale notice
 * about the same fix replaces it, an older one changes nothing). Answers the same map when nothing changed, so
 * a frame of stale news redraws nothing.
 */
export function applyFrames(
	people: People,
	frames: readonly PositionFrame[],
	nameOf: (personId: string) => string | null,
): People {
	let next: Map<string, FieldPerson> | null = null;
	for (const frame of frames)
		for (const update of frame.positions) {
			const current = (next ?? people).get(update.personId);
			const merged = mergeFramePosition(current, update);
			if (merged === current) continue;
			next ??= new Map(people);
			next.set(update.personId, { ...merged, name: current?.name ?? nameOf(update.personId) });
		}
	return next ?? people;
}

/**
 * The picture after a reload (a reconnect): the api's answer, except where a frame that arrived meanwhile
 * carries a later fix than the one the api read.
 */
export function reconcilePeople(loaded: People, held: People): People {
	const next = new Map(loaded);
	for (const [personId, person] of held) {
		const fresh = loaded.get(personId);
		if (!fresh || person.at.getTime() > fresh.at.getTime())
			next.set(personId, { ...person, name: fresh?.name ?? person.name });
	}
	return next;
}

export type PeopleCounts = {
	readonly total: number;
	readonly byRole: Readonly<Record<FieldRole, number>>;
	readonly stale: number;
	readonly outside: number;
};

export function peopleCounts(people: Iterable<FieldPerson>): PeopleCounts {
	const byRole: Record<FieldRole, number> = { guard: 0, cleaner: 0, technician: 0 };
	let total = 0;
	let stale = 0;
	let outside = 0;
	for (const person of people) {
		total++;
		byRole[person.role]++;
		if (person.stale) stale++;
		if (person.outside) outside++;
	}
	return { total, byRole, stale, outside };
}

const ROLE_ORDER: Readonly<Record<FieldRole, number>> = { guard: 0, technician: 1, cleaner: 2 };

/**
 * The people list's order: anyone with an SOS first, then those outside the boundary, the live before the
 * stale, then guards, technicians and cleaners, each by name.
 */
export function byAttention(sos: ReadonlySet<string>) {
	return (a: FieldPerson, b: FieldPerson): number =>
		Number(sos.has(b.personId)) - Number(sos.has(a.personId)) ||
		Number(b.outside) - Number(a.outside) ||
		Number(a.stale) - Number(b.stale) ||
		ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
		(a.name ?? a.personId).localeCompare(b.name ?? b.personId, 'zh-Hans');
}
