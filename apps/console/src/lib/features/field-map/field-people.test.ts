import type { FramePosition, PositionFrame } from '@estate-ops/domain/positions';
import { describe, expect, it } from 'vitest';
import { applyFrames, byAttention, peopleCounts, peopleFromLatest, reconcilePeople } from './field-people';
import type { FieldPerson } from './field-people';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

const fix = (personId: string, time: string, change: Partial<FramePosition> = {}): FramePosition => ({
	personId,
	role: 'guard',
	lng: 121.545,
	lat: 31.205,
	accuracyM: 8,
	headingDeg: 90,
	at: at(time),
	stale: false,
	outside: false,
	...change,
});

const frame = (...positions: FramePosition[]): PositionFrame => ({ estateId: 'e1', at: at('01:00:00'), positions });
const person = (personId: string, time: string, change: Partial<FieldPerson> = {}): FieldPerson => ({
	...fix(personId, time),
	name: personId,
	...change,
});
const names: Record<string, string> = { g1: '王保安', c1: '李保洁' };
const nameOf = (id: string) => names[id] ?? null;

describe('applyFrames', () => {
	it('puts a person seen for the first time on the map, named from the directory', () => {
		const next = applyFrames(new Map(), [frame(fix('g1', '01:00:00'))], nameOf);
		expect(next.get('g1')).toMatchObject({ personId: 'g1', name: '王保安', lng: 121.545 });
	});

	it('moves a person to a newer fix and keeps their name', () => {
		const people = new Map([['g1', person('g1', '01:00:00', { name: '王保安' })]]);
		const next = applyFrames(people, [frame(fix('g1', '01:00:05', { lng: 121.546 }))], () => null);
		expect(next.get('g1')).toMatchObject({ lng: 121.546, name: '王保安', at: at('01:00:05') });
	});

	it('ignores a fix older than the one held (a frame overtaken on the way)', () => {
		const people = new Map([['g1', person('g1', '01:00:05')]]);
		const next = applyFrames(people, [frame(fix('g1', '01:00:00', { lng: 0 }))], nameOf);
		expect(next).toBe(people);
	});

	it('greys a person out when the watch says their last fix went stale', () => {
		const people = new Map([['g1', person('g1', '01:00:00')]]);
		const next = applyFrames(people, [frame(fix('g1', '01:00:00', { stale: true }))], nameOf);
		expect(next.get('g1')?.stale).toBe(true);
	});

	it('folds several frames in order, so the last word on a person wins', () => {
		const next = applyFrames(
			new Map(),
			[frame(fix('g1', '01:00:00')), frame(fix('g1', '01:00:02', { outside: true }), fix('c1', '01:00:01', { role: 'cleaner' }))],
			nameOf,
		);
		expect(next.get('g1')).toMatchObject({ outside: true, at: at('01:00:02') });
		expect(next.get('c1')?.role).toBe('cleaner');
	});
});

describe('reconcilePeople', () => {
	it('takes the api’s answer, except where a frame held carries a later fix', () => {
		const loaded = peopleFromLatest([
			{
				personId: 'g1',
				displayName: '王保安',
				role: 'guard',
				lng: 1,
				lat: 1,
				accuracyM: 5,
				headingDeg: null,
				speedMps: null,
				batteryPct: null,
				at: at('01:00:00'),
				receivedAt: at('01:00:01'),
				stale: true,
				outside: false,
			},
		]);
		const held = new Map([
			['g1', person('g1', '01:00:03', { lng: 2, name: null })],
			['c1', person('c1', '01:00:00', { role: 'cleaner' })],
		]);
		const next = reconcilePeople(loaded, held);
		expect(next.get('g1')).toMatchObject({ lng: 2, name: '王保安', stale: false });
		expect(next.get('c1')?.role).toBe('cleaner');
	});

	it('believes the api about a fix it has too (stale is judged by the api now)', () => {
		const loaded = new Map([['g1', person('g1', '01:00:00', { stale: true })]]);
		const held = new Map([['g1', person('g1', '01:00:00', { stale: false })]]);
		expect(reconcilePeople(loaded, held).get('g1')?.stale).toBe(true);
	});
});

describe('peopleCounts and byAttention', () => {
	const people = [
		person('a', '01:00:00', { name: '甲', role: 'cleaner' }),
		person('b', '01:00:00', { name: '乙', stale: true }),
		person('c', '01:00:00', { name: '丙', outside: true }),
		person('d', '01:00:00', { name: '丁' }),
		person('e', '01:00:00', { name: '戊', role: 'technician' }),
	];

	it('counts people by trade, stale and outside', () => {
		expect(peopleCounts(people)).toEqual({
			total: 5,
			byRole: { guard: 3, cleaner: 1, technician: 1 },
			stale: 1,
			outside: 1,
		});
	});

	it('lists SOS first, then outside, live before stale, guards before technicians before cleaners', () => {
		const order = [...people].sort(byAttention(new Set(['a']))).map((p) => p.personId);
		expect(order).toEqual(['a', 'c', 'd', 'e', 'b']);
	});
});
