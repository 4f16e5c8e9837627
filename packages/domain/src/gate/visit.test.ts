import { describe, expect, it } from 'vitest';
import type { RoomId, StaffId, VisitId, EstateId } from '../shared/ids';
import { applyVisitCommand } from './visit';
import type { Visit } from './visit';

const guard = 'staff-guard' as StaffId;
const walkIn: Visit = {
	id: 'visit-1' as VisitId,
	estateId: 'estate-1' as EstateId,
	roomId: 'room-1' as RoomId,
	visitorName: '王五',
	purpose: 'guest',
	status: 'awaiting_confirmation',
	expectedUntil: new Date('2026-11-23T06:00:00.000Z'),
	arrivedAt: null,
	leftAt: null,
	confirmation: null,
};
const expected: Visit = {
	...walkIn,
	status: 'expected',
	expectedUntil: new Date('2026-11-23T12:00:00.000Z'),
};
const now = new Date('2026-11-23T02:00:00.000Z');

describe('applyVisitCommand', () => {
	it('lets a walk-in in when the resident confirms on a call, for the default four hours', () => {
		const result = applyVisitCommand(walkIn, { kind: 'confirm', method: 'call', recordedBy: guard }, now);
		expect(result).toEqual({
			ok: true,
			value: {
				...walkIn,
				status: 'inside',
				arrivedAt: new Date('2026-11-23T02:00:00.000Z'),
				expectedUntil: new Date('2026-11-23T06:00:00.000Z'),
				confirmation: {
					method: 'call',
					confirmed: true,
					at: new Date('2026-11-23T02:00:00.000Z'),
					recordedBy: guard,
				},
			},
		});
	});

	it('records a refusal from the kiosk and lets nobody in', () => {
		const result = applyVisitCommand(walkIn, { kind: 'refuse', method: 'kiosk', recordedBy: null }, now);
		expect(result.ok && result.value.status).toBe('refused');
		expect(result.ok && result.value.arrivedAt).toBeNull();
	});

	it('admits a pre-registered visitor inside the window and refuses after it', () => {
		expect(applyVisitCommand(expected, { kind: 'admit' }, now)).toMatchObject({
			ok: true,
			value: { status: 'inside', arrivedAt: new Date('2026-11-23T02:00:00.000Z') },
		});
		expect(applyVisitCommand(expected, { kind: 'admit' }, new Date('2026-11-23T12:00:01Z'))).toMatchObject({
			ok: false,
			error: { code: 'GATE.VISIT_EXPIRED' },
		});
	});

	it('records the departure of a visitor inside', () => {
		const inside = { ...expected, status: 'inside' as const, arrivedAt: now };
		expect(applyVisitCommand(inside, { kind: 'leave' }, new Date('2026-11-23T03:30:00Z'))).toMatchObject({
			ok: true,
			value: { status: 'left', leftAt: new Date('2026-11-23T03:30:00.000Z') },
		});
	});

	it.each([
		['awaiting_confirmation', 'admit'],
		['awaiting_confirmation', 'leave'],
		['expected', 'confirm'],
		['inside', 'cancel'],
		['left', 'leave'],
		['refused', 'confirm'],
		['cancelled', 'admit'],
	] as const)('refuses, from %s, to %s', (status, kind) => {
		const command =
			kind === 'confirm' ? { kind, method: 'console' as const, recordedBy: guard } : ({ kind } as const);
		expect(applyVisitCommand({ ...walkIn, status }, command, now)).toMatchObject({
			ok: false,
			error: { code: 'GATE.VISIT_TRANSITION', details: { from: status, command: kind } },
		});
	});
});
