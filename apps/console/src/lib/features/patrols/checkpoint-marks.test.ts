import { describe, expect, it } from 'vitest';
import type { PatrolRouteView, RoundView } from './patrols-api';
import { byCheckpointAttention, checkpointFeatures, checkpointMarks, siteCheckpointMarks } from './checkpoint-marks';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

const route = (id: string, name: string, ids: string[]): PatrolRouteView => ({
	id,
	name,
	version: 1,
	day: { start: '06:00', end: '22:00', intervalHours: 2 },
	night: null,
	windowMinutes: 50,
	toleranceMinutes: 10,
	createdAt: at('00:00:00'),
	updatedAt: at('00:00:00'),
	archivedAt: null,
	checkpoints: ids.map((checkpointId, index) => ({
		id: checkpointId,
		sequence: index + 1,
		name: `点${checkpointId}`,
		point: [121.5 + index / 1000, 31.2],
		zoneId: null,
		radiusMetres: 40,
		expectedMinute: null,
		toleranceMinutes: null,
	})),
});

const open: RoundView = {
	id: 'r1',
	routeId: 'p',
	routeName: '周界',
	localDate: '2026-03-02',
	period: 'day',
	startsAt: at('01:00:00'),
	windowEndsAt: at('01:50:00'),
	assigneeId: null,
	status: 'in_progress',
	completion: 0.5,
	closedAt: null,
	evaluatedAt: at('01:10:00'),
	counts: { visited: 1, late: 0, missed: 0, due: 1, upcoming: 0 },
	checkpoints: [
		{
			checkpointId: 'p1',
			name: '点p1',
			sequence: 1,
			point: [121.5, 31.2],
			zoneId: null,
			state: 'visited',
			dueAt: at('01:10:00'),
			lateAfter: at('01:20:00'),
			behind: false,
			scannedAt: at('01:08:00'),
			guardId: 'g1',
			flags: [],
		},
		{
			checkpointId: 'p2',
			name: '点p2',
			sequence: 2,
			point: [121.501, 31.2],
			zoneId: null,
			state: 'due',
			dueAt: at('01:20:00'),
			lateAfter: at('01:30:00'),
			behind: true,
			scannedAt: null,
			guardId: null,
			flags: [],
		},
	],
};

describe('checkpointMarks', () => {
	it('colours each checkpoint by its state in the route’s open round, and idles the routes between rounds', () => {
		const marks = checkpointMarks([route('p', '周界', ['p1', 'p2']), route('i', '内部', ['i1'])], [open], at('01:31:00'));
		expect(marks.map((mark) => [mark.id, mark.state, mark.behind, mark.roundId])).toEqual([
			['p1', 'visited', false, 'r1'],
			['p2', 'due', true, 'r1'],
			['i1', 'idle', false, null],
		]);
	});

	it('moves states on with the clock: the window closing misses what was not scanned', () => {
		const marks = checkpointMarks([route('p', '周界', ['p1', 'p2'])], [open], at('01:50:00'));
		expect(marks.map((mark) => mark.state)).toEqual(['visited', 'missed']);
	});

	it('shows a round of a route it has not read yet from the round itself, and leaves retired routes out', () => {
		const retired = { ...route('p', '周界', ['p1', 'p2']), archivedAt: at('00:00:00') };
		expect(checkpointMarks([retired], [open], at('01:10:00')).map((mark) => mark.id)).toEqual(['p1', 'p2']);
	});

	it('sorts the list missed, late, behind, due, upcoming, visited, idle', () => {
		const marks = checkpointMarks([route('p', '周界', ['p1', 'p2']), route('i', '内部', ['i1'])], [open], at('01:31:00'));
		expect([...marks].sort(byCheckpointAttention).map((mark) => mark.id)).toEqual(['p2', 'p1', 'i1']);
	});

	it('gives the map one point per checkpoint with its state', () => {
		const [feature] = checkpointFeatures(checkpointMarks([route('i', '内部', ['i1'])], [], at('01:00:00'))).features;
		expect(feature?.properties).toEqual({ id: 'i1', name: '点i1', sequence: 1, state: 'idle', behind: false });
	});
});

describe('siteCheckpointMarks', () => {
	it('takes the site plan’s checkpoints, idle, for those who may not see patrols', () => {
		const marks = siteCheckpointMarks([
			{ id: 'x', geometry: { type: 'Point', coordinates: [121.5, 31.2] }, properties: { layer: 'feature', kind: 'checkpoint', name: '北门' } },
			{ id: 'y', geometry: { type: 'Point', coordinates: [121.5, 31.2] }, properties: { layer: 'feature', kind: 'gate', name: '北门' } },
		]);
		expect(marks).toEqual([expect.objectContaining({ id: 'x', name: '北门', state: 'idle', point: [121.5, 31.2] })]);
	});
});
