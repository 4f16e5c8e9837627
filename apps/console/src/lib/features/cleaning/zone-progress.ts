import { z } from 'zod';
import type { WireEvent } from '$lib/api/events';
import type { SitePlan } from '$lib/api/estate';
import { TaskState, ZoneStatus } from './cleaning-api';
import type { CleaningDay, CleaningTaskView, ZoneView } from './cleaning-api';

export const isCleaningEvent = (event: Pick<WireEvent, 'type'>): boolean => event.type.startsWith('cleaning.');

/** What a cleaning event did to the day on screen, and whether only a fresh read can say the rest. */
export type DayOutcome = { readonly day: CleaningDay; readonly reload: boolean };

const Iso = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const StatusPayload = z.object({
	zoneId: z.string(),
	localDate: z.string(),
	status: ZoneStatus,
	nextDueAt: Iso.nullable(),
	counts: z.record(TaskState, z.number().int()),
});

const DonePayload = z.object({
	taskInstanceId: z.string(),
	zoneId: z.string(),
	doneAt: Iso,
	late: z.boolean(),
	cleanerId: z.string(),
	photoAttachmentId: z.string().nullable(),
});

function updateZone(day: CleaningDay, zoneId: string, change: (zone: ZoneView) => ZoneView): DayOutcome {
	const index = day.zones.findIndex((zone) => zone.zoneId === zoneId);
	const zone = day.zones[index];
	if (!zone) return { day, reload: true };
	const zones = [...day.zones];
	zones[index] = change(zone);
	return { day: { ...day, zones }, reload: false };
}

/**
 * Folds one cleaning event into the day: a zone's new status (what the map fills it with) and a round marked
 * done. A condition switched on or off adds or removes rounds, which only the api's schedule knows: reload.
 */
export function applyCleaningEvent(day: CleaningDay, event: WireEvent): DayOutcome {
	switch (event.type) {
		case 'cleaning.zoneStatus': {
			const parsed = StatusPayload.safeParse(event.payload);
			if (!parsed.success) return { day, reload: true };
			const status = parsed.data;
			if (status.localDate !== day.date) return { day, reload: false };
			return updateZone(day, status.zoneId, (zone) => ({
				...zone,
				status: status.status,
				nextDueAt: status.nextDueAt,
				counts: status.counts,
			}));
		}
		case 'cleaning.taskDone': {
			const parsed = DonePayload.safeParse(event.payload);
			if (!parsed.success) return { day, reload: true };
			const done = parsed.data;
			return updateZone(day, done.zoneId, (zone) => ({
				...zone,
				tasks: zone.tasks.map(
					(task): CleaningTaskView =>
						task.id === done.taskInstanceId && task.completion === null
							? {
									...task,
									state: 'done',
									late: done.late,
									completion: {
										id: done.taskInstanceId,
										doneAt: done.doneAt,
										cleanerId: done.cleanerId,
										photoAttachmentId: done.photoAttachmentId,
										note: null,
									},
								}
							: task,
				),
			}));
		}
		default:
			return { day, reload: isCleaningEvent(event) };
	}
}

/** The cleaning desk's order: overdue zones first, then due, idle, done; soonest next round first within each. */
export const ZONE_ATTENTION: Readonly<Record<ZoneStatus, number>> = { overdue: 0, due: 1, idle: 2, done: 3 };

export const byZoneAttention = (a: ZoneView, b: ZoneView): number =>
	ZONE_ATTENTION[a.status] - ZONE_ATTENTION[b.status] ||
	(a.nextDueAt?.getTime() ?? Infinity) - (b.nextDueAt?.getTime() ?? Infinity) ||
	a.name.localeCompare(b.name, 'zh-Hans');

const TASK_ATTENTION: Readonly<Record<TaskState, number>> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/** A zone's rounds: overdue first, then due, upcoming and done, each by due time. */
export const byTaskAttention = (a: CleaningTaskView, b: CleaningTaskView): number =>
	TASK_ATTENTION[a.state] - TASK_ATTENTION[b.state] || a.dueAt.getTime() - b.dueAt.getTime();

type ZoneGeometry =
	| { readonly type: 'Polygon' | 'MultiPolygon' | 'LineString' | 'MultiLineString' | 'Point'; readonly coordinates: unknown };

export type ZoneShape = {
	readonly type: 'Feature';
	readonly geometry: ZoneGeometry;
	readonly properties: {
		readonly id: string;
		readonly name: string;
		readonly kind: string;
		readonly status: ZoneStatus;
		/** Drawn inside a building (a corridor, a lift, a lobby): outlined or dotted, never filled over it. */
		readonly indoor: boolean;
	};
};

export type ZoneCollection = { readonly type: 'FeatureCollection'; readonly features: ZoneShape[] };

const INDOOR = new Set(['corridor', 'lift', 'lobby']);
const DRAWN = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'Point']);

/** The cleaning zones of the site plan, each with its status of the day (idle when it has no rounds). */
export function zoneFeatures(sitePlan: SitePlan, statuses: ReadonlyMap<string, ZoneStatus>): ZoneCollection {
	const features: ZoneShape[] = [];
	for (const feature of sitePlan.features) {
		if (feature.properties.layer !== 'zone' || !DRAWN.has(feature.geometry.type)) continue;
		if (!statuses.has(feature.id)) continue;
		features.push({
			type: 'Feature',
			geometry: feature.geometry as ZoneGeometry,
			properties: {
				id: feature.id,
				name: feature.properties.name ?? '',
				kind: feature.properties.kind,
				status: statuses.get(feature.id) ?? 'idle',
				indoor: INDOOR.has(feature.properties.kind),
			},
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Where to fly to for a zone: the middle of its outline's bounds, or its point. */
export function zoneCentre(sitePlan: SitePlan, zoneId: string): [number, number] | null {
	const feature = sitePlan.features.find((candidate) => candidate.id === zoneId);
	if (!feature) return null;
	const points: [number, number][] = [];
	const collect = (value: unknown): void => {
		if (!Array.isArray(value)) return;
		if (typeof value[0] === 'number' && typeof value[1] === 'number') points.push([value[0], value[1]]);
		else for (const item of value) collect(item);
	};
	collect(feature.geometry.coordinates);
	if (points.length === 0) return null;
	const lngs = points.map((point) => point[0]);
	const lats = points.map((point) => point[1]);
	return [(Math.min(...lngs) + Math.max(...lngs)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}
