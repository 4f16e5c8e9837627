import { describe, expect, it } from 'vitest';
import type { CleaningDay, CleaningTask, CleaningZone } from './api/cleaning-api';
import { cleaningCounts, cleaningList, cleaningSections, withZone } from './cleaning-list';

const task = (id: string, state: CleaningTask['state'], dueAt: string, doneAt?: string): CleaningTask => ({
	id,
	taskId: id,
	taskName: id,
	windowStartsAt: dueAt,
	dueAt,
	reason: 'plan',
	state,
	late: false,
	completion: doneAt ? { doneAt, cleanerId: 'c', photoAttachmentId: null } : null,
});

const zone = (zoneId: string, tasks: CleaningTask[]): CleaningZone => ({
	zoneId,
	name: zoneId,
	kind: 'corridor',
	status: 'due',
	nextDueAt: null,
	tasks,
});

describe('the cleaning list', () => {
	const zones = [
		zone('1栋楼道', [
			task('a-done-early', 'done', '2026-03-02T01:00:00Z', '2026-03-02T00:50:00Z'),
			task('a-up', 'upcoming', '2026-03-02T09:00:00Z'),
		]),
		zone('2栋电梯', [
			task('b-due', 'due', '2026-03-02T04:00:00Z'),
			task('b-overdue', 'overdue', '2026-03-02T02:00:00Z'),
			task('b-done-late', 'done', '2026-03-02T02:30:00Z', '2026-03-02T02:20:00Z'),
		]),
	];

	it('puts what is overdue first, then what is due, then later rounds, done ones last and latest first', () => {
		expect(cleaningList(zones).map((item) => item.task.id)).toEqual([
			'b-overdue',
			'b-due',
			'a-up',
			'b-done-late',
			'a-done-early',
		]);
	});

	it('keeps each round with its zone and counts them by state', () => {
		const items = cleaningList(zones);
		expect(items[0]?.zoneName).toBe('2栋电梯');
		expect(cleaningCounts(items)).toEqual({ overdue: 1, due: 1, upcoming: 1, done: 2 });
	});

	it('cuts the list into what to do now, later rounds and done ones, keeping the order', () => {
		const sections = cleaningSections(cleaningList(zones));
		expect(sections.now.map((item) => item.task.id)).toEqual(['b-overdue', 'b-due']);
		expect(sections.later.map((item) => item.task.id)).toEqual(['a-up']);
		expect(sections.done.map((item) => item.task.id)).toEqual(['b-done-late', 'a-done-early']);
	});

	it('takes in the newer picture of one zone', () => {
		const day: CleaningDay = { date: '2026-03-02', timeZone: 'Asia/Shanghai', evaluatedAt: '', zones };
		const after = withZone(
			day,
			zone('2栋电梯', [task('b-due', 'done', '2026-03-02T04:00:00Z', '2026-03-02T03:00:00Z')]),
		);
		expect(after.zones.map((z) => z.tasks.length)).toEqual([2, 1]);
	});
});
