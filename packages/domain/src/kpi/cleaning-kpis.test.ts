import { describe, expect, it } from 'vitest';
import { cleaningTaskCompletionRate, KpiCleaningTaskRecord } from './cleaning-kpis';

const task = (id: string, status: 'done' | 'due' | 'overdue') =>
	KpiCleaningTaskRecord.parse({
		id,
		estateId: 'estate-1',
		personId: 'staff-cleaner-1',
		department: 'cleaning',
		dueAt: new Date('2026-03-03T08:00:00+08:00'),
		status,
	});

describe('cleaningTaskCompletionRate', () => {
	it('is done over done and overdue tasks; tasks not yet due are not measured', () => {
		// Done t1, t4; overdue t2; due t3 → 2 / 3.
		expect(
			cleaningTaskCompletionRate([
				task('t1', 'done'),
				task('t2', 'overdue'),
				task('t3', 'due'),
				task('t4', 'done'),
			]),
		).toEqual({
			value: 2 / 3,
			numerator: 2,
			denominator: 3,
			recordIds: ['t1', 't2', 't4'],
			numeratorRecordIds: ['t1', 't4'],
		});
	});

	it('is null when every task is still due', () => {
		expect(cleaningTaskCompletionRate([task('t3', 'due')]).value).toBeNull();
	});
});
