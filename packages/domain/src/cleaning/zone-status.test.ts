import { describe, expect, it } from 'vitest';
import { EstateId, StaffId, ZoneId } from '../shared/ids';
import type { CleaningZone } from './cleaning-zone';
import { cleaningTasksFor } from './cleaning-schedule';
import { DEFAULT_CLEANING_PLANS } from './default-cleaning-plans';
import type { CleaningCompletion, CleaningTaskState, ZoneCleaningStatus } from './zone-status';
import { zoneStatus, zoneStatuses } from './zone-status';

const at = (time: string): Date => new Date(`2026-03-02T${time}:00+08:00`);
const estateId = EstateId.parse('estate-1');
const toilet: CleaningZone = {
	id: ZoneId.parse('toilet-club'),
	estateId,
	kind: 'toilet',
	name: '会所卫生间',
};
const road: CleaningZone = { id: ZoneId.parse('road-east'), estateId, kind: 'road', name: '东路' };
const plans = Object.values(DEFAULT_CLEANING_PLANS);
const instances = cleaningTasksFor([toilet, road], plans, '2026-03-02', 'Asia/Shanghai', []);
/** Toilet rounds due 09:00, 12:00, 15:00 and 18:00, each with a one-hour window. */
const toiletRounds = instances.filter((instance) => instance.zoneId === toilet.id);

const cleaner = StaffId.parse('cleaner-zhou');
const done = (dueTime: string, time: string): CleaningCompletion => {
	const instance = toiletRounds.find((candidate) => candidate.dueAt.getTime() === at(dueTime).getTime());
	if (!instance) throw new Error(`no round due ${dueTime}`);
	return { taskInstanceId: instance.id, at: at(time), cleanerId: cleaner };
};

describe('zoneStatus', () => {
	it.each<[string, CleaningCompletion[], string, ZoneCleaningStatus, CleaningTaskState[]]>([
		[
			'early morning, before any window opens',
			[],
			'07:00',
			'idle',
			['upcoming', 'upcoming', 'upcoming', 'upcoming'],
		],
		['the first round’s window open', [], '08:30', 'due', ['due', 'upcoming', 'upcoming', 'upcoming']],
		['exactly at the due time', [], '09:00', 'due', ['due', 'upcoming', 'upcoming', 'upcoming']],
		['past due and not done', [], '09:10', 'overdue', ['overdue', 'upcoming', 'upcoming', 'upcoming']],
		[
			'the first round done in time',
			[done('09:00', '08:45')],
			'09:10',
			'done',
			['done', 'upcoming', 'upcoming', 'upcoming'],
		],
		[
			'the next window open',
			[done('09:00', '08:45')],
			'11:30',
			'due',
			['done', 'due', 'upcoming', 'upcoming'],
		],
		[
			'an early round missed while a later one is due',
			[],
			'11:30',
			'overdue',
			['overdue', 'due', 'upcoming', 'upcoming'],
		],
		[
			'every round done by evening',
			[done('09:00', '08:45'), done('12:00', '12:20'), done('15:00', '14:30'), done('18:00', '17:55')],
			'21:00',
			'done',
			['done', 'done', 'done', 'done'],
		],
		[
			'a completion tapped before the window opened',
			[done('09:00', '07:00')],
			'09:10',
			'overdue',
			['overdue', 'upcoming', 'upcoming', 'upcoming'],
		],
	])('%s', (_, completions, now, status, states) => {
		const result = zoneStatus(toiletRounds, completions, at(now));
		expect(result.status).toBe(status);
		expect(result.tasks.map((task) => task.state)).toEqual(states);
	});

	it('marks a round done after its due time as late', () => {
		const result = zoneStatus(toiletRounds, [done('12:00', '12:20'), done('12:00', '12:40')], at('13:00'));
		expect(result.tasks[1]).toMatchObject({ state: 'done', late: true, completion: { at: at('12:20') } });
	});

	it('points to the earliest round not yet done', () => {
		expect(zoneStatus(toiletRounds, [done('09:00', '08:45')], at('09:10')).nextDueAt).toEqual(at('12:00'));
		const allDone = [
			done('09:00', '08:45'),
			done('12:00', '12:00'),
			done('15:00', '15:00'),
			done('18:00', '18:00'),
		];
		expect(zoneStatus(toiletRounds, allDone, at('21:00')).nextDueAt).toBeNull();
	});

	it('is idle for a zone with nothing scheduled', () => {
		expect(zoneStatus([], [], at('10:00'))).toEqual({ status: 'idle', tasks: [], nextDueAt: null });
	});
});

describe('zoneStatuses', () => {
	it('reports every zone that has rounds, each judged by its own completions', () => {
		const statuses = zoneStatuses(instances, [done('09:00', '08:45')], at('09:10'));
		expect([...statuses].map(([zoneId, status]) => [zoneId, status.status])).toEqual([
			['road-east', 'overdue'],
			['toilet-club', 'done'],
		]);
	});
});
