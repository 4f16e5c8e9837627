import { describe, expect, it } from 'vitest';
import { personsNamedBy } from './event-audience';

describe('personsNamedBy', () => {
	it('names the new and the previous assignee of a work order', () => {
		expect(personsNamedBy({ type: 'workOrder.assigned', payload: { assigneeId: 's-1' } })).toEqual(['s-1']);
		expect(
			personsNamedBy({
				type: 'workOrder.reassigned',
				payload: { assigneeId: 's-2', previousAssigneeId: 's-1', reason: '换人' },
			}),
		).toEqual(['s-2', 's-1']);
	});

	it('names the person whose alert it is', () => {
		expect(personsNamedBy({ type: 'alert.acknowledged', payload: { alert: { personId: 'g-1' } } })).toEqual([
			'g-1',
		]);
	});

	it('names nobody for events about no one in particular, or with nothing usable in them', () => {
		expect(personsNamedBy({ type: 'notice.published', payload: { assigneeId: 's-1' } })).toEqual([]);
		expect(personsNamedBy({ type: 'workOrder.accepted', payload: { responsibleStaffId: 's-1' } })).toEqual([]);
		expect(personsNamedBy({ type: 'workOrder.assigned', payload: null })).toEqual([]);
		expect(personsNamedBy({ type: 'alert.raised', payload: { alert: { personId: 7 } } })).toEqual([]);
	});
});
