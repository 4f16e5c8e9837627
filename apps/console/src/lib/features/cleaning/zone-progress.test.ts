import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import type { SitePlan } from '$lib/api/estate';
import type { CleaningDay, ZoneView } from './cleaning-api';
import { applyCleaningEvent, byTaskAttention, byZoneAttention, zoneCentre, zoneFeatures } from './zone-progress';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

const zone = (zoneId: string, change: Partial<ZoneView> = {}): ZoneView => ({
	zoneId,
	name: zoneId,
	kind: 'road',
	buildingId: null,
	status: 'due',
	nextDueAt: at('02:00:00'),
	counts: { upcoming: 0, due: 1, overdue: 0, done: 0 },
	tasks: [
		{
			id: `${zoneId}:sweep:2026-03-02T02:00:00.000Z`,
			taskId: 'sweep',
			taskName: '清扫',
			windowStartsAt: at('01:00:00'),
			dueAt: at('02:00:00'),
			reason: 'plan',
			state: 'due',
			late: false,
			completion: null,
		},
	],
	...change,
});

const day = (...zones: ZoneView[]): CleaningDay => ({
	date: '2026-03-02',
	timeZone: 'Asia/Shanghai',
	evaluatedAt: at('01:00:00'),
	conditions: [],
	zones,
});

const event = (type: string, payload: unknown): WireEvent => ({
	seq: 1,
	estateId: 'e1',
	type,
	aggregateType: 'cleaningZone',
	aggregateId: 'z1',
	at: '2026-03-02T01:30:00.000Z',
	payload,
});

describe('applyCleaningEvent', () => {
	it('fills a zone with its new status', () => {
		const outcome = applyCleaningEvent(
			day(zone('z1')),
			event('cleaning.zoneStatus', {
				zoneId: 'z1',
				zoneName: 'z1',
				zoneKind: 'road',
				localDate: '2026-03-02',
				status: 'done',
				previousStatus: 'due',
				nextDueAt: null,
				counts: { upcoming: 0, due: 0, overdue: 0, done: 1 },
				at: '2026-03-02T01:30:00.000Z',
			}),
		);
		expect(outcome.reload).toBe(false);
		expect(outcome.day.zones[0]).toMatchObject({ status: 'done', nextDueAt: null, counts: { done: 1 } });
	});

	it('leaves another day’s status alone', () => {
		const held = day(zone('z1'));
		const outcome = applyCleaningEvent(
			held,
			event('cleaning.zoneStatus', { zoneId: 'z1', localDate: '2026-03-01', status: 'done', nextDueAt: null, counts: {} }),
		);
		expect(outcome.day).toBe(held);
	});

	it('marks a round done with who and when', () => {
		const task = zone('z1').tasks[0];
		const outcome = applyCleaningEvent(
			day(zone('z1')),
			event('cleaning.taskDone', {
				taskInstanceId: task?.id,
				zoneId: 'z1',
				zoneName: 'z1',
				taskId: 'sweep',
				taskName: '清扫',
				dueAt: '2026-03-02T02:00:00.000Z',
				doneAt: '2026-03-02T01:30:00.000Z',
				late: false,
				cleanerId: 'c1',
				photoAttachmentId: 'p1',
			}),
		);
		expect(outcome.day.zones[0]?.tasks[0]).toMatchObject({
			state: 'done',
			completion: { doneAt: at('01:30:00'), cleanerId: 'c1', photoAttachmentId: 'p1' },
		});
	});

	it('reads the day again when a condition adds rounds, or a zone it does not hold changed', () => {
		expect(applyCleaningEvent(day(zone('z1')), event('cleaning.conditionSwitchedOn', {})).reload).toBe(true);
		expect(
			applyCleaningEvent(
				day(zone('z1')),
				event('cleaning.zoneStatus', { zoneId: 'z9', localDate: '2026-03-02', status: 'due', nextDueAt: null, counts: {} }),
			).reload,
		).toBe(true);
	});
});

describe('the desk’s order', () => {
	it('puts overdue zones first, then due, idle and done, soonest next round first', () => {
		const zones = [
			zone('done', { status: 'done', nextDueAt: null }),
			zone('due-late', { status: 'due', nextDueAt: at('03:00:00') }),
			zone('idle', { status: 'idle', nextDueAt: at('05:00:00') }),
			zone('overdue', { status: 'overdue' }),
			zone('due-soon', { status: 'due', nextDueAt: at('02:00:00') }),
		];
		expect(zones.sort(byZoneAttention).map((z) => z.zoneId)).toEqual(['overdue', 'due-soon', 'due-late', 'idle', 'done']);
	});

	it('puts a zone’s overdue rounds first, then due, upcoming, done', () => {
		const task = zone('z').tasks[0];
		if (!task) throw new Error('fixture');
		const tasks = [
			{ ...task, id: 'done', state: 'done' as const },
			{ ...task, id: 'up', state: 'upcoming' as const },
			{ ...task, id: 'over', state: 'overdue' as const },
		];
		expect(tasks.sort(byTaskAttention).map((t) => t.id)).toEqual(['over', 'up', 'done']);
	});
});

describe('zoneFeatures', () => {
	const sitePlan: SitePlan = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				id: 'lawn',
				geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 0]]] },
				properties: { layer: 'zone', kind: 'green', name: '中心花园' },
			},
			{
				type: 'Feature',
				id: 'hall',
				geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
				properties: { layer: 'zone', kind: 'corridor', name: '1栋楼道' },
			},
			{
				type: 'Feature',
				id: 'gate',
				geometry: { type: 'Point', coordinates: [3, 3] },
				properties: { layer: 'feature', kind: 'gate', name: '北门' },
			},
			{
				type: 'Feature',
				id: 'nobody',
				geometry: { type: 'Point', coordinates: [3, 3] },
				properties: { layer: 'zone', kind: 'toilet', name: '无任务' },
			},
		],
	};

	it('draws the cleaning zones with their status, indoor ones outlined', () => {
		const collection = zoneFeatures(sitePlan, new Map([['lawn', 'overdue'], ['hall', 'done']]));
		expect(collection.features.map((feature) => feature.properties)).toEqual([
			{ id: 'lawn', name: '中心花园', kind: 'green', status: 'overdue', indoor: false },
			{ id: 'hall', name: '1栋楼道', kind: 'corridor', status: 'done', indoor: true },
		]);
	});

	it('finds where to fly to for a zone', () => {
		expect(zoneCentre(sitePlan, 'lawn')).toEqual([1, 1]);
		expect(zoneCentre(sitePlan, 'gate')).toEqual([3, 3]);
		expect(zoneCentre(sitePlan, 'missing')).toBeNull();
	});
});
