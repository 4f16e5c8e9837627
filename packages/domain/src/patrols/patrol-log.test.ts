import { describe, expect, it } from 'vitest';
import { EstateId, PatrolRouteId, StaffId } from '../shared/ids';
import { PatrolLogEntryId, RecordPatrolLogEntry, recordPatrolLogEntry } from './patrol-log';
import { PatrolRoundId } from './patrol-round';

const now = new Date('2026-03-02T10:40:00+08:00');
const command = (extra: Record<string, unknown> = {}) =>
	RecordPatrolLogEntry.parse({
		estateId: EstateId.parse('estate-1'),
		routeId: PatrolRouteId.parse('route-garden'),
		guardId: StaffId.parse('guard-li'),
		findings: '3栋消防通道堆放杂物',
		...extra,
	});
const context = { id: PatrolLogEntryId.parse('log-1'), now };

describe('recordPatrolLogEntry', () => {
	it('records a finding outside any round, made now, with no handling yet', () => {
		expect(recordPatrolLogEntry(command(), context)).toEqual({
			ok: true,
			value: {
				id: 'log-1',
				estateId: 'estate-1',
				routeId: 'route-garden',
				roundId: null,
				guardId: 'guard-li',
				at: now,
				recordedAt: now,
				findings: '3栋消防通道堆放杂物',
				handling: '',
			},
		});
	});

	it('records the round and an earlier time when given', () => {
		const roundId = PatrolRoundId.parse('route-garden:2026-03-02T02:00:00.000Z');
		const earlier = new Date('2026-03-02T10:20:00+08:00');
		const result = recordPatrolLogEntry(
			command({ roundId, at: earlier, handling: '已通知住户清理' }),
			context,
		);
		expect(result.ok && result.value).toMatchObject({ roundId, at: earlier, handling: '已通知住户清理' });
	});

	it('rejects an entry dated after it is recorded', () => {
		const result = recordPatrolLogEntry(command({ at: new Date('2026-03-02T11:00:00+08:00') }), context);
		expect(result).toMatchObject({ ok: false, error: { code: 'PATROL_LOG.IN_FUTURE', path: ['at'] } });
	});

	it('rejects an empty finding at the edge', () => {
		expect(RecordPatrolLogEntry.safeParse({ ...command(), findings: '  ' }).success).toBe(false);
	});
});
