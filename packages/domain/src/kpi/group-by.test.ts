import { describe, expect, it } from 'vitest';
import { groupBy, groupKpiRecords } from './group-by';
import { KpiWorkOrderRecord } from './technician-kpis';

const order = (id: string, personId: string, teamId: string | null, resolvedAt: string | null) =>
	KpiWorkOrderRecord.parse({
		id,
		estateId: 'estate-1',
		personId,
		teamId,
		department: 'engineering',
		resolvedAt: resolvedAt && new Date(resolvedAt),
		resolveClockMet: true,
		reopenCount: 0,
		ratings: null,
	});

const orders = [
	order('w1', 'tech-a', 'team-1', '2026-03-01T10:00:00+08:00'), // Sunday: 2026-W09, March
	order('w2', 'tech-a', 'team-1', '2026-03-02T00:30:00+08:00'), // Monday in Shanghai (Sunday in UTC): W10
	order('w3', 'tech-b', 'team-1', '2026-02-28T18:00:00+08:00'), // Saturday: W09, February
	order('w4', 'tech-b', null, '2026-03-03T09:00:00+08:00'), // W10, no team
	order('w5', 'tech-a', 'team-1', null), // not resolved
];

const summary = (groups: ReturnType<typeof groupKpiRecords<KpiWorkOrderRecord>>) =>
	groups.map((g) => [g.periodKey, g.groupKey, g.records.map((r) => r.id)]);

describe('groupBy', () => {
	it('groups records by key in order of first appearance, leaving out records without a key', () => {
		const groups = groupBy([1, 2, 3, 4, 5, 6], (n) => (n === 5 ? null : n % 2 === 0 ? 'even' : 'odd'));
		expect([...groups.entries()]).toEqual([
			['odd', [1, 3]],
			['even', [2, 4, 6]],
		]);
	});
});

describe('groupKpiRecords', () => {
	const instantOf = (r: KpiWorkOrderRecord) => r.resolvedAt;

	it('groups by person per ISO week in the estate’s zone', () => {
		const groups = groupKpiRecords(orders, instantOf, {
			period: 'week',
			dimension: 'person',
			timeZone: 'Asia/Shanghai',
		});
		expect(summary(groups)).toEqual([
			['2026-W09', 'tech-a', ['w1']],
			['2026-W09', 'tech-b', ['w3']],
			['2026-W10', 'tech-a', ['w2']],
			['2026-W10', 'tech-b', ['w4']],
		]);
		expect(groups[0]).toMatchObject({ period: 'week', dimension: 'person' });
	});

	it('puts an order resolved just after local midnight on Monday in the new week, unlike UTC', () => {
		const groups = groupKpiRecords(orders, instantOf, {
			period: 'week',
			dimension: 'person',
			timeZone: 'UTC',
		});
		expect(summary(groups)).toContainEqual(['2026-W09', 'tech-a', ['w1', 'w2']]);
	});

	it('groups by team per month, leaving out orders without a team', () => {
		const groups = groupKpiRecords(orders, instantOf, {
			period: 'month',
			dimension: 'team',
			timeZone: 'Asia/Shanghai',
		});
		expect(summary(groups)).toEqual([
			['2026-02', 'team-1', ['w3']],
			['2026-03', 'team-1', ['w1', 'w2']],
		]);
	});

	it.each([
		['department', 'engineering'],
		['estate', 'estate-1'],
	] as const)('groups by %s', (dimension, key) => {
		const groups = groupKpiRecords(orders, instantOf, {
			period: 'month',
			dimension,
			timeZone: 'Asia/Shanghai',
		});
		expect(summary(groups)).toEqual([
			['2026-02', key, ['w3']],
			['2026-03', key, ['w1', 'w2', 'w4']],
		]);
	});
});
