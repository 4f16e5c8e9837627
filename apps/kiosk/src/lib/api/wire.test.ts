import { describe, expect, it } from 'vitest';
import { read } from './read';
import { KioskEstate, KioskProgress } from './wire';

describe('KioskEstate', () => {
	const estate = {
		name: '御景华庭',
		code: 'YJHT',
		timeZone: 'Asia/Shanghai',
		emergencyPhone: '021-5888 0000',
		buildings: [{ id: 'b1', number: '1', name: '1号楼' }],
		publicPlaces: [
			{
				id: 'p1',
				name: '中心花园',
				kind: 'garden',
				polygon: [
					[121.5, 31.2],
					[121.6, 31.2],
					[121.6, 31.3],
				],
			},
		],
		boundary: [
			[121.4, 31.1],
			[121.7, 31.1],
			[121.7, 31.4],
		],
	};

	it('reads positions as [lng, lat] pairs', () => {
		expect(read(KioskEstate, estate)?.publicPlaces[0]?.polygon[1]).toEqual([121.6, 31.2]);
	});

	it('takes a missing map as no map', () => {
		const { publicPlaces: _, boundary: __, ...withoutMap } = estate;
		expect(read(KioskEstate, withoutMap)).toMatchObject({ publicPlaces: [], boundary: [] });
	});

	it('refuses a position that is not a pair', () => {
		expect(read(KioskEstate, { ...estate, boundary: [[121.4]] })).toBeNull();
	});
});

describe('KioskProgress', () => {
	it('reads the api’s progress with its dates and what the household may do', () => {
		const progress = read(KioskProgress, {
			code: 'R7KQ2MX',
			kind: 'repair',
			category: 'plumbing',
			urgency: 'general',
			status: 'assigned',
			paused: false,
			reopenCount: 0,
			steps: {
				submittedAt: '2026-03-02T01:00:00.000Z',
				acceptedAt: '2026-03-02T01:05:00.000Z',
				assignedAt: '2026-03-02T01:10:00.000Z',
				contactedAt: null,
				arrivedAt: null,
				resolvedAt: null,
				feedbackAt: null,
				closedAt: null,
				cancelledAt: null,
			},
			next: { step: 'contact', dueBy: '2026-03-02T01:40:00.000Z' },
			technician: { name: '王师傅' },
			expectedBy: '2026-03-02T01:40:00.000Z',
			canRate: false,
			canReopen: false,
		});
		expect(progress?.steps.assignedAt).toEqual(new Date('2026-03-02T01:10:00.000Z'));
		expect(progress?.technician?.name).toBe('王师傅');
		expect(progress?.next?.step).toBe('contact');
	});
});
