import { describe, expect, it } from 'vitest';
import type { EstateId, ParcelId, RoomId } from '../shared/ids';
import { closeParcel } from './parcel';
import type { Parcel } from './parcel';

const parcel: Parcel = {
	id: 'parcel-1' as ParcelId,
	estateId: 'estate-1' as EstateId,
	roomId: 'room-1' as RoomId,
	carrier: '顺丰',
	trackingNumber: 'SF1234567890',
	status: 'at_parcel_point',
	loggedAt: new Date('2026-11-23T01:00:00.000Z'),
	closedAt: null,
	closedBy: null,
};

describe('closeParcel', () => {
	it('records who picked it up and when, once', () => {
		const picked = closeParcel(parcel, 'picked_up', ' 李四 ', new Date('2026-11-23T10:00:00Z'));
		expect(picked).toEqual({
			ok: true,
			value: {
				...parcel,
				status: 'picked_up',
				closedAt: new Date('2026-11-23T10:00:00.000Z'),
				closedBy: '李四',
			},
		});
		if (!picked.ok) return;
		expect(closeParcel(picked.value, 'returned', '顺丰', new Date('2026-11-24T10:00:00Z'))).toMatchObject({
			ok: false,
			error: { code: 'GATE.PARCEL_CLOSED' },
		});
	});
});
