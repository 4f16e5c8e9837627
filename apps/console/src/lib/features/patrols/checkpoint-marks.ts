import { hashOf } from '$lib/features/map/order-features';
import type { CheckpointState, PatrolRouteView, RoundView } from './patrols-api';
import { CHECKPOINT_ATTENTION, shownCheckpointState } from './round-progress';

/** A checkpoint's state on the map: its state in the round open now, or `idle` between rounds. */
export type CheckpointMarkState = CheckpointState | 'idle';

/** One checkpoint as the map layer and the checkpoint list show it. */
export type CheckpointMark = {
	readonly id: string;
	readonly name: string;
	readonly routeId: string;
	readonly routeName: string;
	readonly sequence: number;
	readonly point: [number, number];
	readonly state: CheckpointMarkState;
	/** Due and unscanned past its tolerance: the guard is behind. */
	readonly behind: boolean;
	readonly dueAt: Date | null;
	readonly scannedAt: Date | null;
	readonly roundId: string | null;
};

/**
 * Every checkpoint of the active routes with its state in the route's open round (at `now`). A route with no
 * round open shows its checkpoints idle; a round of a route the list does not have yet is shown from the round.
 */
export function checkpointMarks(
	routes: readonly PatrolRouteView[],
	current: readonly RoundView[],
	now: Date,
): CheckpointMark[] {
	const openRound = new Map(current.map((round) => [round.routeId, round]));
	const marks: CheckpointMark[] = [];
	const seen = new Set<string>();
	for (const route of routes) {
		if (route.archivedAt !== null) continue;
		seen.add(route.id);
		const round = openRound.get(route.id);
		const inRound = new Map(round?.checkpoints.map((checkpoint) => [checkpoint.checkpointId, checkpoint]));
		for (const checkpoint of route.checkpoints) {
			const progress = inRound.get(checkpoint.id);
			marks.push({
				id: checkpoint.id,
				name: checkpoint.name,
				routeId: route.id,
				routeName: route.name,
				sequence: checkpoint.sequence,
				point: checkpoint.point,
				state: round && progress ? shownCheckpointState(progress, round, now) : 'idle',
				behind: progress?.behind ?? false,
				dueAt: progress?.dueAt ?? null,
				scannedAt: progress?.scannedAt ?? null,
				roundId: round && progress ? round.id : null,
			});
		}
	}
	for (const round of current) {
		if (seen.has(round.routeId)) continue;
		for (const checkpoint of round.checkpoints)
			marks.push({
				id: checkpoint.checkpointId,
				name: checkpoint.name,
				routeId: round.routeId,
				routeName: round.routeName,
				sequence: checkpoint.sequence,
				point: checkpoint.point,
				state: shownCheckpointState(checkpoint, round, now),
				behind: checkpoint.behind,
				dueAt: checkpoint.dueAt,
				scannedAt: checkpoint.scannedAt,
				roundId: round.id,
			});
	}
	return marks;
}

const MARK_ATTENTION: Readonly<Record<CheckpointMarkState, number>> = { ...CHECKPOINT_ATTENTION, idle: 5 };

/** The checkpoint list's order: missed, late, behind, due … then by route and walking order. */
export const byCheckpointAttention = (a: CheckpointMark, b: CheckpointMark): number =>
	MARK_ATTENTION[a.state] - MARK_ATTENTION[b.state] ||
	Number(b.behind) - Number(a.behind) ||
	a.routeName.localeCompare(b.routeName, 'zh-Hans') ||
	a.sequence - b.sequence;

export type CheckpointPoint = {
	readonly type: 'Feature';
	readonly id: number;
	readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
	readonly properties: {
		readonly id: string;
		readonly name: string;
		readonly sequence: number;
		readonly state: CheckpointMarkState;
		readonly behind: boolean;
	};
};

export type CheckpointCollection = { readonly type: 'FeatureCollection'; readonly features: CheckpointPoint[] };

export const checkpointFeatures = (marks: readonly CheckpointMark[]): CheckpointCollection => ({
	type: 'FeatureCollection',
	features: marks.map((mark) => ({
		type: 'Feature',
		id: hashOf(mark.id),
		geometry: { type: 'Point', coordinates: mark.point },
		properties: {
			id: mark.id,
			name: mark.name,
			sequence: mark.sequence,
			state: mark.state,
			behind: mark.behind,
		},
	})),
});

/**
 * The checkpoints the site plan draws, all idle: what the map shows someone who may see the estate but not
 * the patrols.
 */
export function siteCheckpointMarks(
	features: readonly {
		readonly id: string;
		readonly geometry: { readonly type: string; readonly coordinates: unknown };
		readonly properties: { readonly layer: string; readonly kind: string; readonly name: string | null };
	}[],
): CheckpointMark[] {
	return features.flatMap((feature, index): CheckpointMark[] => {
		const { properties, geometry } = feature;
		if (properties.layer !== 'feature' || properties.kind !== 'checkpoint' || geometry.type !== 'Point')
			return [];
		const [lng, lat] = geometry.coordinates as [number, number];
		return [
			{
				id: feature.id,
				name: properties.name ?? '',
				routeId: '',
				routeName: '',
				sequence: index + 1,
				point: [lng, lat],
				state: 'idle',
				behind: false,
				dueAt: null,
				scannedAt: null,
				roundId: null,
			},
		];
	});
}
